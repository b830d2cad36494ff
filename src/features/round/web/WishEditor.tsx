import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'suomifi-ui-components';
import { api } from '../../../web/app/api.js';
import { useAction } from '../../../web/app/use-action.js';
import { ErrorNotice } from '../../../web/app/ErrorNotice.js';
import { useCourseName } from '../../../web/app/labels.js';
import { MAX_WISHES_PER_STUDENT } from '../allocation-problem.js';
import { RoundOfferingsTable } from './RoundOfferingsTable.js';
import type { RoundDetail } from './RoundPage.js';

/** A student ranks wishes: add from the offerings, move up and down, remove, save; editable until the deadline. */
export function WishEditor({ round, onSaved }: { round: RoundDetail; onSaved(): void }) {
  const { t } = useTranslation();
  const courseName = useCourseName();
  const [wishes, setWishes] = useState<number[]>(round.myWishes);
  const { busy, error, run } = useAction();
  const [message, setMessage] = useState('');
  useEffect(() => setWishes(round.myWishes), [round.myWishes.join(',')]);
  const byId = new Map(round.offerings.map((o) => [o.offering.id, o.offering]));
  const unsaved = wishes.join(',') !== round.myWishes.join(',');

  const change = (next: number[], announcement: string) => {
    setWishes(next);
    setMessage(announcement);
  };
  const move = (index: number, by: -1 | 1) => {
    const next = [...wishes];
    [next[index], next[index + by]] = [next[index + by]!, next[index]!];
    change(next, t('round.wishes.moved', { name: label(wishes[index]!), rank: index + by + 1 }));
  };
  const label = (id: number) => {
    const o = byId.get(id);
    return o ? `${o.course.code} ${courseName(o.course)}, ${o.provider.name}` : String(id);
  };
  const save = () =>
    run(async () => {
      await api(`/rounds/${round.id}/wishes`, { method: 'PUT', json: { offeringIds: wishes } });
      setMessage(t('round.wishes.saved'));
      onSaved();
    });

  return (
    <>
      <section className="panel" aria-labelledby="wishes-heading">
        <h2 id="wishes-heading">{t('round.wishes.title')}</h2>
        <p>{t('round.wishes.help', { max: round.maxCoursesPerStudent })}</p>
        {wishes.length === 0 ? (
          <p className="empty-state">{t('round.wishes.empty')}</p>
        ) : (
          <ol className="wish-list">
            {wishes.map((id, i) => (
              <li key={id}>
                <span className="wish-list__name">{label(id)}</span>
                <span className="wish-list__actions">
                  <Button variant="secondaryNoBorder" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('round.wishes.up', { name: label(id) })}>↑</Button>
                  <Button variant="secondaryNoBorder" disabled={i === wishes.length - 1} onClick={() => move(i, 1)} aria-label={t('round.wishes.down', { name: label(id) })}>↓</Button>
                  <Button variant="secondaryNoBorder" onClick={() => change(wishes.filter((w) => w !== id), t('round.wishes.removed', { name: label(id) }))} aria-label={t('round.wishes.remove', { name: label(id) })}>✕</Button>
                </span>
              </li>
            ))}
          </ol>
        )}
        {error && <ErrorNotice error={error} />}
        <div className="form-actions">
          <Button disabled={busy || !unsaved} onClick={() => void save()}>{t('round.wishes.save')}</Button>
          {unsaved && <span className="muted">{t('round.wishes.unsaved')}</span>}
        </div>
        <p aria-live="polite" className="visually-hidden">{message}</p>
      </section>
      <RoundOfferingsTable
        round={round}
        columns={[
          {
            header: t('round.wishes.rankColumn'),
            cell: ({ offering }) =>
              wishes.includes(offering.id) ? (
                t('round.wishes.rank', { rank: wishes.indexOf(offering.id) + 1 })
              ) : (
                <Button variant="secondary" disabled={wishes.length >= MAX_WISHES_PER_STUDENT} onClick={() => change([...wishes, offering.id], t('round.wishes.added', { name: label(offering.id), rank: wishes.length + 1 }))} aria-label={t('round.wishes.add', { name: label(offering.id) })}>
                  {t('round.wishes.addShort')}
                </Button>
              ),
          },
        ]}
      />
    </>
  );
}
