import { sql, type Kysely } from 'kysely';

/**
 * Sign-in that holds on course-selection day: sessions end after a while without use (shared school
 * computers) as well as at their absolute end, and both are swept by index; failed sign-ins are kept
 * in the database, so that their limits hold across processes and restarts.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table session add column last_seen_at timestamptz not null default now();
    create index session_expires_idx on session (expires_at);
    create index session_last_seen_idx on session (last_seen_at);

    -- One row per sign-in attempt being checked or failed. The account is kept as a hash of the
    -- e-mail address: the limits need to recognise it, not to read it.
    create table login_attempt (
      id bigserial primary key,
      account_key text not null,
      address text not null,
      at timestamptz not null default now()
    );
    create index login_attempt_account_idx on login_attempt (account_key, at);
    create index login_attempt_address_idx on login_attempt (address, at);
    create index login_attempt_at_idx on login_attempt (at);
  `.execute(db);
}
