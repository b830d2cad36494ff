import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { createSystemAdmin } from '../../src/features/people/system-admin.js';
import { ENGINES } from '../databases.js';
import { startIdentityProvider, type TestIdentityProvider } from '../identity-provider.js';
import { linkTokenSentTo } from '../mailbox.js';
import { expectNoAxeViolations, signIn, signInAs, useBrowserApp } from './browser-harness.js';

const ADMIN = { email: 'paakayttaja@kemi-tornio.example', name: 'Pää Käyttäjä', password: 'revontulet yli tunturin' };
const COORDINATOR = { email: 'koordinaattori@lappia.example', password: 'tornionjoen törmällä' };
const COUNSELLOR = 'opo@pello.example';
const STUDENT = 'aino.aho@pello.example';

/** A write through the page's own session (its cookie and CSRF token), for the steps other browser tests walk through their pages. */
async function post(page: Page, path: string, data: unknown) {
  const { csrfToken } = await (await page.request.get('/api/v1/auth/session')).json();
  const response = await page.request.post(`/api/v1${path}`, { data, headers: { 'x-csrf-token': csrfToken } });
  expect(response.status(), `${path}: ${await response.text()}`).toBeLessThan(300);
  return response.json();
}

/**
 * Issue 11's "done when": a fresh install without the demo is started by a system admin, a region
 * made from a KOPA template, a coordinator and a counsellor invited (one accepts with a password,
 * one through single sign-on), courses imported from the national code set and an offering
 * published, students imported from the school's file, and a student signs in and asks for a
 * seat. The steps other browser tests walk page by page (adding a school from the register,
 * inviting, the offering editor) go through the same API with the page's session; the pages
 * this issue adds are used as a person would.
 */
describe.each(ENGINES)('starting a region from nothing on %s', (engine) => {
  let idp: TestIdentityProvider | undefined;
  const harness = useBrowserApp(engine, {
    fresh: true,
    prepare: async (appUrl) => {
      idp = await startIdentityProvider(appUrl);
      return { oidc: { providers: [idp.config], appUrl } };
    },
  });
  afterAll(async () => idp?.close());
  const ids = { region: 0, school: 0, lappia: 0, site: 0, offering: 0 };

  it('the system admin creates the region from its KOPA template and invites a coordinator and a counsellor', async () => {
    expect(await harness.db.selectFrom('region').select('id').execute()).toEqual([]);
    await createSystemAdmin(harness.db, ADMIN);
    const page = await harness.newPage();
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.getByRole('link', { name: /Pää Käyttäjä/ }).waitFor();
    await page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Alueet', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Alueet' }).waitFor();
    await page.getByText('Alueita ei ole vielä.').waitFor();
    const form = page.getByRole('region', { name: 'Luo alue KOPA-pilottialueesta' });
    await form.getByRole('button', { name: /Pilottialue$/ }).click();
    await page.getByRole('option', { name: 'Kemi-Tornionlaakso' }).click();
    await form.getByText('Kunnat: Pello, Ylitornio.').waitFor();
    await form.getByLabel(/Nimi ruotsiksi/).fill('Kemi-Torneådalen');
    await expectNoAxeViolations(page);
    await form.getByRole('button', { name: 'Luo alue mallista' }).click();
    await page.getByText('Alue Kemi-Tornionlaakso luotiin.').waitFor();
    await page.getByRole('region', { name: 'Alueet', exact: true }).getByRole('heading', { name: 'Kemi-Tornionlaakso' }).waitFor();

    ids.region = (await harness.db.selectFrom('region').select('id').where('code', '=', 'kemi-tornionlaakso').executeTakeFirstOrThrow()).id;
    ids.lappia = (await harness.db.selectFrom('organization').select('id').where('name', '=', 'Lappia').executeTakeFirstOrThrow()).id;
    ids.school = (await post(page, '/organizations/from-school', { regionId: ids.region, schoolCode: '00640' })).organization.id;
    ids.site = (await post(page, '/sites', { organizationId: ids.lappia, name: 'Lappia, Pellon toimipiste', municipalityCode: '854' })).id;
    await post(page, '/invitations', { email: COORDINATOR.email, role: 'coordinator', regionId: ids.region, organizationId: ids.lappia });
    await post(page, '/invitations', { email: COUNSELLOR, role: 'counsellor', regionId: ids.region, organizationId: ids.school });
  });

  it('the coordinator accepts with a password, imports the lukio modules from the national code set and publishes an offering', async () => {
    const page = await harness.newPage();
    await page.goto(`/invitations/${await linkTokenSentTo(harness.db, COORDINATOR.email, 'invitations')}`);
    await page.getByLabel('Nimesi').fill('Liisa Lappia');
    await page.getByLabel('Uusi salasana', { exact: true }).fill(COORDINATOR.password);
    await page.getByLabel('Uusi salasana uudelleen').fill(COORDINATOR.password);
    await page.getByRole('button', { name: 'Ota kutsu vastaan' }).click();
    await page.getByRole('link', { name: /Liisa Lappia/ }).waitFor();
    await page.goto('/courses');
    await page.getByText('Alueella ei ole vielä kursseja.').waitFor();
    await expectNoAxeViolations(page);
    const panel = page.getByRole('region', { name: 'Lukion moduulit valtakunnallisesta koodistosta' });
    await panel.getByRole('button', { name: 'Tuo koodiston moduulit' }).click();
    await panel.getByRole('group').getByRole('button', { name: 'Tuo koodiston moduulit' }).click();
    await panel.getByText('Tuotu: 423 uutta, 0 päivitetty, 0 ennallaan.').waitFor();
    await page.getByText('423 kurssia').waitFor();

    ids.offering = (await post(page, '/offerings', {
      courseCode: 'MAA3', siteId: ids.site, mode: 'onsite', language: 'fi', academicYear: '2026-2027', periods: [2], timeSlots: [],
      capacity: 20, seatsForPartners: 5, targetGroups: ['young'], feeEuros: 0, enrolmentStart: null, enrolmentEnd: null, contactName: null, contactEmail: null,
    })).id;
    await page.goto(`/offerings/${ids.offering}`);
    await page.getByRole('heading', { level: 1, name: /MAA3 Geometria/ }).waitFor();
    await page.getByText('Valtakunnallinen nimi').waitFor();
  });

  it('the counsellor accepts through single sign-on and imports the school\'s students', async () => {
    idp!.accounts.set('mpass-outi', { name: 'Outi Opo' });
    const page = await harness.newPage();
    await page.goto(`/invitations/${await linkTokenSentTo(harness.db, COUNSELLOR, 'invitations')}`);
    await page.getByRole('link', { name: 'Hyväksy kutsu: Testitunnistus' }).click();
    await page.locator('input[name="login"]').fill('mpass-outi');
    await page.locator('input[name="password"]').fill('any');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('link', { name: /Outi Opo/ }).waitFor();
    await page.goto('/students');
    await page.getByText('Koululla ei ole vielä opiskelijoita.').waitFor();
    await expectNoAxeViolations(page);
    const csv = ['Sukunimi;Etunimet;Sähköposti;Syntymäaika;Opiskelijanumero;Koulutus;Aloituspäivä;Kotikunta', `Aho;Aino;${STUDENT};14.3.2009;P-1001;Lukio;1.8.2025;Pello`].join('\r\n');
    const panel = page.getByRole('region', { name: 'Tuo opiskelijat hallinto-ohjelmasta' });
    await panel.locator('input[type="file"]').setInputFiles({ name: 'wilma.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'latin1') });
    await panel.getByRole('button', { name: 'Tuo tiedosto', exact: true }).click();
    await panel.getByText('Tuotu: 1 uutta, 0 päivitetty, 0 ennallaan.').waitFor();
    await page.getByRole('heading', { name: 'Aino Aho' }).waitFor();
  });

  it('the student signs in through single sign-on and asks for a seat', async () => {
    idp!.accounts.set('mpass-aino', { email: STUDENT, email_verified: true, name: 'Aino Aho' });
    const page = await harness.newPage({ phone: true });
    await page.goto('/login');
    await page.getByRole('link', { name: 'Kirjaudu: Testitunnistus' }).click();
    await page.locator('input[name="login"]').fill('mpass-aino');
    await page.locator('input[name="password"]').fill('any');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('link', { name: /Aino Aho/ }).waitFor();
    await page.goto(`/offerings/${ids.offering}`);
    await page.getByRole('button', { name: 'Pyydä paikkaa' }).click();
    await page.getByText('Pyyntö lähetetty.').waitFor();
    await expectNoAxeViolations(page);
    const enrolment = await harness.db.selectFrom('enrolment').innerJoin('app_user', 'app_user.id', 'enrolment.student_id').select(['enrolment.offering_id', 'enrolment.status']).where('app_user.email', '=', STUDENT).executeTakeFirstOrThrow();
    expect(enrolment.offering_id).toBe(ids.offering);
  });

  it('the new pages are accessible in Swedish too', async () => {
    const admin = await harness.newPage({ language: 'sv' });
    await signInAs(admin, ADMIN.email, ADMIN.password);
    await admin.goto('/regions');
    await admin.getByRole('heading', { level: 1, name: 'Regioner' }).waitFor();
    await expectNoAxeViolations(admin);
    await admin.goto('/students');
    await admin.getByRole('heading', { level: 1, name: 'Studerande' }).waitFor();
    await expectNoAxeViolations(admin);
    const coordinator = await harness.newPage({ language: 'sv' });
    await signInAs(coordinator, COORDINATOR.email, COORDINATOR.password);
    await coordinator.goto('/courses');
    await coordinator.getByText('423 kurser').waitFor();
    await expectNoAxeViolations(coordinator);
  });
});
