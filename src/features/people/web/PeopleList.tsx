import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dropdown, DropdownItem, Heading, LoadingSpinner, SearchInput } from 'suomifi-ui-components';
import { api, toQuery } from '../../../web/app/api.js';
import { ConfirmAction } from '../../../web/app/ConfirmAction.js';
import { ErrorNotice } from '../../../web/app/ErrorNotice.js';
import { ListPagination } from '../../../web/app/ListPagination.js';
import { useSession } from '../../../web/app/session.js';
import { useAction } from '../../../web/app/use-action.js';
import { useApi } from '../../../web/app/use-api.js';
import { canAdministerPerson, REGION_ROLES, type RegionRole, type Role } from '../../auth/roles.js';
import { RoleEditor } from './RoleEditor.js';
import type { RegionOrganization } from './OrganizationDropdown.js';

export interface Person {
  id: number;
  name: string;
  email: string;
  role: Role;
  organizationId: number | null;
  organizationName: string | null;
  active: boolean;
}

const ALL = 'all';

/** A region's accounts, 50 a page, found by name or e-mail; an admin changes roles and (de)activates. */
export function PeopleList({ regionId, organizations }: { regionId: number; organizations: RegionOrganization[] }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [q, setQ] = useState('');
  const [role, setRole] = useState<RegionRole | typeof ALL>(ALL);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<number | null>(null);
  const people = useApi<{ items: Person[]; total: number; pageSize: number }>(`/people${toQuery({ region: regionId, q, role: role === ALL ? null : role, page })}`);
  const { busy, error, run } = useAction();
  const lastPage = people.state === 'ready' ? Math.max(1, Math.ceil(people.data.total / people.data.pageSize)) : 1;

  const setActive = (person: Person, active: boolean) =>
    run(async () => {
      await api(`/people/${person.id}`, { method: 'PATCH', json: { active } });
      people.reload();
    });

  return (
    <section aria-labelledby="people-heading">
      <Heading variant="h2" id="people-heading">{t('people.accounts')}</Heading>
      <div className="form-grid">
        <SearchInput labelText={t('people.search')} clearButtonLabel={t('common.clear')} searchButtonLabel={t('people.search')} defaultValue={q} onSearch={(v) => { setQ(String(v ?? '')); setPage(1); }} fullWidth />
        <Dropdown labelText={t('people.role')} value={role} onChange={(v: string) => { setRole(v as RegionRole | typeof ALL); setPage(1); }}>
          {[<DropdownItem key={ALL} value={ALL}>{t('people.allRoles')}</DropdownItem>, ...REGION_ROLES.map((r) => <DropdownItem key={r} value={r}>{t(`roles.${r}`)}</DropdownItem>)]}
        </Dropdown>
      </div>
      {error && <ErrorNotice error={error} />}
      {people.state === 'loading' && <LoadingSpinner text={t('common.loading')} />}
      {people.state === 'error' && <ErrorNotice error={people.error} />}
      {people.state === 'ready' && (people.data.items.length === 0 ? (
        <p className="empty-state">{q || role !== ALL ? t('people.noMatches') : t('people.noPeople')}</p>
      ) : (
        <>
          <p role="status">{t('people.count', { count: people.data.total })}</p>
          <ul className="card-list">
            {people.data.items.map((person) => {
              const manageable = user !== null && canAdministerPerson(user, { id: person.id, role: person.role, regionId });
              return (
                <li key={person.id}>
                  <h3>{person.name}</h3>
                  <p className="meta">
                    {person.email} · {t(`roles.${person.role}`)}
                    {person.organizationName && ` · ${person.organizationName}`}
                    {!person.active && <> · <span className="badge">{t('people.deactivated')}</span></>}
                  </p>
                  {manageable && editing === person.id && (
                    <RoleEditor person={person} regionId={regionId} organizations={organizations} onDone={(changed) => { setEditing(null); if (changed) people.reload(); }} />
                  )}
                  {manageable && editing !== person.id && (
                    <div className="form-actions">
                      <Button variant="secondary" onClick={() => setEditing(person.id)}>{t('people.changeRole')}</Button>
                      {person.active ? (
                        <ConfirmAction label={t('people.deactivate')} question={t('people.deactivateQuestion', { name: person.name })} confirmLabel={t('people.deactivateConfirm')} busy={busy} onConfirm={() => setActive(person, false)} />
                      ) : (
                        <Button variant="secondary" disabled={busy} onClick={() => void setActive(person, true)}>{t('people.reactivate')}</Button>
                      )}
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
          {lastPage > 1 && (
            <ListPagination
              label={t('people.pagination')}
              page={page}
              lastPage={lastPage}
              onChange={(p) => { setPage(p); document.getElementById('people-heading')?.scrollIntoView(); }}
            />
          )}
        </>
      ))}
    </section>
  );
}
