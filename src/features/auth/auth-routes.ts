import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../server/db/database.js';
import { HttpError } from '../../server/http/errors.js';
import { requireUser } from './auth-plugin.js';
import { attemptSucceeded, beginAttempt, type LoginLimits } from './login-limits.js';
import { accountEmailSchema } from '../../server/http/input-schemas.js';
import { hashPassword, needsRehash, verifyPassword } from './password.js';
import { ROLES } from './roles.js';
import { SESSION_COOKIE, createSession, deleteSession, deleteUserSessions, type SessionLifetime } from './sessions.js';

/** `auto`: a Secure cookie unless the app is reached directly as localhost, where browsers allow plain HTTP. */
export type CookieSecurity = boolean | 'auto';

export interface AuthRouteOptions {
  db: Db;
  loginLimits: LoginLimits;
  sessionLifetime: SessionLifetime;
  secureCookies: CookieSecurity;
}

const userSchema = z.object({
  id: z.number(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  regionId: z.number().nullable(),
  organizationId: z.number().nullable(),
  homeMunicipalityCode: z.string().nullable(),
});
const sessionSchema = z.object({ user: userSchema, csrfToken: z.string() });
const currentSessionSchema = z.object({ user: userSchema.nullable(), csrfToken: z.string().nullable() });

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** A request a proxy forwarded came from elsewhere, whatever Host it names: behind a proxy, the cookie is Secure. */
const PROXY_HEADERS = ['x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'forwarded'];

function secureCookie(request: FastifyRequest, setting: CookieSecurity): boolean {
  if (setting !== 'auto') return setting;
  const direct = !PROXY_HEADERS.some((header) => request.headers[header] !== undefined);
  return request.protocol === 'https' || !direct || !LOCAL_HOSTS.has(request.hostname);
}

export async function authRoutes(app: FastifyInstance, options: AuthRouteOptions) {
  const { db } = options;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const clearCookie = (reply: FastifyReply) => reply.clearCookie(SESSION_COOKIE, { path: '/' });

  api.post(
    '/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets the session cookie and returns the CSRF token for later writes',
        description: 'After too many failed attempts (per account and address, per account, per address) answers 429 with Retry-After, even for the right password.',
        body: z.object({ email: accountEmailSchema, password: z.string().min(1).max(200) }),
        response: { 200: sessionSchema },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      const verdict = await beginAttempt(db, options.loginLimits, email, request.ip);
      if (!verdict.allowed) {
        reply.header('retry-after', String(verdict.retryAfterSeconds));
        const minutes = Math.ceil(verdict.retryAfterSeconds / 60);
        throw new HttpError(429, 'too_many_attempts', `Too many failed sign-ins; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`);
      }
      const row = await db.selectFrom('app_user').selectAll().where('email', '=', email).executeTakeFirst();
      // Verify against a fixed hash when the user is unknown, so timing does not reveal which e-mails exist.
      const valid = await verifyPassword(password, row?.password_hash ?? (await unknownUserHash));
      if (!row || !valid) throw new HttpError(401, 'invalid_credentials', 'Wrong e-mail or password');
      await attemptSucceeded(db, verdict.attemptId, email, request.ip);
      if (needsRehash(row.password_hash)) {
        await db.updateTable('app_user').set({ password_hash: await hashPassword(password) }).where('id', '=', row.id).execute();
      }
      const session = await createSession(db, row.id, options.sessionLifetime);
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: secureCookie(request, options.secureCookies),
        expires: session.expiresAt,
      });
      return {
        csrfToken: session.csrfToken,
        user: {
          id: row.id,
          email: row.email,
          name: row.name,
          role: row.role as (typeof ROLES)[number],
          regionId: row.region_id,
          organizationId: row.organization_id,
          homeMunicipalityCode: row.home_municipality_code,
        },
      };
    },
  );

  api.get(
    '/auth/session',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user and CSRF token; both null when nobody is signed in',
        response: { 200: currentSessionSchema },
      },
    },
    async (request) => {
      if (!request.user || !request.session) return { user: null, csrfToken: null };
      return { user: request.user, csrfToken: request.session.csrfToken };
    },
  );

  api.post(
    '/auth/logout',
    { schema: { tags: ['auth'], summary: 'Sign out of this session', response: { 204: z.null() } } },
    async (request, reply) => {
      if (request.session) await deleteSession(db, request.session.token);
      clearCookie(reply);
      return reply.code(204).send(null);
    },
  );

  api.post(
    '/auth/logout-everywhere',
    { schema: { tags: ['auth'], summary: 'Sign out of every session of the signed-in user, on every device', response: { 204: z.null() } } },
    async (request, reply) => {
      const user = requireUser(request);
      await deleteUserSessions(db, user.id);
      clearCookie(reply);
      return reply.code(204).send(null);
    },
  );
}

/** The hash of a random password nobody knows, made once per process. */
const unknownUserHash = hashPassword(randomBytes(24).toString('base64url'));
