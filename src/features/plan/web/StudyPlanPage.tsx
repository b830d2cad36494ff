import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { Button, Heading, LoadingSpinner, Textarea } from 'suomifi-ui-components';
import { api } from '../../../web/app/api.js';
import { useAction } from '../../../web/app/use-action.js';
import { StudyRecordSection } from '../../enrolment/web/StudyRecordSection.js';
import { ErrorNotice } from '../../../web/app/ErrorNotice.js';
import { formatCredits, useCourseName, useTravelTime } from '../../../web/app/labels.js';
import { useSession } from '../../../web/app/session.js';
import { useApi } from '../../../web/app/use-api.js';
import type { OfferingDto } from '../../catalog/offering-dto.js';
import type { Clash } from '../../timetable/clashes.js';
import { savePlan } from './AddToPlanButton.js';
import { SignInFirst } from '../../../web/app/SignInFirst.js';

interface StudyPlan {
  student: { id: number; name: string };
  canEdit: boolean;
  canComment: boolean;
  studyRights: { kind: string; qualification: string | null; targetCredits: number; plannedCredits: number; completedCredits: number }[];
  items: { offering: OfferingDto; enrolment: { id: number; status: string } | null; needsEnrolment: boolean }[];
  clashes: Clash[];
  comments: { id: number; body: string; at: string; author: string }[];
}

const UNIT: Record<string, string> = { general_upper_secondary: 'op', vocational: 'osp' };

/** A student's study plan (HOPS): progress toward each degree, the courses by period, clashes and comments. */
export function StudyPlanPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const travelTime = useTravelTime();
  const { user, loading } = useSession();
  const studentId = id ?? (user?.role === 'student' ? String(user.id) : null);
  const plan = useApi<StudyPlan>(studentId ? `/students/${studentId}/plan` : null);
  const courseName = useCourseName();
  const [comment, setComment] = useState('');
  const removal = useAction();
  const commenting = useAction();

  if (loading) return <LoadingSpinner text={t('common.loading')} />;
  if (!user) return <SignInFirst />;
  if (!studentId) return <div className="page"><Heading variant="h1">{t('plan.title')}</Heading><p>{t('plan.studentsOnly')}</p></div>;
  if (plan.state === 'loading') return <LoadingSpinner text={t('common.loading')} />;
  if (plan.state === 'error') return <div className="page"><Heading variant="h1">{t('plan.title')}</Heading><ErrorNotice error={plan.error} /></div>;
  const p = plan.data;
  const nameOf = (offeringId: number) => {
    const o = p.items.find((i) => i.offering.id === offeringId)?.offering;
    return o ? `${o.course.code} ${courseName(o.course)}` : String(offeringId);
  };
  const remove = (offeringId: number) =>
    removal.run(async () => {
      await savePlan(p.student.id, p.items.map((i) => i.offering.id).filter((id) => id !== offeringId));
      plan.reload();
    });
  const send = () =>
    commenting.run(async () => {
      await api(`/students/${p.student.id}/plan/comments`, { method: 'POST', json: { body: comment } });
      setComment('');
      plan.reload();
    });

  return (
    <div className="page">
      <Heading variant="h1">{t('plan.titleFor', { name: p.student.name })}</Heading>
      <section aria-labelledby="rights-heading">
        <h2 id="rights-heading">{t('plan.progress')}</h2>
        {p.studyRights.length === 0 && <p className="empty-state">{t('plan.noRights')}</p>}
        <ul className="progress-list">
          {p.studyRights.map((r) => (
            <li key={r.kind}>
              <strong>{t(`form.${r.kind}`)}</strong>{r.qualification && ` – ${r.qualification}`}:{' '}
              {t('plan.creditsProgress', {
                completed: formatCredits(r.completedCredits, UNIT[r.kind]!, i18n.language),
                planned: formatCredits(r.plannedCredits, UNIT[r.kind]!, i18n.language),
                target: formatCredits(r.targetCredits, UNIT[r.kind]!, i18n.language),
              })}
              <progress max={r.targetCredits} value={Math.min(r.plannedCredits, r.targetCredits)} aria-label={t(`form.${r.kind}`)} />
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="clashes-heading">
        <h2 id="clashes-heading">{t('plan.clashes')}</h2>
        {p.clashes.length === 0 ? <p>{t('plan.noClashes')}</p> : (
          <ul role="list" className="clash-list">
            {p.clashes.map((c, i) => (
              <li key={i}>
                {c.kind === 'overlap'
                  ? t('plan.overlap', { a: nameOf(c.a), b: nameOf(c.b), period: c.period })
                  : t('plan.travelClash', { a: nameOf(c.a), b: nameOf(c.b), period: c.period, gap: c.gapMinutes, travel: c.travelMinutes })}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="courses-heading">
        <h2 id="courses-heading">{t('plan.courses')}</h2>
        {removal.error && <ErrorNotice error={removal.error} />}
        {p.items.length === 0 ? <p className="empty-state">{t('plan.empty')}</p> : (
          <div className="table-scroll" tabIndex={0}>
            <table className="data-table">
              <caption className="visually-hidden">{t('plan.courses')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('manage.course')}</th>
                  <th scope="col">{t('offering.provider')}</th>
                  <th scope="col">{t('offering.periods')}</th>
                  <th scope="col">{t('offering.mode')}</th>
                  <th scope="col">{t('map.travel')}</th>
                  <th scope="col">{t('plan.enrolment')}</th>
                  {p.canEdit && <th scope="col">{t('manage.actions')}</th>}
                </tr>
              </thead>
              <tbody>
                {[...p.items].sort((a, b) => (a.offering.periods[0] ?? 9) - (b.offering.periods[0] ?? 9)).map(({ offering: o, enrolment, needsEnrolment }) => (
                  <tr key={o.id}>
                    <td><Link to={`/offerings/${o.id}`}>{o.course.code} {courseName(o.course)}</Link></td>
                    <td>{o.provider.name}</td>
                    <td>{o.periods.join(', ')}</td>
                    <td>{t(`mode.${o.mode}`)}</td>
                    <td>{o.travelMinutes === null ? '–' : travelTime(o.travelMinutes, o.travelModel)}</td>
                    <td>
                      {enrolment ? <Link to={`/enrolments/${enrolment.id}`}>{t(`enrolmentStatus.${enrolment.status}`)}</Link>
                        : needsEnrolment ? <Link to={`/offerings/${o.id}`}><strong>{t('plan.needsEnrolment')}</strong></Link> : t('plan.homeCourse')}
                    </td>
                    {p.canEdit && (
                      <td>
                        <Button variant="secondaryNoBorder" onClick={() => void remove(o.id)} aria-label={t('plan.removeLabel', { course: o.course.code })}>
                          {t('plan.remove')}
                        </Button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <StudyRecordSection studentId={p.student.id} />

      <section aria-labelledby="comments-heading">
        <h2 id="comments-heading">{t('plan.comments')}</h2>
        {p.comments.length === 0 && <p>{t('plan.noComments')}</p>}
        <ul className="compact-list">
          {p.comments.map((c) => (
            <li key={c.id}><strong>{c.author}</strong> ({new Date(c.at).toLocaleDateString(i18n.language === 'en' ? 'en-GB' : `${i18n.language}-FI`)}): {c.body}</li>
          ))}
        </ul>
        {p.canComment && (
          <div className="stack">
            <Textarea labelText={t('plan.newComment')} value={comment} onChange={(e) => setComment(e.target.value)} fullWidth />
            {commenting.error && <ErrorNotice error={commenting.error} />}
            <div><Button onClick={() => void send()} disabled={!comment.trim()}>{t('plan.send')}</Button></div>
          </div>
        )}
      </section>
    </div>
  );
}
