import { sql, type Kysely } from 'kysely';

/**
 * A school's code in the national register of educational institutions (oppilaitosnumero, five
 * digits), for a school added from the register: MPASSid names a pupil's school by it, so that a
 * sign-in can be checked against the account's school (docs/security.md).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table organization add column school_code text check (school_code ~ '^[0-9]{5}$')`.execute(db);
}
