import { sql, type Kysely } from 'kysely';

/**
 * The map and the living-in outline count published offerings per site from these indexes alone
 * (features/catalog/offering-search.ts): by course for a worded search, by site within the
 * nearest ring, with the columns the common filters and the outline read included.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create index offering_published_course_site_idx on offering (course_id, site_id) where status = 'published';
    create index offering_published_site_idx on offering (site_id) include (mode, education_form, field, language, region_id) where status = 'published';
  `.execute(db);
}
