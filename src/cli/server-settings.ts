import { isIP } from 'node:net';
import type { CookieSecurity } from '../features/auth/session-cookie.js';
import { DEFAULT_SESSION_LIFETIME, type SessionLifetime } from '../features/auth/sessions.js';
import { CliFailure } from './cli-failure.js';
import { readOidcProviders, type OidcProvider } from '../features/auth/oidc/oidc-config.js';

export interface ServerSettings {
  sessionLifetime: SessionLifetime;
  secureCookies: CookieSecurity;
  trustProxy: string[];
  oidc: { providers: OidcProvider[]; appUrl: string };
}

/** The server's settings from its environment; a value that is set but wrong stops the start with one line. */
export function serverSettingsFromEnv(env: NodeJS.ProcessEnv): ServerSettings {
  return {
    sessionLifetime: {
      idleMinutes: positiveWhole(env, 'SESSION_IDLE_MINUTES', DEFAULT_SESSION_LIFETIME.idleMinutes),
      absoluteHours: positiveWhole(env, 'SESSION_HOURS', DEFAULT_SESSION_LIFETIME.absoluteHours),
    },
    secureCookies: cookieSecurity(env.SECURE_COOKIES),
    trustProxy: trustedProxies(env.TRUST_PROXY),
    oidc: singleSignOn(env),
  };
}

/** The single sign-on providers; they need APP_URL, the address their callbacks come back to. */
function singleSignOn(env: NodeJS.ProcessEnv): ServerSettings['oidc'] {
  const providers = readOidcProviders(env.TARJOTIN_OIDC);
  if ('error' in providers) throw new CliFailure(providers.error);
  const appUrl = (env.APP_URL ?? '').replace(/\/+$/, '');
  if (providers.length > 0 && !/^https?:\/\/[^/]+/.test(appUrl)) throw new CliFailure('TARJOTIN_OIDC needs APP_URL, the address people reach Tarjotin at (e.g. https://tarjotin.lappi.fi)');
  return { providers, appUrl };
}

function positiveWhole(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  if (!/^\d+$/.test(text) || Number(text) === 0) throw new CliFailure(`${name} must be a positive whole number, not "${text}"`);
  return Number(text);
}

function cookieSecurity(setting: string | undefined): CookieSecurity {
  if (setting === undefined || setting === '' || setting === 'auto') return 'auto';
  if (setting === 'true' || setting === 'false') return setting === 'true';
  throw new CliFailure(`SECURE_COOKIES is true, false or auto, not "${setting}"`);
}

/** Addresses or CIDR ranges of the proxies in front of the server (or proxy-addr's names `loopback`, `linklocal`, `uniquelocal`). */
function trustedProxies(setting: string | undefined): string[] {
  const entries = (setting ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
  for (const entry of entries) {
    const [address = '', prefix, extra] = entry.split('/');
    const family = isIP(address);
    const validPrefix = prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (family === 6 ? 128 : 32));
    const named = ['loopback', 'linklocal', 'uniquelocal'].includes(entry);
    if (!named && (family === 0 || !validPrefix || extra !== undefined)) {
      throw new CliFailure(`TRUST_PROXY has "${entry}", which is not an address, a CIDR range or loopback/linklocal/uniquelocal`);
    }
  }
  return entries;
}
