import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../server/db/database.js';
import { badRequest, forbidden, notFound } from '../../server/http/errors.js';
import { idSchema } from '../../server/http/input-schemas.js';
import { canAdministerPerson, canGrantRole, peopleScope, REGION_ROLES, type RegionRole, type Role, type SessionUser } from '../auth/roles.js';
import { deleteUserSessions } from '../auth/sessions.js';
import { likePattern } from '../catalog/search-text.js';
import { recordAudit } from '../privacy/audit-log.js';
import { grantIssues } from './role-grants.js';

export const PEOPLE_PAGE_SIZE = 50;

export const accountChangeSchema = z
  .object({
    role: z.enum(REGION_ROLES).optional(),
    organizationId: idSchema.nullable().optional(),
    active: z.boolean().optional(),
  })
  .refine((change) => Object.keys(change).length > 0, { message: 'give a role, an organization or active' });
export type AccountChange = z.infer<typeof accountChangeSchema>;

export interface PeopleFilter {
  regionId: number;
  q?: string;
  role?: RegionRole;
  page: number;
}

/**
 * The accounts of a region the user may see (all of it for its admins, their own organization for
 * a coordinator), by name; erased people are not listed.
 */
export async function listPeople(db: Db, user: SessionUser, filter: PeopleFilter) {
  const scope = peopleScope(user);
  if (!scope || (scope.regionId !== 'all' && scope.regionId !== filter.regionId)) throw forbidden('You may not see this region\'s people');
  let query = db
    .selectFrom('app_user as u')
    .leftJoin('organization as o', 'o.id', 'u.organization_id')
    .where('u.region_id', '=', filter.regionId)
    .where('u.erased_at', 'is', null);
  if (scope.organizationId !== undefined) query = query.where('u.organization_id', '=', scope.organizationId);
  if (filter.role) query = query.where('u.role', '=', filter.role);
  for (const word of (filter.q ?? '').toLowerCase().split(/\s+/).filter(Boolean)) {
    const pattern = likePattern(word);
    query = query.where(sql<boolean>`(lower(u.name) like ${pattern} or u.email like ${pattern})`);
  }
  const [rows, count] = await Promise.all([
    query
      .select(['u.id', 'u.name', 'u.email', 'u.role', 'u.organization_id', 'o.name as organization_name', 'u.deactivated_at'])
      .orderBy('u.name')
      .orderBy('u.id')
      .limit(PEOPLE_PAGE_SIZE)
      .offset((filter.page - 1) * PEOPLE_PAGE_SIZE)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      role: r.role as Role,
      organizationId: r.organization_id,
      organizationName: r.organization_name,
      active: r.deactivated_at === null,
    })),
    total: Number(count.n),
    page: filter.page,
    pageSize: PEOPLE_PAGE_SIZE,
  };
}

/**
 * Changes a person's role or organization, or deactivates (their sessions end at once) or
 * reactivates their account. Only someone who may administer the person and give the new role;
 * to anyone else the person does not exist. Each change is one audit row.
 */
export async function changeAccount(db: Db, user: SessionUser, personId: number, change: AccountChange) {
  const person = await db.selectFrom('app_user').select(['id', 'role', 'region_id', 'organization_id', 'deactivated_at', 'erased_at']).where('id', '=', personId).executeTakeFirst();
  if (!person || person.erased_at || person.region_id === null || !canAdministerPerson(user, { id: person.id, role: person.role, regionId: person.region_id })) throw notFound('Person');
  const grant = {
    role: (change.role ?? person.role) as RegionRole,
    regionId: person.region_id,
    organizationId: change.organizationId !== undefined ? change.organizationId : person.organization_id,
  };
  const regrants = change.role !== undefined || change.organizationId !== undefined;
  if (regrants) {
    const issues = await grantIssues(db, grant, 'body');
    if (issues.length > 0) throw badRequest(issues);
    if (!canGrantRole(user, grant)) throw forbidden('You may not give this role here');
  }
  const deactivate = change.active === false && person.deactivated_at === null;
  const reactivate = change.active === true && person.deactivated_at !== null;
  await db.transaction().execute(async (tx) => {
    const actor = { kind: 'person', user } as const;
    const about = { subjectId: person.id, regionId: person.region_id };
    if (regrants && (grant.role !== person.role || grant.organizationId !== person.organization_id)) {
      await tx.updateTable('app_user').set({ role: grant.role, organization_id: grant.organizationId }).where('id', '=', person.id).execute();
      await recordAudit(tx, actor, 'change_role', { ...about, detail: { from: person.role, to: grant.role, ...(grant.organizationId ? { organization: grant.organizationId } : {}) } });
    }
    if (deactivate) {
      await tx.updateTable('app_user').set({ deactivated_at: sql`now()` }).where('id', '=', person.id).execute();
      await deleteUserSessions(tx, person.id);
      await recordAudit(tx, actor, 'deactivate_account', about);
    }
    if (reactivate) {
      await tx.updateTable('app_user').set({ deactivated_at: null }).where('id', '=', person.id).execute();
      await recordAudit(tx, actor, 'reactivate_account', about);
    }
  });
}
