import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../server/db/database.js';
import type { Selectable } from 'kysely';
import type { UserTable } from '../../server/db/schema.js';
import { ROLES } from './roles.js';
import { SESSION_COOKIE, createSession, sessionUserOf, type SessionLifetime } from './sessions.js';

/** `auto`: a Secure cookie unless the app is reached directly as localhost, where browsers allow plain HTTP. */
export type CookieSecurity = boolean | 'auto';

/** What every way of signing in (password, invitation, single sign-on) needs to start a session. */
export interface SessionStart {
  db: Db;
  sessionLifetime: SessionLifetime;
  secureCookies: CookieSecurity;
}

export const userSchema = z.object({
  id: z.number(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  regionId: z.number().nullable(),
  organizationId: z.number().nullable(),
  homeMunicipalityCode: z.string().nullable(),
});
/** A new session: its user, and the CSRF token the client sends with every write. */
export const sessionSchema = z.object({ user: userSchema, csrfToken: z.string() });

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** A request a proxy forwarded came from elsewhere, whatever Host it names: behind a proxy, the cookie is Secure. */
const PROXY_HEADERS = ['x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'forwarded'];

export function secureCookie(request: FastifyRequest, setting: CookieSecurity): boolean {
  if (setting !== 'auto') return setting;
  const direct = !PROXY_HEADERS.some((header) => request.headers[header] !== undefined);
  return request.protocol === 'https' || !direct || !LOCAL_HOSTS.has(request.hostname);
}

/** Opens a session for the account and sets its cookie; the answer carries the user and the CSRF token. */
export async function startSession(start: SessionStart, request: FastifyRequest, reply: FastifyReply, account: Selectable<UserTable>, oidcProvider: string | null = null) {
  const session = await createSession(start.db, account.id, start.sessionLifetime, new Date(), oidcProvider);
  reply.setCookie(SESSION_COOKIE, session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: secureCookie(request, start.secureCookies),
    expires: session.expiresAt,
  });
  return { csrfToken: session.csrfToken, user: sessionUserOf(account) };
}
