import { sql, type Kysely } from 'kysely';

/**
 * Students as the school's administration system (Wilma, Primus) lists them: a student number,
 * unique within the school, is the key a re-import updates by; the date of birth tells two
 * students of one name apart; a study right has the day it started. A student imported this way
 * has no password until they set one by a reset link or sign in by single sign-on.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table app_user
      add column student_number text,
      add column birth_date date;
    create unique index app_user_school_student_number_idx on app_user (organization_id, student_number) where student_number is not null;
    alter table study_right add column start_date date;
  `.execute(db);
}
