import { afterAll, describe, expect, it } from 'vitest';
import { startIdentityProvider, type TestIdentityProvider } from '../identity-provider.js';
import { expectNoAxeViolations, useBrowserApp } from './browser-harness.js';

describe('single sign-on in a browser', () => {
  let idp: TestIdentityProvider | undefined;
  const harness = useBrowserApp('pglite', {
    prepare: async (appUrl) => {
      idp = await startIdentityProvider(appUrl);
      return { oidc: { providers: [idp.config], appUrl } };
    },
  });
  afterAll(async () => idp?.close());

  it('a student on a phone signs in through the provider, and signing out takes her to end the provider\'s session', async () => {
    idp!.accounts.set('mpass-oona', { email: 'opiskelija.pello@tarjotin.example', email_verified: true, name: 'Oona' });
    const page = await harness.newPage({ phone: true });
    await page.goto('/login');
    const link = page.getByRole('navigation', { name: 'Kertakirjautuminen' }).getByRole('link', { name: 'Kirjaudu: Testitunnistus' });
    await link.waitFor();
    await expectNoAxeViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await link.click();
    // The provider's own (development) sign-in form.
    await page.locator('input[name="login"]').fill('mpass-oona');
    await page.locator('input[name="password"]').fill('any');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.waitForURL(`${harness.baseUrl}/`);
    await page.getByRole('link', { name: /Oona Opiskelija/ }).waitFor();

    // Signing out here sends the browser to end the provider's session too (RP-initiated logout).
    await page.getByRole('button', { name: 'Kirjaudu ulos' }).click();
    await page.waitForURL((url) => url.href.startsWith(`${idp!.issuer}/session/end`));
    expect(new URL(page.url()).searchParams.get('post_logout_redirect_uri')).toBe(`${harness.baseUrl}/`);
  });

  it('says in Swedish why an unknown identity cannot sign in', async () => {
    idp!.accounts.set('stranger', { email: 'stranger@example.fi', email_verified: true });
    const page = await harness.newPage({ language: 'sv' });
    await page.goto('/login');
    await page.getByRole('link', { name: 'Logga in: Testitunnistus' }).click();
    await page.locator('input[name="login"]').fill('stranger');
    await page.locator('input[name="password"]').fill('any');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('alert').getByText('Ditt konto finns inte i Tarjotin.', { exact: false }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    await expectNoAxeViolations(page);
  });
});
