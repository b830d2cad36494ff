import { sql, type Kysely } from 'kysely';

/**
 * People join by invitation and recover by e-mail (issue 11). Both links carry a random token of
 * which only the hash is stored, like sessions; both expire. An account is deactivated rather than
 * deleted, so that the enrolment log and the audit trail keep pointing at it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table app_user add column deactivated_at timestamptz;

    create table invitation (
      id serial primary key,
      region_id integer not null references region (id),
      organization_id integer references organization (id),
      email text not null,
      role text not null,
      token_hash text not null unique,
      invited_by integer references app_user (id),
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      accepted_at timestamptz,
      accepted_user_id integer references app_user (id),
      revoked_at timestamptz
    );
    -- One open invitation per address: inviting again replaces the earlier one.
    create unique index invitation_open_email_idx on invitation (email) where accepted_at is null and revoked_at is null;
    create index invitation_region_idx on invitation (region_id, created_at);

    create table password_reset (
      token_hash text primary key,
      user_id integer not null references app_user (id),
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz
    );
    create index password_reset_user_idx on password_reset (user_id, created_at);
  `.execute(db);
}
