import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dropdown, DropdownItem } from 'suomifi-ui-components';
import { api } from '../../../web/app/api.js';
import { ErrorNotice } from '../../../web/app/ErrorNotice.js';
import { useFieldIssues } from '../../../web/app/field-issues.js';
import { useSession } from '../../../web/app/session.js';
import { useAction } from '../../../web/app/use-action.js';
import { grantableRoles, ORGANIZATION_ROLES, type RegionRole } from '../../auth/roles.js';
import { takesOrganization } from './InviteForm.js';
import { OrganizationDropdown, type RegionOrganization } from './OrganizationDropdown.js';
import type { Person } from './PeopleList.js';

/** A person's role and organization, changed together and saved at once. */
export function RoleEditor({ person, regionId, organizations, onDone }: { person: Person; regionId: number; organizations: RegionOrganization[]; onDone: (changed: boolean) => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const roles = user ? grantableRoles(user, regionId) : [];
  const [role, setRole] = useState<RegionRole>(person.role as RegionRole);
  const [organizationId, setOrganizationId] = useState<number | null>(person.organizationId);
  const { busy, error, run } = useAction();
  const issues = useFieldIssues(error);
  const save = () =>
    run(async () => {
      await api(`/people/${person.id}`, { method: 'PATCH', json: { role, organizationId: takesOrganization(role) ? organizationId : null } });
      onDone(true);
    });
  return (
    <div className="stack" role="group" aria-label={t('people.changeRoleOf', { name: person.name })}>
      <div className="form-grid">
        <Dropdown labelText={t('people.role')} value={role} onChange={(v: string) => setRole(v as RegionRole)}>
          {roles.map((r) => <DropdownItem key={r} value={r}>{t(`roles.${r}`)}</DropdownItem>)}
        </Dropdown>
        {takesOrganization(role) && (
          <OrganizationDropdown id={`role-organization-${person.id}`} organizations={organizations} value={organizationId} onChange={setOrganizationId} optional={!ORGANIZATION_ROLES.has(role)} status={issues.status('organizationId')} statusText={issues.statusText('organizationId')} />
        )}
      </div>
      {error && <ErrorNotice error={error} />}
      <div className="form-actions">
        <Button disabled={busy} onClick={() => void save()}>{t('people.saveRole')}</Button>
        <Button variant="secondary" onClick={() => onDone(false)}>{t('common.cancel')}</Button>
      </div>
    </div>
  );
}
