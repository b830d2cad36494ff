import '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../../server/db/database.js';
import { HttpError, unauthorized } from '../../server/http/errors.js';
import type { SessionUser } from './roles.js';
import { SESSION_COOKIE, findSession, type SessionLifetime } from './sessions.js';

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
    session: { token: string; csrfToken: string } | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Resolves the session cookie to a user on every request, and refuses a state-changing request
 * made with a session unless it carries that session's CSRF token (synchroniser-token pattern).
 */
export const authPlugin = fp(async (app: FastifyInstance, options: { db: Db; sessionLifetime: SessionLifetime }) => {
  app.decorateRequest('user', null);
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await findSession(options.db, token, options.sessionLifetime);
    if (!session) return;
    if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== session.csrfToken) {
      throw new HttpError(403, 'csrf_failed', 'Missing or wrong CSRF token; reload the page');
    }
    request.user = session.user;
    request.session = { token, csrfToken: session.csrfToken };
  });
});

/** The signed-in user, or 401; what they may do is asked of roles.ts. */
export function requireUser(request: FastifyRequest): SessionUser {
  if (!request.user) throw unauthorized();
  return request.user;
}
