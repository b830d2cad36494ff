import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Button } from 'suomifi-ui-components';
import { api } from '../../../web/app/api.js';
import { useAction } from '../../../web/app/use-action.js';
import { ErrorNotice } from '../../../web/app/ErrorNotice.js';
import { useSession } from '../../../web/app/session.js';

/** On a partner's offering page, a student asks for a seat; the request goes to their counsellor. */
export function RequestSeatButton({ offeringId, providerId }: { offeringId: number; providerId: number }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [created, setCreated] = useState<number | null>(null);
  const { busy, error, run } = useAction();
  if (user?.role !== 'student' || user.organizationId === providerId) return null;

  const request = () => run(async () => setCreated((await api<{ id: number }>('/enrolments', { method: 'POST', json: { offeringId } })).id));
  return (
    <section className="request-seat" aria-labelledby="request-heading">
      <h2 id="request-heading">{t('enrolment.requestTitle')}</h2>
      <p>{t('enrolment.requestHelp')}</p>
      <div aria-live="polite">
        {created ? (
          <p className="success">
            {t('enrolment.requestSent')} <Link to={`/enrolments/${created}`}>{t('enrolment.openRequest')}</Link>
          </p>
        ) : (
          <Button onClick={() => void request()} disabled={busy}>{t('enrolment.request')}</Button>
        )}
        {error && <ErrorNotice error={error} />}
      </div>
    </section>
  );
}
