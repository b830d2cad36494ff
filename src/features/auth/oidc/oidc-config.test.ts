import { describe, expect, it } from 'vitest';
import { serverSettingsFromEnv } from '../../../cli/server-settings.js';
import { readOidcProviders } from './oidc-config.js';
import { safeReturnPath } from '../return-path.js';

const MPASSID = { id: 'mpassid', name: 'MPASSid', issuer: 'https://mpass-proxy.csc.fi', clientId: 'tarjotin', clientSecret: 'salaisuus' };

describe('single sign-on settings', () => {
  it('reads TARJOTIN_OIDC with its defaults', () => {
    expect(readOidcProviders(JSON.stringify([MPASSID]))).toEqual([{ ...MPASSID, scopes: 'openid email profile', claims: { email: 'email', name: 'name' }, trustEmail: false }]);
    expect(readOidcProviders(undefined)).toEqual([]);
    expect(readOidcProviders(JSON.stringify([{ ...MPASSID, issuer: 'http://127.0.0.1:4000' }]))).toHaveLength(1);
  });

  it('refuses, in one line, what would make sign-in unsafe or ambiguous', () => {
    expect(readOidcProviders('[{')).toEqual({ error: expect.stringMatching(/^TARJOTIN_OIDC is not JSON/) });
    expect(readOidcProviders(JSON.stringify([{ ...MPASSID, issuer: 'http://mpass.example.fi' }]))).toEqual({ error: expect.stringMatching(/^TARJOTIN_OIDC: 0\.issuer: an https:\/\/ issuer/) });
    expect(readOidcProviders(JSON.stringify([MPASSID, MPASSID]))).toEqual({ error: 'TARJOTIN_OIDC: providers: two providers have one id' });
    expect(readOidcProviders(JSON.stringify([{ ...MPASSID, id: 'MPASS ID' }]))).toEqual({ error: expect.stringMatching(/^TARJOTIN_OIDC: 0\.id:/) });
    expect(() => serverSettingsFromEnv({ TARJOTIN_OIDC: JSON.stringify([MPASSID]) })).toThrow(/needs APP_URL/);
    expect(serverSettingsFromEnv({ TARJOTIN_OIDC: JSON.stringify([MPASSID]), APP_URL: 'https://tarjotin.lappi.fi/' }).oidc.appUrl).toBe('https://tarjotin.lappi.fi');
  });

  it('returns only to paths of this app', () => {
    expect(['/plan', '/offerings/3?home=854', '//evil.example', '/\\evil.example', 'https://evil.example', undefined].map(safeReturnPath)).toEqual(['/plan', '/offerings/3?home=854', '/', '/', '/', '/']);
  });
});
