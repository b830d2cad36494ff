import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../server/db/database.js';
import type { Role, SessionUser } from './roles.js';

export const SESSION_COOKIE = 'tarjotin_session';
export const SESSION_HOURS = 12;

/** The cookie carries a random token; the database keeps only its hash, so a leaked table opens no session. */
const sessionId = (token: string) => createHash('sha256').update(token).digest('base64url');

export async function createSession(db: Db, userId: number, now = new Date()) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
  await db
    .insertInto('session')
    .values({ id: sessionId(token), user_id: userId, csrf_token: csrfToken, expires_at: expiresAt })
    .execute();
  return { token, csrfToken, expiresAt };
}

export async function findSession(db: Db, token: string, now = new Date()) {
  const row = await db
    .selectFrom('session')
    .innerJoin('app_user', 'app_user.id', 'session.user_id')
    .select([
      'session.csrf_token',
      'app_user.id',
      'app_user.email',
      'app_user.name',
      'app_user.role',
      'app_user.region_id',
      'app_user.organization_id',
      'app_user.home_municipality_code',
    ])
    .where('session.id', '=', sessionId(token))
    .where('session.expires_at', '>', now)
    .executeTakeFirst();
  if (!row) return undefined;
  const user: SessionUser = {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    regionId: row.region_id,
    organizationId: row.organization_id,
    homeMunicipalityCode: row.home_municipality_code,
  };
  return { user, csrfToken: row.csrf_token };
}

export async function deleteSession(db: Db, token: string) {
  await db.deleteFrom('session').where('id', '=', sessionId(token)).execute();
}

export async function deleteExpiredSessions(db: Db, now = new Date()) {
  await db.deleteFrom('session').where('expires_at', '<=', now).execute();
}
