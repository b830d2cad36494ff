import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading, LoadingSpinner, Paragraph } from 'suomifi-ui-components';
import { toQuery } from '../../../web/app/api.js';
import { ErrorNotice } from '../../../web/app/ErrorNotice.js';
import { RegionPicker } from '../../../web/app/RegionPicker.js';
import { useSession } from '../../../web/app/session.js';
import { useApi } from '../../../web/app/use-api.js';
import { isAdmin } from '../../auth/roles.js';
import { OrganizationDropdown, type RegionOrganization } from '../../people/web/OrganizationDropdown.js';
import { StudentImportPanel } from './StudentImportPanel.js';
import { StudentList } from './StudentList.js';
import { SignInFirst } from '../../../web/app/SignInFirst.js';

/** A school's students, for its counsellors (their own school) and its region's admins (any school of the region). */
export function StudentsPage() {
  const { t } = useTranslation();
  const { user, loading } = useSession();
  const [chosenRegion, setChosenRegion] = useState<number | null>(null);
  const [chosenSchool, setChosenSchool] = useState<number | null>(null);
  const [version, setVersion] = useState(0);
  const spans = user?.role === 'system_admin';
  const regionId = spans ? chosenRegion : (user?.regionId ?? null);
  const schools = useApi<{ items: RegionOrganization[] }>(isAdmin(user) && regionId ? `/organizations${toQuery({ region: regionId, kind: 'school' })}` : null);

  if (loading) return <LoadingSpinner text={t('common.loading')} />;
  if (!user) return <SignInFirst />;
  if (!isAdmin(user) && user.role !== 'counsellor') {
    return <div className="page"><Heading variant="h1">{t('students.title')}</Heading><p>{t('errors.forbidden')}</p></div>;
  }
  const schoolId = isAdmin(user) ? chosenSchool : user.organizationId;

  return (
    <div className="page stack">
      <Heading variant="h1">{t('students.title')}</Heading>
      <Paragraph>{t('students.intro', { link: t('login.forgotPassword') })}</Paragraph>
      {spans && <RegionPicker value={chosenRegion} onChange={(id) => { setChosenRegion(id); setChosenSchool(null); }} />}
      {schools.state === 'error' && <ErrorNotice error={schools.error} />}
      {schools.state === 'ready' && (
        schools.data.items.length === 0
          ? <p className="empty-state">{t('students.noSchools')}</p>
          : <OrganizationDropdown id="students-school" label={t('students.school')} organizations={schools.data.items} value={chosenSchool} onChange={setChosenSchool} optional={false} />
      )}
      {schoolId !== null && (
        <>
          <StudentImportPanel key={`import-${schoolId}`} schoolId={schoolId} onImported={() => setVersion((v) => v + 1)} />
          <StudentList key={`${schoolId}-${version}`} schoolId={schoolId} />
        </>
      )}
    </div>
  );
}
