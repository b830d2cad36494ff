import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { Button, Heading, LoadingSpinner, TextInput } from 'suomifi-ui-components';
import { api } from '../../../web/app/api.js';
import { useAction } from '../../../web/app/use-action.js';
import { ErrorNotice } from '../../../web/app/ErrorNotice.js';
import { creditUnitLabel, formatCredits, useCourseName } from '../../../web/app/labels.js';
import { useApi } from '../../../web/app/use-api.js';
import type { EnrolmentStatus } from '../enrolment-states.js';
import type { EnrolmentSummary } from './EnrolmentsPage.js';

interface EnrolmentDetail extends EnrolmentSummary {
  allowedSteps: EnrolmentStatus[];
  events: { id: number; from: EnrolmentStatus | null; to: EnrolmentStatus; reason: string | null; at: string; actor: string | null }[];
}

/** Steps that end a request for good: asked to confirm, and rejection needs a reason. */
const FINAL_STEPS: EnrolmentStatus[] = ['rejected', 'cancelled', 'dropped'];

export function EnrolmentPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const result = useApi<EnrolmentDetail>(`/enrolments/${id}`);
  const courseName = useCourseName();
  const [reason, setReason] = useState('');
  const [grade, setGrade] = useState('');
  const [credits, setCredits] = useState('');
  const [confirming, setConfirming] = useState<EnrolmentStatus | null>(null);
  const { busy, error, run } = useAction();

  if (result.state === 'loading') return <LoadingSpinner text={t('common.loading')} />;
  if (result.state === 'error') return <div className="page"><Heading variant="h1">{t('enrolment.title')}</Heading><ErrorNotice error={result.error} /></div>;
  const e = result.data;

  const take = async (to: EnrolmentStatus) => {
    if (FINAL_STEPS.includes(to) && confirming !== to) return setConfirming(to);
    await run(async () => {
      await api(`/enrolments/${e.id}/transitions`, {
        method: 'POST',
        json: { to, ...(reason.trim() ? { reason } : {}), ...(to === 'completed' ? { grade, credits: Number(credits.replace(',', '.')) } : {}) },
      });
      setConfirming(null);
      setReason('');
      result.reload();
    });
  };

  return (
    <div className="page page--narrow">
      <p><Link to="/enrolments">{t('enrolment.back')}</Link></p>
      <Heading variant="h1">{e.offering.courseCode} {courseName({ nameFi: e.offering.courseNameFi, nameSv: e.offering.courseNameSv, nameEn: e.offering.courseNameEn })}</Heading>
      <dl className="details">
        <div className="detail-row"><dt>{t('enrolment.status')}</dt><dd className="status-now">{t(`enrolmentStatus.${e.status}`)}</dd></div>
        <div className="detail-row"><dt>{t('enrolment.student')}</dt><dd>{e.student.name}{e.student.homeSchool && `, ${e.student.homeSchool}`}</dd></div>
        <div className="detail-row"><dt>{t('enrolment.host')}</dt><dd>{e.host.name}</dd></div>
        <div className="detail-row"><dt>{t('offering.title')}</dt><dd><Link to={`/offerings/${e.offering.id}`}>{t('enrolment.openOffering')}</Link></dd></div>
        {e.completion && (
          <div className="detail-row"><dt>{t('enrolment.completion')}</dt><dd>{t('enrolment.completionText', { grade: e.completion.grade, credits: formatCredits(e.completion.credits, e.offering.creditUnit, i18n.language), date: e.completion.completedOn })}</dd></div>
        )}
      </dl>

      {e.allowedSteps.length > 0 && (
        <section aria-labelledby="actions-heading" className="panel">
          <h2 id="actions-heading">{t('enrolment.actions')}</h2>
          {e.allowedSteps.some((s) => FINAL_STEPS.includes(s)) && (
            <TextInput labelText={t('enrolment.reason')} hintText={t('enrolment.reasonHint')} value={reason} onChange={(v) => setReason(String(v ?? ''))} fullWidth />
          )}
          {e.allowedSteps.includes('completed') && (
            <div className="form-row">
              <TextInput labelText={t('enrolment.grade')} value={grade} onChange={(v) => setGrade(String(v ?? ''))} />
              <TextInput labelText={t('enrolment.credits', { unit: creditUnitLabel(e.offering.creditUnit, i18n.language) })} value={credits} onChange={(v) => setCredits(String(v ?? ''))} />
            </div>
          )}
          {error && <ErrorNotice error={error} />}
          <div className="form-actions">
            {e.allowedSteps.map((step) => (
              <Button key={step} variant={FINAL_STEPS.includes(step) ? 'secondary' : 'default'} disabled={busy} onClick={() => void take(step)}>
                {confirming === step ? t('enrolment.confirm', { step: t(`enrolmentStep.${step}`) }) : t(`enrolmentStep.${step}`)}
              </Button>
            ))}
          </div>
        </section>
      )}

      <h2>{t('enrolment.history')}</h2>
      <table className="data-table">
        <caption className="visually-hidden">{t('enrolment.history')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('enrolment.when')}</th>
            <th scope="col">{t('enrolment.step')}</th>
            <th scope="col">{t('enrolment.who')}</th>
            <th scope="col">{t('enrolment.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {e.events.map((ev) => (
            <tr key={ev.id}>
              <td>{new Date(ev.at).toLocaleString(i18n.language === 'en' ? 'en-GB' : `${i18n.language}-FI`)}</td>
              <td>{ev.from ? `${t(`enrolmentStatus.${ev.from}`)} → ` : ''}{t(`enrolmentStatus.${ev.to}`)}</td>
              <td>{ev.actor ?? t('enrolment.automatic')}</td>
              <td>{ev.reason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
