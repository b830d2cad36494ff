import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Button } from 'suomifi-ui-components';
import { api } from '../../../web/app/api.js';
import { useAction } from '../../../web/app/use-action.js';
import { ErrorNotice } from '../../../web/app/ErrorNotice.js';
import { useSession } from '../../../web/app/session.js';

/** The plan as the server holds it: the offering ids only. */
export async function plannedOfferingIds(studentId: number): Promise<number[]> {
  const plan = await api<{ items: { offering: { id: number } }[] }>(`/students/${studentId}/plan`);
  return plan.items.map((i) => i.offering.id);
}

export function savePlan(studentId: number, offeringIds: number[]) {
  return api(`/students/${studentId}/plan`, { method: 'PUT', json: { offeringIds } });
}

/** On an offering page, a student adds the offering to their study plan. */
export function AddToPlanButton({ offeringId }: { offeringId: number }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [added, setAdded] = useState(false);
  const { busy, error, run } = useAction();
  if (user?.role !== 'student') return null;
  const add = () =>
    run(async () => {
      const ids = await plannedOfferingIds(user.id);
      if (!ids.includes(offeringId)) await savePlan(user.id, [...ids, offeringId]);
      setAdded(true);
    });
  return (
    <div aria-live="polite" className="add-to-plan">
      {added ? (
        <p className="success">{t('plan.added')} <Link to="/plan">{t('plan.openPlan')}</Link></p>
      ) : (
        <Button variant="secondary" disabled={busy} onClick={() => void add()}>{t('plan.add')}</Button>
      )}
      {error && <ErrorNotice error={error} />}
    </div>
  );
}
