import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dropdown, DropdownItem, Heading, InlineAlert, TextInput } from 'suomifi-ui-components';
import { api } from '../../../web/app/api.js';
import { ErrorNotice } from '../../../web/app/ErrorNotice.js';
import { useFieldIssues } from '../../../web/app/field-issues.js';
import { useDate } from '../../../web/app/labels.js';
import { useAction } from '../../../web/app/use-action.js';
import { ORGANIZATION_OPTIONAL_ROLES, ORGANIZATION_ROLES, type RegionRole } from '../../auth/roles.js';
import { OrganizationDropdown, type RegionOrganization } from './OrganizationDropdown.js';

/** Roles that may name an organization, as the server's grant rules say. */
export const takesOrganization = (role: RegionRole) => ORGANIZATION_ROLES.has(role) || ORGANIZATION_OPTIONAL_ROLES.has(role);

/** Invite someone by e-mail to a role the user may give; the e-mail leaves through the outbox. */
export function InviteForm({ regionId, roles, organizations, fixedOrganizationId, onInvited }: { regionId: number; roles: readonly RegionRole[]; organizations: RegionOrganization[]; fixedOrganizationId: number | null; onInvited: () => void }) {
  const { t } = useTranslation();
  const date = useDate();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<RegionRole>(roles.includes('counsellor') ? 'counsellor' : roles[0]!);
  const [organizationId, setOrganizationId] = useState<number | null>(fixedOrganizationId);
  const [sent, setSent] = useState<{ email: string; expiresAt: string } | null>(null);
  const { busy, error, run } = useAction();
  const issues = useFieldIssues(error);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSent(null);
    const body = { email, role, regionId, organizationId: takesOrganization(role) ? organizationId : null };
    await run(async () => {
      const created = await api<{ expiresAt: string }>('/invitations', { method: 'POST', json: body });
      setSent({ email: email.trim().toLowerCase(), expiresAt: created.expiresAt });
      setEmail('');
      onInvited();
    });
  };

  return (
    <section aria-labelledby="invite-heading" className="stack">
      <Heading variant="h2" id="invite-heading">{t('people.inviteTitle')}</Heading>
      <form onSubmit={submit} className="stack" noValidate>
        <div className="form-grid">
          <TextInput labelText={t('people.email')} type="email" value={email} onChange={(v) => setEmail(String(v ?? ''))} status={issues.status('email')} statusText={issues.statusText('email')} fullWidth />
          <Dropdown labelText={t('people.role')} value={role} onChange={(v: string) => setRole(v as RegionRole)}>
            {roles.map((r) => <DropdownItem key={r} value={r}>{t(`roles.${r}`)}</DropdownItem>)}
          </Dropdown>
          {takesOrganization(role) && fixedOrganizationId === null && (
            <OrganizationDropdown
              id="invite-organization"
              organizations={organizations}
              value={organizationId}
              onChange={setOrganizationId}
              optional={!ORGANIZATION_ROLES.has(role)}
              status={issues.status('organizationId')}
              statusText={issues.statusText('organizationId')}
            />
          )}
        </div>
        {error && <ErrorNotice error={error} />}
        {sent && <InlineAlert status="neutral" role="status">{t('people.invited', { email: sent.email, date: date(sent.expiresAt) })}</InlineAlert>}
        <div><Button type="submit" disabled={busy}>{t('people.invite')}</Button></div>
      </form>
    </section>
  );
}
