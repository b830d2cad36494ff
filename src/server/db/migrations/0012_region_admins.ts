import { sql, type Kysely } from 'kysely';

/**
 * Admins are scoped: an `admin` manages one region (their `region_id`, now required); only a
 * `system_admin` spans regions.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table app_user drop constraint app_user_role_check;
    alter table app_user add constraint app_user_role_check check (role in
      ('system_admin', 'admin', 'coordinator', 'counsellor', 'student', 'planner', 'worklife'));
    alter table app_user add constraint app_user_region_admin_has_region check (role <> 'admin' or region_id is not null);
  `.execute(db);
}
