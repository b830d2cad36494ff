import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Button, LoadingSpinner } from 'suomifi-ui-components';
import { toQuery } from '../../../web/app/api.js';
import { ErrorNotice } from '../../../web/app/ErrorNotice.js';
import { useCourseName } from '../../../web/app/labels.js';
import { useApi } from '../../../web/app/use-api.js';
import type { roundResult } from '../round-queries.js';

type Result = Awaited<ReturnType<typeof roundResult>>;
type WishOutcome = Result['students'][number]['wishes'][number];
const PAGE = 25;

/** Who got what, wish by wish, with the reason for every wish not met; the organizer pages through every student. */
export function RoundResult({ roundId, version }: { roundId: number; version: string }) {
  const { t } = useTranslation();
  const courseName = useCourseName();
  const [offset, setOffset] = useState(0);
  const result = useApi<Result>(`/rounds/${roundId}/result${toQuery({ limit: PAGE, offset, v: version })}`);
  const nameOf = (course: { fi: string; sv: string; en: string }) => courseName({ nameFi: course.fi, nameSv: course.sv, nameEn: course.en });
  const outcomeText = (w: WishOutcome) =>
    w.assigned
      ? t('round.result.assigned')
      : w.reason === 'clash' && w.clashWith
        ? t('round.reason.clashWith', { name: `${w.clashWith.courseCode} ${nameOf(w.clashWith.courseName)}` })
        : t(`round.reason.${w.reason}`);

  if (result.state === 'loading') return <LoadingSpinner text={t('common.loading')} />;
  if (result.state === 'error') return <ErrorNotice error={result.error} />;
  const { summary, students, total } = result.data;
  return (
    <section aria-labelledby="result-heading">
      <h2 id="result-heading">{t('round.result.title')}</h2>
      {summary && (
        <ul className="reason-counts">
          {Object.entries(summary.byReason).sort(([a], [b]) => Number(b === 'met') - Number(a === 'met')).map(([reason, n]) => (
            <li key={reason}>{reason === 'met' ? t('round.result.assigned') : t(`round.reason.${reason}`)}: {n}</li>
          ))}
        </ul>
      )}
      {students.length === 0 && <p className="empty-state">{t('round.result.empty')}</p>}
      {students.map(({ student, wishes }) => (
        <table className="data-table" key={student.id}>
          <caption>{t('round.result.caption', { name: student.name, met: wishes.filter((w) => w.assigned).length, count: wishes.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('round.result.rank')}</th>
              <th scope="col">{t('manage.course')}</th>
              <th scope="col">{t('round.provider')}</th>
              <th scope="col">{t('round.result.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {wishes.map((w) => (
              <tr key={w.offering.id} className={w.assigned ? 'outcome--met' : 'outcome--unmet'}>
                <td>{w.rank}</td>
                <td><Link to={`/offerings/${w.offering.id}`}>{w.offering.courseCode} {nameOf(w.offering.courseName)}</Link></td>
                <td>{w.offering.provider}</td>
                <td>
                  {outcomeText(w)}
                  {w.enrolmentId !== null && <> · <Link to={`/enrolments/${w.enrolmentId}`}>{t('round.result.openEnrolment')}</Link></>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      {total > PAGE && (
        <nav className="pager" aria-label={t('round.result.pages')}>
          <Button variant="secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>{t('round.result.previous')}</Button>
          <span>{t('round.result.showing', { from: offset + 1, to: Math.min(total, offset + PAGE), total })}</span>
          <Button variant="secondary" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>{t('round.result.next')}</Button>
        </nav>
      )}
    </section>
  );
}
