import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading, LoadingSpinner, Paragraph } from 'suomifi-ui-components';
import { RegionPicker } from '../../../../web/app/RegionPicker.js';
import { useSession } from '../../../../web/app/session.js';
import { canEditRegionCourses } from '../../../auth/roles.js';
import { CourseList } from './CourseList.js';
import { LocalCourseForm } from './LocalCourseForm.js';
import { NationalImportPanel } from './NationalImportPanel.js';
import { UnitImportPanel } from './UnitImportPanel.js';
import { SignInFirst } from '../../../../web/app/SignInFirst.js';

/** The region's course catalogue, for its admins and its providers' coordinators: from the national code sets, and local ones. */
export function CoursesPage() {
  const { t } = useTranslation();
  const { user, loading } = useSession();
  const [chosenRegion, setChosenRegion] = useState<number | null>(null);
  // Each write bumps the list's key, so that it reloads what the write changed.
  const [version, setVersion] = useState(0);
  const changed = () => setVersion((v) => v + 1);

  if (loading) return <LoadingSpinner text={t('common.loading')} />;
  if (!user) return <SignInFirst />;
  const spans = user.role === 'system_admin';
  const regionId = spans ? chosenRegion : user.regionId;
  if (!spans && (regionId === null || !canEditRegionCourses(user, regionId))) {
    return <div className="page"><Heading variant="h1">{t('courses.title')}</Heading><p>{t('errors.forbidden')}</p></div>;
  }

  return (
    <div className="page stack">
      <Heading variant="h1">{t('courses.title')}</Heading>
      <Paragraph>{t('courses.intro')}</Paragraph>
      {spans && <RegionPicker value={chosenRegion} onChange={setChosenRegion} />}
      {regionId !== null && (
        <>
          <NationalImportPanel regionId={regionId} onImported={changed} />
          <UnitImportPanel regionId={regionId} onImported={changed} />
          <LocalCourseForm key={regionId} regionId={regionId} onCreated={changed} />
          <CourseList key={`${regionId}-${version}`} regionId={regionId} />
        </>
      )}
    </div>
  );
}
