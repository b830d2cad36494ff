import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import type { OidcProvider } from '../src/features/auth/oidc/oidc-config.js';

/** A person at the test provider: the login typed on its form is the subject. */
export interface ProviderAccount {
  email?: string;
  email_verified?: boolean;
  name?: string;
  /** MPASSid's school claims: the schools' register codes, and roles as "municipality;school code;class;role". */
  'urn:mpass.id:schoolCode'?: string[];
  'urn:mpass.id:role'?: string[];
}

const MPASS_CLAIMS = ['urn:mpass.id:schoolCode', 'urn:mpass.id:role'];

export interface TestIdentityProvider {
  issuer: string;
  /** The provider as Tarjotin's TARJOTIN_OIDC names it. */
  config: OidcProvider;
  accounts: Map<string, ProviderAccount>;
  /** While true, every ID token the token endpoint gives has one character of its payload changed: its signature no longer holds. */
  tamperIdTokens: boolean;
  close(): Promise<void>;
}

/**
 * A real OpenID provider (oidc-provider, with its development login form) on a random loopback
 * port, with one confidential client whose callback is Tarjotin's at `appUrl`. Consent is granted
 * for that client as a school's own provider would. Like MPASSid, it gives a person's school codes
 * and roles when the account has them.
 */
export async function startIdentityProvider(appUrl: string, options: { id?: string; codeTtlSeconds?: number } = {}): Promise<TestIdentityProvider> {
  const id = options.id ?? 'testidp';
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
  const server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts = new Map<string, ProviderAccount>();
  const clientId = `tarjotin-${id}`;
  const clientSecret = 'test-client-secret-that-is-long-enough';
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [`${appUrl}/api/v1/auth/oidc/${id}/callback`], post_logout_redirect_uris: [`${appUrl}/`], response_types: ['code'], grant_types: ['authorization_code'] }],
    claims: { openid: ['sub', ...MPASS_CLAIMS], email: ['email', 'email_verified'], profile: ['name'] },
    findAccount: async (_ctx, sub) => ({ accountId: sub, claims: async () => ({ sub, ...accounts.get(sub) }) }),
    // The client is the school's own service: its scopes are granted without a consent screen.
    loadExistingGrant: async (ctx) => {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope('openid email profile');
      grant.addOIDCClaims(['email', 'email_verified', 'name', ...MPASS_CLAIMS]);
      await grant.save();
      return grant;
    },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    ttl: { AuthorizationCode: options.codeTtlSeconds ?? 60, Interaction: 600, Session: 3600, Grant: 3600, IdToken: 3600, AccessToken: 3600 },
    jwks: { keys: [{ ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'test', alg: 'RS256', use: 'sig' }] as never },
    cookies: { keys: ['tarjotin-test-provider-cookie-key'] },
  });
  const callback = provider.callback();
  const idp: TestIdentityProvider = {
    issuer,
    config: { id, name: 'Testitunnistus', issuer, clientId, clientSecret, scopes: 'openid email profile', claims: { email: 'email', name: 'name', schoolCodes: 'urn:mpass.id:schoolCode', roles: 'urn:mpass.id:role' }, trustEmail: false },
    accounts,
    tamperIdTokens: false,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  handle = (req, res) => {
    if (idp.tamperIdTokens && req.url?.startsWith('/token')) {
      const end = res.end.bind(res) as (chunk?: unknown, ...rest: unknown[]) => ServerResponse;
      res.end = ((chunk?: unknown, ...rest: unknown[]) => {
        if (chunk) {
          const body = JSON.parse(String(chunk)) as { id_token?: string };
          if (body.id_token) {
            const [header, payload, signature] = body.id_token.split('.') as [string, string, string];
            const changed = payload.slice(0, 10) + (payload[10] === 'A' ? 'B' : 'A') + payload.slice(11);
            chunk = JSON.stringify({ ...body, id_token: [header, changed, signature].join('.') });
          }
        }
        return end(chunk, ...rest);
      }) as typeof res.end;
    }
    callback(req, res);
  };
  return idp;
}

/**
 * Signs in at the test provider as a browser would, from Tarjotin's redirect there (`start`) to the
 * provider's redirect back to Tarjotin: follows its redirects with its cookies, and fills its login
 * form with `login`. Returns the callback URL, for the test to hand to Tarjotin.
 */
export async function signInAtProvider(start: string, login: string, appUrl: string): Promise<URL> {
  const cookies = new Map<string, string>();
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const at = pair.indexOf('=');
      cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const cookieHeader = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  let url = new URL(start);
  let response = await fetch(url, { redirect: 'manual', headers: { cookie: cookieHeader() } });
  for (let step = 0; step < 12; step++) {
    keep(response);
    const location = response.headers.get('location');
    if (location) {
      url = new URL(location, url);
      if (url.href.startsWith(appUrl)) return url;
      response = await fetch(url, { redirect: 'manual', headers: { cookie: cookieHeader() } });
      continue;
    }
    const page = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
    if (response.status !== 200 || !action) throw new Error(`the provider answered ${response.status} without a way on: ${page.slice(0, 200)}`);
    const form: Record<string, string> = page.includes('name="login"') ? { prompt: 'login', login, password: 'any' } : { prompt: 'consent' };
    url = new URL(action.replaceAll('&amp;', '&'), url);
    response = await fetch(url, { method: 'POST', redirect: 'manual', headers: { cookie: cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });
  }
  throw new Error('the provider did not send the browser back');
}
