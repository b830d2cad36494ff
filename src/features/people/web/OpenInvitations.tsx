import { useTranslation } from 'react-i18next';
import { Heading, LoadingSpinner } from 'suomifi-ui-components';
import { api } from '../../../web/app/api.js';
import { ConfirmAction } from '../../../web/app/ConfirmAction.js';
import { ErrorNotice } from '../../../web/app/ErrorNotice.js';
import { useDate } from '../../../web/app/labels.js';
import { useAction } from '../../../web/app/use-action.js';
import type { Loadable } from '../../../web/app/use-api.js';

export interface OpenInvitation {
  id: number;
  email: string;
  role: string;
  organizationName: string | null;
  expiresAt: string;
  expired: boolean;
}

/** Invitations not yet accepted: who, to what, until when; each can be withdrawn. */
export function OpenInvitations({ invitations, onChanged }: { invitations: Loadable<{ items: OpenInvitation[]; total: number }>; onChanged: () => void }) {
  const { t } = useTranslation();
  const date = useDate();
  const { busy, error, run } = useAction();
  return (
    <section aria-labelledby="invitations-heading">
      <Heading variant="h2" id="invitations-heading">{t('people.openInvitations')}</Heading>
      {invitations.state === 'loading' && <LoadingSpinner text={t('common.loading')} />}
      {invitations.state === 'error' && <ErrorNotice error={invitations.error} />}
      {error && <ErrorNotice error={error} />}
      {invitations.state === 'ready' && (invitations.data.items.length === 0 ? (
        <p className="empty-state">{t('people.noInvitations')}</p>
      ) : (
        <ul className="card-list" aria-label={t('people.openInvitationsCount', { count: invitations.data.total })}>
          {invitations.data.items.map((invitation) => (
            <li key={invitation.id}>
              <h3>{invitation.email}</h3>
              <p className="meta">
                {t(`roles.${invitation.role}`)}
                {invitation.organizationName && ` · ${invitation.organizationName}`}
                {' · '}
                {invitation.expired ? <strong>{t('people.expired', { date: date(invitation.expiresAt) })}</strong> : t('people.validUntil', { date: date(invitation.expiresAt) })}
              </p>
              <ConfirmAction
                label={t('people.withdraw')}
                question={t('people.withdrawQuestion', { email: invitation.email })}
                confirmLabel={t('people.withdrawConfirm')}
                busy={busy}
                onConfirm={() => run(async () => {
                  await api(`/invitations/${invitation.id}`, { method: 'DELETE' });
                  onChanged();
                })}
              />
            </li>
          ))}
        </ul>
      ))}
      {invitations.state === 'ready' && invitations.data.total > invitations.data.items.length && <p>{t('people.newestShown', { shown: invitations.data.items.length, total: invitations.data.total })}</p>}
    </section>
  );
}
