import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'suomifi-ui-components';
import { api } from '../../../web/app/api.js';
import { useAction } from '../../../web/app/use-action.js';
import { ErrorNotice } from '../../../web/app/ErrorNotice.js';
import { useCourseName } from '../../../web/app/labels.js';
import type { allocateRound } from '../round-service.js';
import { RoundOfferingsTable } from './RoundOfferingsTable.js';
import type { RoundDetail } from './RoundPage.js';

type AllocationSummary = Awaited<ReturnType<typeof allocateRound>>;
type Seats = Record<number, { capacity: string; partnerSeats: string }>;

/** The organizer closes the round, allocates (again, with changed seats) and publishes, confirming the steps that cannot be undone. */
export function RoundManagerPanel({ round, onChanged }: { round: RoundDetail; onChanged(): void }) {
  const { t } = useTranslation();
  const courseName = useCourseName();
  const [seats, setSeats] = useState<Seats>({});
  const [summary, setSummary] = useState<AllocationSummary | null>(null);
  const [confirming, setConfirming] = useState<'close' | 'publish' | null>(null);
  const { running: busy, error, run: runAction } = useAction();
  const canAllocate = round.phase === 'closed' || round.phase === 'allocated';

  const run = (action: string, call: () => Promise<unknown>) =>
    runAction(async () => {
      await call();
      setConfirming(null);
      onChanged();
    }, action);
  const close = () => run('close', () => api(`/rounds/${round.id}`, { method: 'PATCH', json: { closesAt: new Date().toISOString() } }));
  const publish = () => run('publish', () => api(`/rounds/${round.id}/publish`, { method: 'POST', json: {} }));
  const allocate = () =>
    run('allocate', async () => {
      const capacities = Object.entries(seats).map(([offeringId, s]) => ({ offeringId: Number(offeringId), capacity: Number(s.capacity), partnerSeats: Number(s.partnerSeats) }));
      setSummary(await api<AllocationSummary>(`/rounds/${round.id}/allocate`, { method: 'POST', json: { capacities } }));
      setSeats({});
    });
  const seatInput = (item: RoundDetail['offerings'][number], key: 'capacity' | 'partnerSeats') => {
    const id = item.offering.id;
    const value = seats[id]?.[key] ?? String(item[key]);
    return (
      <input
        type="number"
        min={0}
        className="seat-input"
        value={value}
        aria-label={t(`round.manage.${key}For`, { name: `${item.offering.course.code} ${courseName(item.offering.course)}` })}
        onChange={(e) => setSeats((s) => ({ ...s, [id]: { capacity: String(item.capacity), partnerSeats: String(item.partnerSeats), ...s[id], [key]: e.target.value } }))}
      />
    );
  };

  return (
    <section className="panel" aria-labelledby="manage-round-heading">
      <h2 id="manage-round-heading">{t('round.manage.title')}</h2>
      <p>{t(`round.manage.help.${round.phase}`)}</p>
      {round.students !== null && <p>{t('round.manage.demand', { count: round.students })}</p>}
      {error && <ErrorNotice error={error} />}
      <div className="form-actions">
        {(round.phase === 'open' || round.phase === 'upcoming') && (
          <Button variant="secondary" disabled={busy !== null} onClick={() => (confirming === 'close' ? void close() : setConfirming('close'))}>
            {confirming === 'close' ? t('round.manage.confirmClose') : t('round.manage.close')}
          </Button>
        )}
        {canAllocate && (
          <Button disabled={busy !== null} onClick={() => void allocate()}>
            {busy === 'allocate' ? t('round.manage.allocating') : round.phase === 'allocated' ? t('round.manage.rerun') : t('round.manage.allocate')}
          </Button>
        )}
        {round.phase === 'allocated' && (
          <Button variant="secondary" disabled={busy !== null} onClick={() => (confirming === 'publish' ? void publish() : setConfirming('publish'))}>
            {confirming === 'publish' ? t('round.manage.confirmPublish') : t('round.manage.publish')}
          </Button>
        )}
      </div>
      <div aria-live="polite">
        {summary && (
          <p className="result-summary">
            {t('round.manage.summary', { met: summary.met, wishes: summary.wishes, served: summary.studentsServed, students: summary.students })}{' '}
            {t(`round.manage.method.${summary.method}${summary.provedOptimal ? 'Optimal' : ''}`)}
          </p>
        )}
      </div>
      <details className="seats-details" open={round.phase === 'closed'}>
        <summary>{t('round.manage.seatsTitle', { count: round.offerings.length })}</summary>
        <RoundOfferingsTable
        round={round}
        columns={
          canAllocate
            ? [
                { header: t('round.manage.capacity'), cell: (item) => seatInput(item, 'capacity') },
                { header: t('round.manage.partnerSeats'), cell: (item) => seatInput(item, 'partnerSeats') },
              ]
            : []
        }
        />
      </details>
    </section>
  );
}
