import * as openid from 'openid-client';
import type { Selectable } from 'kysely';
import type { Db } from '../../../server/db/database.js';
import type { UserTable } from '../../../server/db/schema.js';
import { HttpError } from '../../../server/http/errors.js';
import { acceptInvitationWithIdentity } from '../../people/invitations.js';
import { recordAudit } from '../../privacy/audit-log.js';
import { hashSecretToken } from '../secret-token.js';
import type { Role } from '../roles.js';
import type { OidcProvider } from './oidc-config.js';
import { readSchoolClaims, schoolClaimsConflict, type SchoolClaims } from './school-claims.js';
import { safeReturnPath } from '../return-path.js';

/** How long a sign-in at a provider may take, from the redirect there to the callback here. */
export const SIGN_IN_MINUTES = 10;

/** Why a sign-in by single sign-on did not end in a session; the sign-in page says it in the user's language. */
export type SsoRefusal = 'sso_failed' | 'sso_cancelled' | 'sso_unavailable' | 'unknown_identity' | 'invitation_invalid' | 'account_deactivated' | 'role_mismatch' | 'school_mismatch';

export class SsoRefused extends Error {
  constructor(readonly reason: SsoRefusal, detail: string) {
    super(detail);
  }
}

/**
 * Only a path of this app is a place to return to after signing in: never another site. Printable
 * ASCII only: browsers drop tabs and newlines from a Location (`/\t/evil.example` is `//evil.example`).
 */
/**
 * Sign-in by OpenID Connect (authorization code flow with PKCE, state and nonce; openid-client
 * checks the ID token's signature, issuer, audience, expiry and nonce). An identity signs in to
 * the account it is linked to; a new one links by an invitation it arrived with, or by an
 * e-mail address the provider vouches for; any other is refused — nobody registers themselves.
 */
export class OidcSignIn {
  readonly #configurations = new Map<string, Promise<openid.Configuration>>();

  constructor(
    private readonly db: Db,
    private readonly providers: readonly OidcProvider[],
    private readonly appUrl: string,
  ) {}

  list() {
    return this.providers.map((p) => ({ id: p.id, name: p.name }));
  }

  provider(id: string) {
    return this.providers.find((p) => p.id === id);
  }

  callbackUrl(provider: OidcProvider) {
    return `${this.appUrl}/api/v1/auth/oidc/${provider.id}/callback`;
  }

  /** The provider's metadata, discovered once (again after a failure). */
  async #configuration(provider: OidcProvider) {
    let configuration = this.#configurations.get(provider.id);
    if (!configuration) {
      const insecure = new URL(provider.issuer).protocol === 'http:';
      configuration = openid.discovery(new URL(provider.issuer), provider.clientId, undefined, openid.ClientSecretBasic(provider.clientSecret), {
        timeout: 10,
        ...(insecure ? { execute: [openid.allowInsecureRequests] } : {}),
      });
      this.#configurations.set(provider.id, configuration);
      configuration.catch(() => this.#configurations.delete(provider.id));
    }
    return configuration.catch((error: unknown) => {
      throw new SsoRefused('sso_unavailable', `${provider.id}: discovery failed: ${(error as Error).message}`);
    });
  }

  /**
   * Starts a sign-in: keeps the state's hash, the PKCE verifier and the nonce with the hash of
   * `browserSecret` (the caller sets it as a cookie, so that a callback only counts in the browser
   * that began it: nobody can hand their own sign-in to someone else), and gives the provider's URL.
   */
  async begin(provider: OidcProvider, browserSecret: string, options: { returnTo?: string; invitationToken?: string }): Promise<URL> {
    const configuration = await this.#configuration(provider);
    const state = openid.randomState();
    const nonce = openid.randomNonce();
    const codeVerifier = openid.randomPKCECodeVerifier();
    await this.db
      .insertInto('oidc_login')
      .values({
        state_hash: hashSecretToken(state),
        provider: provider.id,
        browser_hash: hashSecretToken(browserSecret),
        code_verifier: codeVerifier,
        nonce,
        return_to: safeReturnPath(options.returnTo),
        invitation_token_hash: options.invitationToken ? hashSecretToken(options.invitationToken) : null,
      })
      .execute();
    return openid.buildAuthorizationUrl(configuration, {
      redirect_uri: this.callbackUrl(provider),
      scope: provider.scopes,
      state,
      nonce,
      code_challenge: await openid.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
  }

  /** Completes a sign-in from the provider's redirect back: the account to open a session for, and where to go. */
  async complete(provider: OidcProvider, callback: URL, browserSecret: string | undefined): Promise<{ account: Selectable<UserTable>; returnTo: string }> {
    const state = callback.searchParams.get('state') ?? '';
    // Spent whatever happens next: a state works once.
    const pending = await this.db.deleteFrom('oidc_login').where('state_hash', '=', hashSecretToken(state)).where('provider', '=', provider.id).returningAll().executeTakeFirst();
    if (!pending || Date.now() - new Date(pending.created_at).getTime() > SIGN_IN_MINUTES * 60_000) throw new SsoRefused('sso_failed', 'unknown or expired state');
    if (!browserSecret || hashSecretToken(browserSecret) !== pending.browser_hash) throw new SsoRefused('sso_failed', 'the callback came to another browser than the one that began the sign-in');
    if (callback.searchParams.has('error')) throw new SsoRefused('sso_cancelled', `the provider answered ${callback.searchParams.get('error')}`);
    const configuration = await this.#configuration(provider);
    let tokens: Awaited<ReturnType<typeof openid.authorizationCodeGrant>>;
    try {
      tokens = await openid.authorizationCodeGrant(configuration, callback, { pkceCodeVerifier: pending.code_verifier, expectedState: state, expectedNonce: pending.nonce, idTokenExpected: true });
    } catch (error) {
      throw new SsoRefused('sso_failed', `code exchange or ID token refused: ${(error as Error).message}`);
    }
    const claims = await this.#claims(configuration, provider, tokens);
    const account = await this.#account(provider, claims, pending.invitation_token_hash);
    if (account.deactivated_at) throw new SsoRefused('account_deactivated', `account ${account.id} is deactivated`);
    return { account, returnTo: pending.return_to };
  }

  /** The ID token's claims, with the userinfo endpoint's when the token lacks the e-mail (some providers put it only there). */
  async #claims(configuration: openid.Configuration, provider: OidcProvider, tokens: Awaited<ReturnType<typeof openid.authorizationCodeGrant>>) {
    const idClaims = tokens.claims()!;
    let claims: Record<string, unknown> = { ...idClaims };
    if (claims[provider.claims.email] === undefined && configuration.serverMetadata().userinfo_endpoint) {
      claims = { ...(await openid.fetchUserInfo(configuration, tokens.access_token, idClaims.sub).catch(() => ({}))), ...claims };
    }
    const text = (name: string) => (typeof claims[name] === 'string' ? (claims[name] as string).trim() : undefined);
    const name = text(provider.claims.name) ?? [text('given_name'), text('family_name')].filter(Boolean).join(' ');
    return {
      subject: idClaims.sub,
      email: text(provider.claims.email)?.toLowerCase(),
      emailVerified: claims.email_verified === true || claims.email_verified === 'true' || provider.trustEmail,
      name,
      schools: readSchoolClaims(claims, provider.claims),
    };
  }

  /** Refuses an account the identity's school claims say it is not: another school's, or a pupil's identity for a staff account (and the other way round). */
  async #requireSchoolFits(db: Db, claims: SchoolClaims, accountId: number) {
    const account = await db
      .selectFrom('app_user')
      .leftJoin('organization', 'organization.id', 'app_user.organization_id')
      .select(['app_user.role', 'organization.school_code'])
      .where('app_user.id', '=', accountId)
      .executeTakeFirstOrThrow();
    const conflict = schoolClaimsConflict(claims, { role: account.role as Role, schoolCode: account.school_code });
    if (conflict) throw new SsoRefused(conflict, `account ${accountId} (${account.role}, school ${account.school_code ?? 'none'}) does not fit the identity's school claims`);
  }

  async #account(provider: OidcProvider, claims: { subject: string; email?: string; emailVerified: boolean; name: string; schools: SchoolClaims }, invitationTokenHash: string | null) {
    const linked = await this.db.selectFrom('oidc_identity').innerJoin('app_user', 'app_user.id', 'oidc_identity.user_id').selectAll('app_user').where('provider', '=', provider.id).where('subject', '=', claims.subject).executeTakeFirst();
    if (linked) {
      // A pupil who has moved school signs in with the new school's claims: the account is still the old school's.
      await this.#requireSchoolFits(this.db, claims.schools, linked.id);
      return linked;
    }
    const link = async (tx: Db, accountId: number) => {
      await this.#requireSchoolFits(tx, claims.schools, accountId);
      await tx.insertInto('oidc_identity').values({ provider: provider.id, subject: claims.subject, user_id: accountId }).execute();
      await recordAudit(tx, { kind: 'person', user: { id: accountId } }, 'link_identity', { subjectId: accountId, detail: { provider: provider.id } });
    };
    if (invitationTokenHash) {
      try {
        return await acceptInvitationWithIdentity(this.db, invitationTokenHash, claims.name || claims.email || provider.name, link);
      } catch (error) {
        if (error instanceof HttpError) throw new SsoRefused('invitation_invalid', error.message);
        throw error;
      }
    }
    if (claims.email && claims.emailVerified) {
      const byEmail = await this.db.selectFrom('app_user').selectAll().where('email', '=', claims.email).where('erased_at', 'is', null).executeTakeFirst();
      if (byEmail) {
        if (byEmail.deactivated_at) throw new SsoRefused('account_deactivated', `account ${byEmail.id} is deactivated`);
        await this.db.transaction().execute((tx) => link(tx, byEmail.id));
        return byEmail;
      }
    }
    throw new SsoRefused('unknown_identity', `${provider.id} identity ${claims.subject} has no account`);
  }

  /** Where to send the browser to end the provider's session too (RP-initiated logout), when the provider offers it. */
  async logoutUrl(providerId: string): Promise<string | null> {
    const provider = this.provider(providerId);
    if (!provider) return null;
    const configuration = await this.#configuration(provider).catch(() => undefined);
    if (!configuration?.serverMetadata().end_session_endpoint) return null;
    return openid.buildEndSessionUrl(configuration, { client_id: provider.clientId, post_logout_redirect_uri: `${this.appUrl}/` }).href;
  }
}
