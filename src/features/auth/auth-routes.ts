import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpError } from '../../server/http/errors.js';
import { requireUser } from './auth-plugin.js';
import { attemptSucceeded, beginAttempt, type LoginLimits } from './login-limits.js';
import { accountEmailSchema } from '../../server/http/input-schemas.js';
import { hashPassword, needsRehash, verifyPassword } from './password.js';
import { sessionSchema, startSession, userSchema, type SessionStart } from './session-cookie.js';
import { SESSION_COOKIE, deleteSession, deleteUserSessions } from './sessions.js';

export interface AuthRouteOptions extends SessionStart {
  loginLimits: LoginLimits;
  /** Where to end a single sign-on provider's session too, for a session that began there. */
  ssoLogoutUrl: (provider: string) => Promise<string | null>;
}

const currentSessionSchema = z.object({ user: userSchema.nullable(), csrfToken: z.string().nullable() });

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
      // An account without a password ('!…': imported, or signing in by single sign-on only) is timed as an unknown one.
      const hasPassword = row !== undefined && !row.password_hash.startsWith('!');
      const valid = (await verifyPassword(password, hasPassword ? row.password_hash : await unknownUserHash)) && hasPassword;
      if (!row || !valid) throw new HttpError(401, 'invalid_credentials', 'Wrong e-mail or password');
      // Said only to whoever knows the password, so it reveals nothing about which accounts exist.
      if (row.deactivated_at) throw new HttpError(403, 'account_deactivated', 'This account is deactivated; ask your region\'s admin');
      await attemptSucceeded(db, verdict.attemptId, email, request.ip);
      if (needsRehash(row.password_hash)) {
        await db.updateTable('app_user').set({ password_hash: await hashPassword(password) }).where('id', '=', row.id).execute();
      }
      return startSession(options, request, reply, row);
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
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign out of this session',
        description: 'A session begun by single sign-on answers 200 with the provider\'s `logoutUrl`, for the browser to end that session too.',
        response: { 200: z.object({ logoutUrl: z.string() }), 204: z.null() },
      },
    },
    async (request, reply) => {
      const ended = request.session ? await deleteSession(db, request.session.token) : { oidcProvider: null };
      clearCookie(reply);
      const logoutUrl = ended.oidcProvider ? await options.ssoLogoutUrl(ended.oidcProvider) : null;
      return logoutUrl ? reply.code(200).send({ logoutUrl }) : reply.code(204).send(null);
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
