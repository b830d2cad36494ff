import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { Dropdown, DropdownItem, Heading, LoadingSpinner, Paragraph } from 'suomifi-ui-components';
import { toQuery } from '../../../web/app/api.js';
import { ErrorNotice } from '../../../web/app/ErrorNotice.js';
import { useCourseName } from '../../../web/app/labels.js';
import { useSession } from '../../../web/app/session.js';
import { useApi } from '../../../web/app/use-api.js';
import { NotificationList } from '../../notification/web/NotificationList.js';
import { ENROLMENT_STATUSES, type EnrolmentStatus } from '../enrolment-states.js';
import { SignInFirst } from '../../../web/app/SignInFirst.js';

export interface EnrolmentSummary {
  id: number;
  status: EnrolmentStatus;
  offering: { id: number; courseCode: string; courseNameFi: string; courseNameSv: string; courseNameEn: string; creditUnit: string };
  host: { id: number; name: string };
  student: { id: number; name: string; homeSchool: string | null };
  completion: { grade: string; credits: number; completedOn: string } | null;
  updatedAt: string;
}

/** The requests that concern the signed-in person: a student's own, a counsellor's students', a host's. */
export function EnrolmentsPage() {
  const { t } = useTranslation();
  const { user, loading } = useSession();
  const [searchParams, setSearchParams] = useSearchParams();
  const status = searchParams.get('status');
  const result = useApi<{ items: EnrolmentSummary[]; total: number }>(user ? `/enrolments${toQuery({ status, limit: 200 })}` : null);
  const courseName = useCourseName();
  if (loading) return <LoadingSpinner text={t('common.loading')} />;
  if (!user) return <SignInFirst />;
  return (
    <div className="page">
      <Heading variant="h1">{t('enrolment.listTitle')}</Heading>
      <Paragraph className="lead">{t(`enrolment.listLead.${user.role}`, { defaultValue: t('enrolment.listLead.other') })}</Paragraph>
      <NotificationList />
      <Dropdown id="enrolment-status" labelText={t('enrolment.status')} value={status ?? 'any'} onChange={(v: string) => setSearchParams(v === 'any' ? {} : { status: v }, { replace: true })}>
        {[<DropdownItem key="any" value="any">{t('filters.any')}</DropdownItem>, ...ENROLMENT_STATUSES.map((s) => <DropdownItem key={s} value={s}>{t(`enrolmentStatus.${s}`)}</DropdownItem>)]}
      </Dropdown>
      {result.state === 'loading' && <LoadingSpinner text={t('common.loading')} />}
      {result.state === 'error' && <ErrorNotice error={result.error} />}
      {result.state === 'ready' && (result.data.items.length === 0 ? (
        <p className="empty-state">{t('enrolment.empty')}</p>
      ) : (
        <div className="table-scroll" tabIndex={0}>
          <table className="data-table">
            <caption>{t('enrolment.caption', { count: result.data.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('manage.course')}</th>
                <th scope="col">{t('enrolment.host')}</th>
                <th scope="col">{t('enrolment.student')}</th>
                <th scope="col">{t('enrolment.status')}</th>
              </tr>
            </thead>
            <tbody>
              {result.data.items.map((e) => (
                <tr key={e.id}>
                  <td><Link to={`/enrolments/${e.id}`}>{e.offering.courseCode} {courseName({ nameFi: e.offering.courseNameFi, nameSv: e.offering.courseNameSv, nameEn: e.offering.courseNameEn })}</Link></td>
                  <td>{e.host.name}</td>
                  <td>
                    {user.role === 'student' ? e.student.name : <Link to={`/students/${e.student.id}/plan`} aria-label={t('plan.openFor', { name: e.student.name })}>{e.student.name}</Link>}
                    {e.student.homeSchool && `, ${e.student.homeSchool}`}
                  </td>
                  <td>{t(`enrolmentStatus.${e.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  );
}
