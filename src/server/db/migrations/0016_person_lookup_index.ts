import { sql, type Kysely } from 'kysely';

/**
 * The people of an organization by role — a school's counsellors, a provider's coordinators —
 * found by index: every enrolment step notifies them, and publishing a round takes thousands of
 * steps in one transaction (measured in bench:allocation; without it each step scanned every person).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index app_user_organization_role_idx on app_user (organization_id, role)`.execute(db);
}
