import { sql } from 'kysely';
import type { Db } from '../../server/db/database.js';
import { forbidden } from '../../server/http/errors.js';
import { canManageOrganization, type SessionUser } from '../auth/roles.js';
import type { OfferingDto } from './offering-dto.js';

/**
 * A withdrawn offering leaves the public tray, but the people it concerns still see it: those who
 * manage its provider, students who requested, took or planned it, and those students' counsellors.
 * To anyone else it does not exist (404).
 */
export async function canSeeOffering(db: Db, user: SessionUser | null, offering: Pick<OfferingDto, 'id' | 'status' | 'regionId' | 'provider'>): Promise<boolean> {
  if (offering.status === 'published') return true;
  if (!user) return false;
  if (canManageOrganization(user, { id: offering.provider.id, regionId: offering.regionId })) return true;
  if (user.role !== 'student' && user.role !== 'counsellor') return false;
  const concerned = await sql<{ found: boolean }>`
    select exists (
      select 1 from enrolment e join app_user s on s.id = e.student_id
      where e.offering_id = ${offering.id}
        and (s.id = ${user.id} or (${user.role === 'counsellor'} and s.organization_id = ${user.organizationId}))
    ) or exists (
      select 1 from plan_item p join app_user s on s.id = p.student_id
      where p.offering_id = ${offering.id}
        and (s.id = ${user.id} or (${user.role === 'counsellor'} and s.organization_id = ${user.organizationId}))
    ) as found
  `.execute(db);
  return concerned.rows[0]?.found === true;
}

/** Withdrawn offerings are listed only to those who manage the provider the list is filtered by. */
export async function requireWithdrawnListing(db: Db, user: SessionUser | null, providerId: number | undefined) {
  const provider = providerId === undefined ? undefined : await db.selectFrom('organization').select('region_id').where('id', '=', providerId).executeTakeFirst();
  if (!user || !provider || !canManageOrganization(user, { id: providerId!, regionId: provider.region_id })) {
    throw forbidden('Withdrawn offerings are listed only to those who manage the provider (filter by provider)');
  }
}
