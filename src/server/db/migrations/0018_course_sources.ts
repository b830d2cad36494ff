import { sql, type Kysely } from 'kysely';

/**
 * Where a course's name came from: a national code set (Opetushallitus Koodisto: the set and the
 * code's URI, so that a later import of the set can rename it) or the provider itself (`local`,
 * paikallinen). Courses from before this migration are local: nothing tells which set they follow.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table course
      add column name_source text not null default 'local' check (name_source in ('national', 'local')),
      add column code_set text,
      add column code_uri text,
      add constraint course_national_has_set check ((name_source = 'national') = (code_set is not null))
  `.execute(db);
}
