import { randomBytes } from 'node:crypto';
import type { Db } from '../../server/db/database.js';
import type { Selectable } from 'kysely';
import type { UserTable } from '../../server/db/schema.js';
import type { Role, SessionUser } from './roles.js';
import { hashSecretToken, newSecretToken } from './secret-token.js';

export const SESSION_COOKIE = 'tarjotin_session';

/** How long a session may last at most, and how long it may go unused (shared school computers). */
export interface SessionLifetime {
  absoluteHours: number;
  idleMinutes: number;
}

export const DEFAULT_SESSION_LIFETIME: SessionLifetime = { absoluteHours: 12, idleMinutes: 30 };

/** Last use is written at most this often, so that reading pages does not write on every request. */
const TOUCH_INTERVAL_MS = 60_000;

/** The cookie carries a random token; the session's id is its hash. */
const sessionId = hashSecretToken;

export async function createSession(db: Db, userId: number, lifetime: SessionLifetime, now = new Date(), oidcProvider: string | null = null) {
  const token = newSecretToken();
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + lifetime.absoluteHours * 3600_000);
  await db
    .insertInto('session')
    .values({ id: sessionId(token), user_id: userId, csrf_token: csrfToken, expires_at: expiresAt, last_seen_at: now, oidc_provider: oidcProvider })
    .execute();
  return { token, csrfToken, expiresAt };
}

/** The session's user, or undefined when the session is unknown, past its end or idle too long; marks it used. */
export async function findSession(db: Db, token: string, lifetime: SessionLifetime, now = new Date()) {
  const id = sessionId(token);
  const row = await db
    .selectFrom('session')
    .innerJoin('app_user', 'app_user.id', 'session.user_id')
    .select([
      'session.csrf_token',
      'session.last_seen_at',
      'app_user.id',
      'app_user.email',
      'app_user.name',
      'app_user.role',
      'app_user.region_id',
      'app_user.organization_id',
      'app_user.home_municipality_code',
    ])
    .where('session.id', '=', id)
    .where('app_user.deactivated_at', 'is', null)
    .where('session.expires_at', '>', now)
    .where('session.last_seen_at', '>', idleSince(lifetime, now))
    .executeTakeFirst();
  if (!row) return undefined;
  if (now.getTime() - new Date(row.last_seen_at).getTime() > TOUCH_INTERVAL_MS) {
    await db.updateTable('session').set({ last_seen_at: now }).where('id', '=', id).execute();
  }
  return { user: sessionUserOf(row), csrfToken: row.csrf_token };
}

/** Ends a session; says which single sign-on provider it began at, if any, whose session the sign-out ends too. */
export async function deleteSession(db: Db, token: string): Promise<{ oidcProvider: string | null }> {
  const row = await db.deleteFrom('session').where('id', '=', sessionId(token)).returning('oidc_provider').executeTakeFirst();
  return { oidcProvider: row?.oidc_provider ?? null };
}

/** Ends every session of a user at once: sign-out everywhere, a deactivated account, a changed password. */
export async function deleteUserSessions(db: Db, userId: number) {
  await db.deleteFrom('session').where('user_id', '=', userId).execute();
}

/** Removes ended sessions; both conditions walk an index. */
export async function deleteEndedSessions(db: Db, lifetime: SessionLifetime, now = new Date()) {
  await db.deleteFrom('session').where('expires_at', '<=', now).execute();
  await db.deleteFrom('session').where('last_seen_at', '<=', idleSince(lifetime, now)).execute();
}

const idleSince = (lifetime: SessionLifetime, now: Date) => new Date(now.getTime() - lifetime.idleMinutes * 60_000);

/** The account as the permission rules see it. */
export const sessionUserOf = (row: Pick<Selectable<UserTable>, 'id' | 'email' | 'name' | 'role' | 'region_id' | 'organization_id' | 'home_municipality_code'>): SessionUser => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role as Role,
  regionId: row.region_id,
  organizationId: row.organization_id,
  homeMunicipalityCode: row.home_municipality_code,
});
