import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading, LoadingSpinner, Paragraph } from 'suomifi-ui-components';
import { toQuery } from '../../../web/app/api.js';
import { ErrorNotice } from '../../../web/app/ErrorNotice.js';
import { RegionPicker } from '../../../web/app/RegionPicker.js';
import { useSession } from '../../../web/app/session.js';
import { useApi } from '../../../web/app/use-api.js';
import { grantableRoles, peopleScope } from '../../auth/roles.js';
import { InviteForm } from './InviteForm.js';
import { OpenInvitations, type OpenInvitation } from './OpenInvitations.js';
import type { RegionOrganization } from './OrganizationDropdown.js';
import { PeopleList } from './PeopleList.js';
import { SignInFirst } from '../../../web/app/SignInFirst.js';

/** People of a region: invite, see open invitations, find accounts and manage them. Region admins see the region, coordinators their organization. */
export function PeoplePage() {
  const { t } = useTranslation();
  const { user, loading } = useSession();
  const scope = user ? peopleScope(user) : null;
  const [chosenRegion, setChosenRegion] = useState<number | null>(null);
  const regionId = scope?.regionId === 'all' ? chosenRegion : (scope?.regionId ?? null);
  const organizations = useApi<{ items: RegionOrganization[] }>(regionId ? `/organizations${toQuery({ region: regionId })}` : null);
  const invitations = useApi<{ items: OpenInvitation[]; total: number }>(regionId ? `/invitations${toQuery({ region: regionId })}` : null);

  if (loading) return <LoadingSpinner text={t('common.loading')} />;
  if (!user) return <SignInFirst />;
  if (!scope) return <div className="page"><Heading variant="h1">{t('people.title')}</Heading><p>{t('errors.forbidden')}</p></div>;

  return (
    <div className="page stack">
      <Heading variant="h1">{t('people.title')}</Heading>
      <Paragraph>{scope.organizationId ? t('people.introOrganization') : t('people.intro')}</Paragraph>
      {scope.regionId === 'all' && <RegionPicker value={chosenRegion} onChange={setChosenRegion} />}
      {organizations.state === 'error' && <ErrorNotice error={organizations.error} />}
      {regionId !== null && organizations.state === 'loading' && <LoadingSpinner text={t('common.loading')} />}
      {regionId !== null && organizations.state === 'ready' && (
        <>
          <InviteForm
            key={regionId}
            regionId={regionId}
            roles={grantableRoles(user, regionId)}
            organizations={organizations.data.items}
            fixedOrganizationId={scope.organizationId ?? null}
            onInvited={invitations.reload}
          />
          <OpenInvitations invitations={invitations} onChanged={invitations.reload} />
          <PeopleList key={`people-${regionId}`} regionId={regionId} organizations={organizations.data.items} />
        </>
      )}
    </div>
  );
}
