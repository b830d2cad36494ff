import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../../server/http/errors.js';
import { newSecretToken } from '../secret-token.js';
import { secureCookie, startSession, type SessionStart } from '../session-cookie.js';
import { OidcSignIn, SIGN_IN_MINUTES, SsoRefused } from './oidc-sign-in.js';

/** Ties a sign-in under way to the browser that began it. */
const SSO_COOKIE = 'tarjotin_sso';

const providerParams = z.object({ provider: z.string().max(40) });

/** Sign-in by the installation's OpenID Connect providers: the list, the redirect there, and the callback back. */
export async function oidcRoutes(app: FastifyInstance, options: SessionStart & { sso: OidcSignIn }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { sso } = options;
  const providerOf = (id: string) => {
    const provider = sso.provider(id);
    if (!provider) throw notFound('Sign-in provider');
    return provider;
  };
  const refusedTo = (reason: string) => `/login?sso_error=${reason}`;
  const cookie = (request: FastifyRequest) => ({ path: '/api/v1/auth/oidc/', httpOnly: true, sameSite: 'lax' as const, secure: secureCookie(request, options.secureCookies) });

  api.get(
    '/auth/providers',
    {
      schema: {
        tags: ['auth'],
        summary: 'The single sign-on providers of this installation (TARJOTIN_OIDC), for the sign-in page',
        response: { 200: z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) }) },
      },
    },
    async () => ({ items: sso.list() }),
  );

  api.get(
    '/auth/oidc/:provider/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Start signing in at a provider: redirects there (authorization code flow with PKCE)',
        description: '`invitation` links the identity to the account the invitation makes; `returnTo` is a path of this app to come back to.',
        params: providerParams,
        querystring: z.object({ returnTo: z.string().max(500).optional(), invitation: z.string().max(200).optional() }),
      },
    },
    async (request, reply) => {
      const provider = providerOf(request.params.provider);
      try {
        const browserSecret = newSecretToken();
        const url = await sso.begin(provider, browserSecret, { returnTo: request.query.returnTo, invitationToken: request.query.invitation });
        // Lax: the provider's redirect back is a top-level navigation from its site, which a Strict cookie would not follow.
        reply.setCookie(SSO_COOKIE, browserSecret, { ...cookie(request), maxAge: SIGN_IN_MINUTES * 60 });
        return reply.redirect(url.href);
      } catch (error) {
        if (!(error instanceof SsoRefused)) throw error;
        request.log.warn({ provider: provider.id, reason: error.message }, 'single sign-on could not start');
        return reply.redirect(refusedTo(error.reason));
      }
    },
  );

  api.get(
    '/auth/oidc/:provider/callback',
    { schema: { tags: ['auth'], summary: 'The provider\'s redirect back: opens the session and goes on, or back to sign-in with the reason', params: providerParams } },
    async (request, reply) => {
      const provider = providerOf(request.params.provider);
      const callback = new URL(sso.callbackUrl(provider));
      callback.search = new URL(request.url, 'http://callback.invalid').search;
      const browserSecret = request.cookies[SSO_COOKIE];
      reply.clearCookie(SSO_COOKIE, cookie(request));
      try {
        const { account, returnTo } = await sso.complete(provider, callback, browserSecret);
        await startSession(options, request, reply, account, provider.id);
        return reply.redirect(returnTo);
      } catch (error) {
        if (!(error instanceof SsoRefused)) throw error;
        request.log.warn({ provider: provider.id, reason: error.message }, 'single sign-on refused');
        return reply.redirect(refusedTo(error.reason));
      }
    },
  );
}
