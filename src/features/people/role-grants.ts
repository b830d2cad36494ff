import type { Db } from '../../server/db/database.js';
import type { FieldIssue } from '../../server/http/errors.js';
import { ORGANIZATION_OPTIONAL_ROLES, ORGANIZATION_ROLES, type RoleGrant } from '../auth/roles.js';

/**
 * What is wrong with a role as it would be held: an unknown region, an organization of another
 * region, a role that needs an organization without one, or one that takes none with one.
 * `at` names the fields, e.g. `body`.
 */
export async function grantIssues(db: Db, grant: RoleGrant, at: string): Promise<FieldIssue[]> {
  const region = await db.selectFrom('region').select('id').where('id', '=', grant.regionId).executeTakeFirst();
  if (!region) return [{ path: `${at}.regionId`, code: 'unknown_region', message: 'no such region' }];
  if (grant.organizationId === null) {
    return ORGANIZATION_ROLES.has(grant.role)
      ? [{ path: `${at}.organizationId`, code: 'organization_required', message: `a ${grant.role} belongs to an organization of the region` }]
      : [];
  }
  if (!ORGANIZATION_ROLES.has(grant.role) && !ORGANIZATION_OPTIONAL_ROLES.has(grant.role)) {
    return [{ path: `${at}.organizationId`, code: 'organization_not_for_role', message: `a ${grant.role} acts for the whole region, not one organization` }];
  }
  const organization = await db.selectFrom('organization').select('region_id').where('id', '=', grant.organizationId).executeTakeFirst();
  if (!organization || organization.region_id !== grant.regionId) {
    return [{ path: `${at}.organizationId`, code: 'unknown_organization', message: 'no such organization in the region' }];
  }
  return [];
}
