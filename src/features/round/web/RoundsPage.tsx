import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Heading, LoadingSpinner, Paragraph } from 'suomifi-ui-components';
import { ErrorNotice } from '../../../web/app/ErrorNotice.js';
import { useDateTime } from '../../../web/app/labels.js';
import { useSession } from '../../../web/app/session.js';
import { useApi } from '../../../web/app/use-api.js';
import type { listRounds } from '../round-queries.js';
import { NewRoundForm } from './NewRoundForm.js';
import { isAdmin } from '../../auth/roles.js';
import { SignInFirst } from '../../../web/app/SignInFirst.js';

export type RoundSummary = Awaited<ReturnType<typeof listRounds>>['items'][number];

/** The region's selection rounds, newest first; admins and coordinators open new ones here. */
export function RoundsPage() {
  const { t } = useTranslation();
  const { user, loading } = useSession();
  const rounds = useApi<{ items: RoundSummary[]; total: number }>(user ? '/rounds?limit=200' : null);
  const dateTime = useDateTime();
  if (loading) return <LoadingSpinner text={t('common.loading')} />;
  if (!user) return <SignInFirst />;
  return (
    <div className="page">
      <Heading variant="h1">{t('round.listTitle')}</Heading>
      <Paragraph className="lead">{t('round.listLead')}</Paragraph>
      {rounds.state === 'loading' && <LoadingSpinner text={t('common.loading')} />}
      {rounds.state === 'error' && <ErrorNotice error={rounds.error} />}
      {rounds.state === 'ready' &&
        (rounds.data.items.length === 0 ? (
          <p className="empty-state">{t('round.empty')}</p>
        ) : (
          <div className="table-scroll" tabIndex={0}>
            <table className="data-table">
              <caption>{t('round.caption', { count: rounds.data.total })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('round.name')}</th>
                  <th scope="col">{t('round.organizer')}</th>
                  <th scope="col">{t('round.period')}</th>
                  <th scope="col">{t('round.window')}</th>
                  <th scope="col">{t('round.phase')}</th>
                </tr>
              </thead>
              <tbody>
                {rounds.data.items.map((r) => (
                  <tr key={r.id}>
                    <td><Link to={`/rounds/${r.id}`}>{r.name}</Link></td>
                    <td>{r.organizer?.name ?? t('round.regionWide')}</td>
                    <td>{t('round.periodOf', { period: r.period, year: r.academicYear })}</td>
                    <td>{dateTime(r.opensAt)} – {dateTime(r.closesAt)}</td>
                    <td><span className={`phase phase--${r.phase}`}>{t(`roundPhase.${r.phase}`)}</span></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      {(isAdmin(user) || user.role === 'coordinator') && <NewRoundForm />}
    </div>
  );
}
