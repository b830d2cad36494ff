import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { authPlugin } from '../features/auth/auth-plugin.js';
import { authRoutes } from '../features/auth/auth-routes.js';
import type { OidcProvider } from '../features/auth/oidc/oidc-config.js';
import { oidcRoutes } from '../features/auth/oidc/oidc-routes.js';
import { OidcSignIn } from '../features/auth/oidc/oidc-sign-in.js';
import type { CookieSecurity } from '../features/auth/session-cookie.js';
import { DEFAULT_LOGIN_LIMITS, type LoginLimits } from '../features/auth/login-limits.js';
import { DEFAULT_SESSION_LIFETIME, type SessionLifetime } from '../features/auth/sessions.js';
import { catalogRoutes } from '../features/catalog/catalog-routes.js';
import { providerRoutes } from '../features/catalog/provider-routes.js';
import { courseRoutes } from '../features/catalog/course-routes.js';
import { studentRoutes } from '../features/students/student-routes.js';
import { enrolmentRoutes } from '../features/enrolment/enrolment-routes.js';
import { notificationRoutes } from '../features/notification/notification-routes.js';
import { planRoutes } from '../features/plan/plan-routes.js';
import { roundRoutes } from '../features/round/round-routes.js';
import { timeFrameRoutes } from '../features/timetable/time-frame-routes.js';
import { IndicatorCache } from '../features/knowledge/indicator-cache.js';
import { knowledgeRoutes } from '../features/knowledge/knowledge-routes.js';
import { populationRoutes } from '../features/population/population-routes.js';
import { peopleRoutes } from '../features/people/people-routes.js';
import { privacyRoutes } from '../features/privacy/privacy-routes.js';
import { regionRoutes } from '../features/region/region-routes.js';
import { RoadNetworks } from '../features/roads/road-networks.js';
import { SiteTravelTimes } from '../features/travel/site-travel-times.js';
import type { Db } from './db/database.js';
import { errorHandler } from './http/errors.js';
import { healthRoute } from './http/health-route.js';
import { refuseNulCharacters } from './http/nul-guard.js';
import { securityHeaders } from './http/security-headers.js';

export const API_PREFIX = '/api/v1';
export const WEB_DIST = fileURLToPath(new URL('../../dist/web/', import.meta.url));

export interface AppOptions {
  db: Db;
  /** Pino log level, or false for none. */
  logLevel?: string | false;
  loginLimits?: LoginLimits;
  sessionLifetime?: SessionLifetime;
  /** Default `auto`: Secure unless the app is reached as localhost. */
  secureCookies?: CookieSecurity;
  /** The proxies whose X-Forwarded-For is believed (addresses or CIDR ranges); none by default. */
  trustProxy?: string[];
  /** Serve the built web app from dist/web (when it exists). */
  serveWeb?: boolean;
  /** Recompute changed region indicators in the background this often (the server does; tests need not). */
  indicatorRefreshMs?: number;
  /** Travel times shared with the rest of the process (the server's handed-over tasks use them too). */
  travelTimes?: SiteTravelTimes;
  /** Single sign-on providers (TARJOTIN_OIDC) and the address the app is reached at (APP_URL), for their callbacks. */
  oidc?: { providers: OidcProvider[]; appUrl: string };
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { db } = options;
  const sessionLifetime = options.sessionLifetime ?? DEFAULT_SESSION_LIFETIME;
  const app = Fastify({
    logger: options.logLevel ? { level: options.logLevel } : false,
    // Without a configured proxy, X-Forwarded-For is anybody's say-so: the address is the peer's.
    trustProxy: options.trustProxy?.length ? options.trustProxy : false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  refuseNulCharacters(app);
  await securityHeaders(app);

  await app.register(cookie);
  await app.register(authPlugin, { db, sessionLifetime });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Tarjotin API',
        version: '1',
        description:
          'The regional course tray. Writes need a session (POST /auth/login) and the session\'s CSRF token in the X-CSRF-Token header.',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: `${API_PREFIX}/docs` });

  const travelTimes = options.travelTimes ?? new SiteTravelTimes(db, new RoadNetworks(db).providerFor);
  const indicators = new IndicatorCache(db, travelTimes);
  if (options.indicatorRefreshMs) {
    const stop = indicators.startRefreshing(options.indicatorRefreshMs, (error) => app.log.error(error, 'refreshing region indicators'));
    app.addHook('onClose', async () => stop());
  }
  await app.register(
    async (api) => {
      await api.register(healthRoute, { db });
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      const sessionStart = { db, sessionLifetime, secureCookies: options.secureCookies ?? 'auto' } as const;
      const sso = new OidcSignIn(db, options.oidc?.providers ?? [], options.oidc?.appUrl ?? '');
      await api.register(authRoutes, { ...sessionStart, loginLimits: options.loginLimits ?? DEFAULT_LOGIN_LIMITS, ssoLogoutUrl: (provider) => sso.logoutUrl(provider) });
      await api.register(oidcRoutes, { ...sessionStart, sso });
      await api.register(peopleRoutes, sessionStart);
      await api.register(regionRoutes, { db, travelTimes });
      await api.register(catalogRoutes, { db, travelTimes });
      await api.register(providerRoutes, { db, travelTimes });
      await api.register(courseRoutes, { db });
      await api.register(studentRoutes, { db });
      await api.register(enrolmentRoutes, { db });
      await api.register(notificationRoutes, { db });
      await api.register(planRoutes, { db, travelTimes });
      await api.register(roundRoutes, { db, travelTimes });
      await api.register(timeFrameRoutes, { db });
      await api.register(knowledgeRoutes, { db, indicators });
      await api.register(populationRoutes, { db });
      await api.register(privacyRoutes, { db });
    },
    { prefix: API_PREFIX },
  );

  const serveWeb = (options.serveWeb ?? true) && existsSync(WEB_DIST + 'index.html');
  if (serveWeb) await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    // The web app routes on the client: every other GET gets its page.
    if (serveWeb && request.method === 'GET' && !request.url.startsWith(API_PREFIX)) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.code(404).send({ error: 'not_found', message: `No route ${request.method} ${request.url}`, issues: [] });
  });
  return app;
}
