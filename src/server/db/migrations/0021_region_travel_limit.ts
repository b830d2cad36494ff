import { sql, type Kysely } from 'kysely';

/**
 * A region's daily travel limit: the longest trip from home to a place of study, one way, the
 * region holds reasonable for a student to make every day. The knowledge base reports the share
 * of the cohort within it (docs/knowledge-base.md); the region's admins set it with the travel
 * parameters.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table region add column daily_travel_limit_minutes integer not null default 60
      check (daily_travel_limit_minutes between 10 and 180)
  `.execute(db);
}
