import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/features/demo/seed-demo.js';
import { linkTokenSentTo } from '../mailbox.js';
import { expectNoAxeViolations, signIn, signInAs, useBrowserApp } from './browser-harness.js';

const NEW_COUNSELLOR = 'uusi.opo@ylitornio.example';
const PASSWORD = 'Aavasaksan huipulla tuulee';

/** The page does not scroll sideways: everything fits the phone's width. */
const expectFitsWidth = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width);

describe('people in a browser', () => {
  const harness = useBrowserApp();
  let admin: Page;

  it('a region admin invites a counsellor to a school and sees the open invitation', async () => {
    admin = await harness.newPage();
    await signInAs(admin, 'admin@tarjotin.example', DEMO_PASSWORD);
    await admin.goto('/');
    await admin.getByRole('link', { name: 'Ihmiset', exact: true }).click();
    await admin.getByRole('heading', { level: 1, name: 'Ihmiset' }).waitFor();
    const invite = admin.getByRole('region', { name: 'Kutsu käyttäjä' });
    await invite.getByLabel('Sähköposti').fill(NEW_COUNSELLOR);
    // The role is a counsellor's by default; a counsellor needs a school: the server says so first.
    await invite.getByRole('button', { name: 'Lähetä kutsu' }).click();
    await invite.getByText('Tähän rooliin kuuluu organisaatio').waitFor();
    await invite.getByRole('button', { name: /Organisaatio$/ }).click();
    await admin.getByRole('option', { name: 'Ylitornion yhteiskoulun lukio' }).click();
    await invite.getByRole('button', { name: 'Lähetä kutsu' }).click();
    await invite.getByText(`Kutsu lähetetty osoitteeseen ${NEW_COUNSELLOR}.`).waitFor();
    const open = admin.getByRole('region', { name: 'Avoimet kutsut' });
    await open.getByRole('heading', { name: NEW_COUNSELLOR }).waitFor();
    expect(await open.locator('li', { hasText: NEW_COUNSELLOR }).textContent()).toContain('Opinto-ohjaaja · Ylitornion yhteiskoulun lukio');
    await expectNoAxeViolations(admin);
  });

  it('the admin withdraws a mistaken invitation after confirming', async () => {
    const invite = admin.getByRole('region', { name: 'Kutsu käyttäjä' });
    const open = admin.getByRole('region', { name: 'Avoimet kutsut' });
    await invite.getByLabel('Sähköposti').fill('vaara.osoite@example.fi');
    await invite.getByRole('button', { name: 'Lähetä kutsu' }).click();
    const mistaken = open.locator('li', { hasText: 'vaara.osoite@example.fi' });
    await mistaken.getByRole('button', { name: 'Peru kutsu' }).click();
    await mistaken.getByText('Linkki lakkaa toimimasta.').waitFor();
    await mistaken.getByRole('button', { name: 'Peru kutsu' }).click();
    await mistaken.waitFor({ state: 'detached' });
  });

  it('the counsellor opens the e-mailed link on a phone in Swedish, chooses a password and is signed in', async () => {
    const token = await linkTokenSentTo(harness.db, NEW_COUNSELLOR, 'invitations');
    const phone = await harness.newPage({ phone: true, language: 'sv' });
    await phone.goto(`/invitations/${token}`);
    await phone.getByText('bjuder in dig till regionen Lappland i rollen Studiehandledare').waitFor();
    await expectNoAxeViolations(phone);
    await expectFitsWidth(phone);
    await phone.getByLabel('Ditt namn').fill('Uusi Opo');
    await phone.getByLabel('Nytt lösenord', { exact: true }).fill('för kort');
    await phone.getByLabel('Nytt lösenord igen').fill('för kort');
    await phone.getByRole('button', { name: 'Ta emot inbjudan' }).click();
    await phone.getByText('Minst 12 tecken (några ord i rad är lätta att minnas)').waitFor();
    await phone.getByLabel('Nytt lösenord', { exact: true }).fill(PASSWORD);
    await phone.getByLabel('Nytt lösenord igen').fill(`${PASSWORD}!`);
    await phone.getByRole('button', { name: 'Ta emot inbjudan' }).click();
    await phone.getByText('Lösenorden är inte lika.').waitFor();
    await phone.getByLabel('Nytt lösenord igen').fill(PASSWORD);
    await phone.getByRole('button', { name: 'Ta emot inbjudan' }).click();
    await phone.getByRole('link', { name: /Uusi Opo/ }).waitFor();
    // The link is spent.
    await phone.goto(`/invitations/${token}`);
    await phone.getByText('Inbjudningslänken gäller inte').waitFor();
  });

  it('the admin finds the new counsellor, deactivates the account after confirming, and reactivates it', async () => {
    await admin.reload();
    const people = admin.getByRole('region', { name: 'Käyttäjätilit' });
    await people.getByRole('searchbox', { name: 'Hae nimellä tai sähköpostilla' }).fill('uusi opo');
    await people.getByRole('searchbox').press('Enter');
    const card = people.locator('li', { hasText: NEW_COUNSELLOR });
    await card.waitFor();
    await expect.poll(() => people.locator('.card-list > li').count()).toBe(1);
    await card.getByRole('button', { name: 'Poista käytöstä' }).click();
    await card.getByText('Hänen kirjautumisensa päättyvät heti').waitFor();
    await card.getByRole('button', { name: 'Poista tili käytöstä' }).click();
    await card.getByText('Poistettu käytöstä').waitFor();
    const refused = await (await harness.newPage()).request.post('/api/v1/auth/login', { data: { email: NEW_COUNSELLOR, password: PASSWORD } });
    expect((await refused.json()).error).toBe('account_deactivated');
    await card.getByRole('button', { name: 'Ota uudelleen käyttöön' }).click();
    await card.getByRole('button', { name: 'Poista käytöstä' }).waitFor();
    await expectNoAxeViolations(admin);
  });

  it('a forgotten password is reset through the e-mailed link; the pages fit a phone and pass axe', async () => {
    const phone = await harness.newPage({ phone: true });
    await phone.goto('/login');
    await phone.getByRole('link', { name: 'Unohditko salasanasi?' }).click();
    await phone.getByLabel('Sähköposti').fill(NEW_COUNSELLOR);
    await phone.getByRole('button', { name: 'Lähetä linkki' }).click();
    await phone.getByText('Linkki on voimassa tunnin.').waitFor();
    await expectNoAxeViolations(phone);
    await expectFitsWidth(phone);
    await phone.goto(`/reset-password/${await linkTokenSentTo(harness.db, NEW_COUNSELLOR, 'reset-password')}`);
    const renewed = 'Ounasvaaran rinteet ovat jyrkkiä';
    await phone.getByLabel('Uusi salasana', { exact: true }).fill(renewed);
    await phone.getByLabel('Uusi salasana uudelleen').fill(renewed);
    await phone.getByRole('button', { name: 'Tallenna uusi salasana' }).click();
    await phone.getByText('Salasana on vaihdettu').waitFor();
    await expectNoAxeViolations(phone);
    await signIn(phone, NEW_COUNSELLOR, renewed);
    await phone.waitForURL((url) => !url.pathname.startsWith('/login'));
  });
});
