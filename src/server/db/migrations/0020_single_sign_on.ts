import { sql, type Kysely } from 'kysely';

/**
 * Single sign-on (OpenID Connect): an identity at a configured provider (its `sub`) linked to an
 * account; a sign-in under way, between the redirect to the provider and its callback (the state's
 * hash, the hash of the cookie that ties it to the browser that began it, the PKCE verifier and
 * nonce, used once within minutes); and the provider a session began
 * at, so that signing out can end the provider's session too.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table oidc_identity (
      provider text not null,
      subject text not null,
      user_id integer not null references app_user (id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (provider, subject)
    );
    create index oidc_identity_user_idx on oidc_identity (user_id);

    create table oidc_login (
      state_hash text primary key,
      provider text not null,
      browser_hash text not null,
      code_verifier text not null,
      nonce text not null,
      return_to text not null,
      invitation_token_hash text,
      created_at timestamptz not null default now()
    );

    alter table session add column oidc_provider text;
  `.execute(db);
}
