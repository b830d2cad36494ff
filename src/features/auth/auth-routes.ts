import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../server/db/database.js';
import { HttpError } from '../../server/http/errors.js';
import { verifyPassword } from './password.js';
import { ROLES } from './roles.js';
import { SESSION_COOKIE, createSession, deleteExpiredSessions, deleteSession } from './sessions.js';

export interface AuthRouteOptions {
  db: Db;
  /** Failed or not, sign-in attempts per address and e-mail in a minute. */
  loginAttemptsPerMinute: number;
  secureCookies: boolean;
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

export async function authRoutes(app: FastifyInstance, options: AuthRouteOptions) {
  const { db } = options;
  const api = app.withTypeProvider<ZodTypeProvider>();
  await app.register(rateLimit, { global: false, hook: 'preHandler' });

  api.post(
    '/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets the session cookie and returns the CSRF token for later writes',
        body: z.object({ email: z.string().trim().toLowerCase().pipe(z.email()), password: z.string().min(1).max(200) }),
        response: { 200: sessionSchema },
      },
      config: {
        rateLimit: {
          max: options.loginAttemptsPerMinute,
          timeWindow: '1 minute',
          keyGenerator: (request) => `${request.ip}|${(request.body as { email?: string } | undefined)?.email ?? ''}`,
          errorResponseBuilder: (_request, context) =>
            new HttpError(429, 'too_many_attempts', `Too many sign-in attempts; try again in ${context.after}`),
        },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      const row = await db.selectFrom('app_user').selectAll().where('email', '=', email).executeTakeFirst();
      // Verify against a fixed hash when the user is unknown, so timing does not reveal which e-mails exist.
      const valid = await verifyPassword(password, row?.password_hash ?? UNKNOWN_USER_HASH);
      if (!row || !valid) throw new HttpError(401, 'invalid_credentials', 'Wrong e-mail or password');
      // Sign-ins are rare enough to sweep expired sessions here, with no background job.
      await deleteExpiredSessions(db);
      const session = await createSession(db, row.id);
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: options.secureCookies,
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
    { schema: { tags: ['auth'], summary: 'Sign out', response: { 204: z.null() } } },
    async (request, reply) => {
      if (request.session) await deleteSession(db, request.session.token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );
}

/** scrypt hash of a random password nobody knows. */
const UNKNOWN_USER_HASH =
  'scrypt$131072$8$1$0TMqahWWO2kEe8-DJWzVIg$CcxWSCe4yVJn5Spk38-v_xiJIXHzW7GAmv-89cXUnDc';
