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
    -- An admin of no region was an admin of all: that is the system admin now.
    update app_user set role = 'system_admin' where role = 'admin' and region_id is null;
    alter table app_user add constraint app_user_region_admin_has_region check (role <> 'admin' or region_id is not null);
  `.execute(db);
}
