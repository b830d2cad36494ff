import { sql, type Kysely } from 'kysely';

/**
 * What a worded tray search reads, indexed for the whole national module set (8,550 courses and
 * 50,000 offerings in bench:tray; docs/benchmarks.md):
 * - A search word matches anywhere in a course's or provider's search text (`like '%word%'`),
 *   which no b-tree serves: reading every course took 9 ms of a search. Trigram indexes answer
 *   such a `like` (0.7 ms there). pg_trgm is a trusted extension, so a database owner may create
 *   it; PGlite loads it (server/db/database.ts).
 * - A word names many courses (`matematiikka` 399); the capped count of their offerings with one
 *   more filter (form, period) was a sequential scan (13 ms), since the by-course index lacked
 *   the filtered columns. The by-course index now includes the columns the common filters read,
 *   as the by-site one does (migration 0015), so the count and the map read it alone (0.9 ms).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`
    create index course_search_text_trgm_idx on course using gin (search_text gin_trgm_ops);
    create index organization_search_text_trgm_idx on organization using gin (search_text gin_trgm_ops);
    create index offering_published_course_covering_idx on offering (course_id)
      include (site_id, mode, education_form, field, language, region_id, periods) where status = 'published';
    drop index offering_published_course_site_idx;
  `.execute(db);
}
