import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { Heading, LoadingSpinner } from 'suomifi-ui-components';
import { ErrorNotice } from '../../../web/app/ErrorNotice.js';
import { useDateTime } from '../../../web/app/labels.js';
import { useSession } from '../../../web/app/session.js';
import { useApi } from '../../../web/app/use-api.js';
import type { getRound } from '../round-queries.js';
import { RoundManagerPanel } from './RoundManagerPanel.js';
import { RoundOfferingsTable } from './RoundOfferingsTable.js';
import { RoundResult } from './RoundResult.js';
import { WishEditor } from './WishEditor.js';
import { SignInFirst } from '../../../web/app/SignInFirst.js';

export type RoundDetail = Awaited<ReturnType<typeof getRound>>;

/** One round: its rules and offerings; a student's wishes or result; the organizer's allocation and publishing. */
export function RoundPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { user, loading } = useSession();
  const round = useApi<RoundDetail>(user ? `/rounds/${id}` : null);
  const dateTime = useDateTime();
  if (loading) return <LoadingSpinner text={t('common.loading')} />;
  if (!user) return <SignInFirst />;
  if (round.state === 'loading') return <LoadingSpinner text={t('common.loading')} />;
  if (round.state === 'error') return <div className="page"><Heading variant="h1">{t('round.title')}</Heading><ErrorNotice error={round.error} /></div>;
  const r = round.data;
  const published = r.phase === 'published';

  return (
    <div className="page">
      <p><Link to="/rounds">{t('round.back')}</Link></p>
      <Heading variant="h1">{r.name}</Heading>
      <dl className="details">
        <div className="detail-row"><dt>{t('round.phase')}</dt><dd><span className={`phase phase--${r.phase}`}>{t(`roundPhase.${r.phase}`)}</span></dd></div>
        <div className="detail-row"><dt>{t('round.organizer')}</dt><dd>{r.organizer?.name ?? t('round.regionWide')}</dd></div>
        <div className="detail-row"><dt>{t('round.period')}</dt><dd>{t('round.periodOf', { period: r.period, year: r.academicYear })}</dd></div>
        <div className="detail-row"><dt>{t('round.window')}</dt><dd>{dateTime(r.opensAt)} – {dateTime(r.closesAt)}</dd></div>
        <div className="detail-row"><dt>{t('round.maxCourses')}</dt><dd>{r.maxCoursesPerStudent}</dd></div>
        <div className="detail-row"><dt>{t('round.maxTravel')}</dt><dd>{r.maxTravelMinutes === null ? t('round.noTravelLimit') : t('round.minutes', { minutes: r.maxTravelMinutes })}</dd></div>
        {r.seed !== null && <div className="detail-row"><dt>{t('round.seed')}</dt><dd>{r.seed}</dd></div>}
      </dl>
      <details className="rules">
        <summary>{t('round.rulesTitle')}</summary>
        <ol>
          {(['rank', 'noRush', 'home', 'studyRight', 'clash', 'lottery', 'explain'] as const).map((rule) => <li key={rule}>{t(`round.rules.${rule}`)}</li>)}
        </ol>
      </details>

      {user.role === 'student' && r.phase === 'open' && <WishEditor round={r} onSaved={round.reload} />}
      {user.role === 'student' && r.phase === 'upcoming' && <p className="empty-state">{t('round.notYetOpen', { date: dateTime(r.opensAt) })}</p>}
      {user.role === 'student' && (r.phase === 'closed' || r.phase === 'allocated') && (
        <p className="empty-state">{t('round.waitingForResult', { count: r.myWishes.length })}</p>
      )}
      {r.canManage && <RoundManagerPanel round={r} onChanged={round.reload} />}
      {(published || (r.canManage && r.phase === 'allocated')) && <RoundResult roundId={r.id} version={r.allocation?.allocatedAt ? String(r.allocation.allocatedAt) : ''} />}
      {!(user.role === 'student' && r.phase === 'open') && !r.canManage && <RoundOfferingsTable round={r} />}
    </div>
  );
}
