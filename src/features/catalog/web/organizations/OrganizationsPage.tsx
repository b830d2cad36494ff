import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading, LoadingSpinner, Paragraph } from 'suomifi-ui-components';
import { toQuery } from '../../../../web/app/api.js';
import { ErrorNotice } from '../../../../web/app/ErrorNotice.js';
import { RegionPicker } from '../../../../web/app/RegionPicker.js';
import { useSession } from '../../../../web/app/session.js';
import { useApi } from '../../../../web/app/use-api.js';
import { administeredRegions } from '../../../auth/roles.js';
import { NewOrganizationForm } from './NewOrganizationForm.js';
import { OrganizationList, type Organization, type Site } from './OrganizationList.js';
import { SchoolRegisterSearch } from './SchoolRegisterSearch.js';
import { SignInFirst } from '../../../../web/app/SignInFirst.js';

/** A region admin's organizations and their sites: schools from the national register, other organizations by hand. */
export function OrganizationsPage() {
  const { t } = useTranslation();
  const { user, loading } = useSession();
  const regions = user ? administeredRegions(user) : [];
  const [chosenRegion, setChosenRegion] = useState<number | null>(null);
  const regionId = regions === 'all' ? chosenRegion : (regions[0] ?? null);
  const organizations = useApi<{ items: Organization[] }>(regionId ? `/organizations${toQuery({ region: regionId })}` : null);
  const sites = useApi<{ items: Site[] }>(regionId ? `/sites${toQuery({ region: regionId })}` : null);
  const reload = () => {
    organizations.reload();
    sites.reload();
  };

  if (loading) return <LoadingSpinner text={t('common.loading')} />;
  if (!user) return <SignInFirst />;
  if (regions !== 'all' && regions.length === 0) return <div className="page"><Heading variant="h1">{t('organizations.title')}</Heading><p>{t('errors.forbidden')}</p></div>;

  return (
    <div className="page stack">
      <Heading variant="h1">{t('organizations.title')}</Heading>
      <Paragraph>{t('organizations.intro')}</Paragraph>
      {regions === 'all' && <RegionPicker value={chosenRegion} onChange={setChosenRegion} />}
      {regionId !== null && (
        <>
          <SchoolRegisterSearch regionId={regionId} existing={organizations.state === 'ready' ? organizations.data.items : []} onAdded={reload} />
          <NewOrganizationForm key={regionId} regionId={regionId} onCreated={reload} />
          {(organizations.state === 'loading' || sites.state === 'loading') && <LoadingSpinner text={t('common.loading')} />}
          {organizations.state === 'error' && <ErrorNotice error={organizations.error} />}
          {sites.state === 'error' && <ErrorNotice error={sites.error} />}
          {organizations.state === 'ready' && sites.state === 'ready' && <OrganizationList organizations={organizations.data.items} sites={sites.data.items} onChanged={reload} />}
        </>
      )}
    </div>
  );
}
