import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/features/demo/seed-demo.js';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, signIn, signInAs, useBrowserApp } from './browser-harness.js';

describe('cross-enrolment in a browser', () => {
  const harness = useBrowserApp();

  // One request from the plan to the credit in the record, a step per test on the same pages.
  let page: Page;
  let offeringUrl: string;
  let requestUrl: string;

  it('a Pello lukio student plans a logistics unit at Lappia Tornio and sees the trip and the clash', async () => {
    page = await harness.newPage();
    await signIn(page, 'opiskelija.pello@tarjotin.example', DEMO_PASSWORD);
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto('/?q=105751');
    await page.locator('.offering-card', { hasText: 'Tornion kampus' }).locator('a').first().click();
    offeringUrl = page.url();
    await page.getByRole('button', { name: 'Lisää opintosuunnitelmaan' }).click();
    await page.getByRole('link', { name: 'Avaa suunnitelma' }).click();
    // The plan shows the trip from Pello and the clash with her other course on the same days of period 3.
    const planned = page.locator('.data-table tbody tr', { hasText: '105751' });
    await planned.waitFor();
    expect(await planned.textContent()).toMatch(/noin \d+ min/);
    await page.locator('.clash-list li', { hasText: '105751' }).first().waitFor();
    await expectNoAxeViolations(page);
  });

  it('she requests a seat, and her counsellor approves it', async () => {
    expect(offeringUrl).toBeDefined();
    await page.goto(offeringUrl);
    await page.getByRole('button', { name: 'Pyydä paikkaa' }).click();
    await page.getByText('Pyyntö lähetetty.').waitFor();
    await page.getByRole('link', { name: 'Avaa pyyntö' }).click();
    await page.locator('.status-now').filter({ hasText: 'Pyydetty' }).waitFor();
    requestUrl = page.url();

    const counsellor = await harness.newPage();
    await signInAs(counsellor, 'opo.pello@tarjotin.example', DEMO_PASSWORD);
    await counsellor.goto('/enrolments');
    await counsellor.locator('.data-table tbody tr').first().waitFor();
    await counsellor.getByRole('heading', { name: /Ilmoitukset \(\d+ uu/ }).waitFor();
    await expectNoAxeViolations(counsellor);
    await counsellor.goto(requestUrl);
    await counsellor.getByRole('button', { name: 'Hyväksy' }).click();
    await counsellor.locator('.status-now').filter({ hasText: 'Opinto-ohjaaja hyväksynyt' }).waitFor();
  });

  it('the host accepts, enrols and completes her, with a grade', async () => {
    expect(requestUrl).toBeDefined();
    const host = await harness.newPage();
    await signInAs(host, 'koordinaattori.lappia@tarjotin.example', DEMO_PASSWORD);
    await host.goto(requestUrl);
    await host.getByRole('button', { name: 'Ota vastaan' }).click();
    await host.locator('.status-now').filter({ hasText: 'Järjestäjä hyväksynyt' }).waitFor();
    await host.getByRole('button', { name: 'Merkitse opiskelemaan' }).click();
    await host.locator('.status-now').filter({ hasText: 'Opiskelee' }).waitFor();
    await host.getByLabel('Arvosana').fill('4');
    await host.getByLabel(/Laajuus/).fill('30');
    await host.getByRole('button', { name: 'Merkitse suoritetuksi' }).click();
    await host.locator('.status-now').filter({ hasText: 'Suoritettu' }).waitFor();
    await expectNoAxeViolations(host);
  });

  it('she sees every step, and the credit in her record and its CSV', async () => {
    expect(requestUrl).toBeDefined();
    await page.reload();
    await page.locator('.status-now').filter({ hasText: 'Suoritettu' }).waitFor();
    const history = await page.locator('.data-table tbody tr').allTextContents();
    expect(history).toHaveLength(5);
    expect(await page.locator('.details').textContent()).toContain('arvosana 4');

    await page.getByRole('link', { name: 'Opintosuunnitelma' }).click();
    const record = page.locator('section[aria-labelledby="record-heading"] tbody tr', { hasText: '105751' });
    await record.waitFor();
    expect(await record.textContent()).toMatch(/30 osp.*4/);
    const csvLink = page.getByRole('link', { name: /Lataa suoritukset CSV-tiedostona/ });
    const csv = await (await page.request.get(new URL((await csvLink.getAttribute('href'))!, page.url()).href)).text();
    expect(csv).toMatch(/105751;[^\n]*;30;osp;4;\d{4}-\d{2}-\d{2};Lappia/);
    await expectNoAxeViolations(page);
  });

  it('shows the student\'s dual-degree plan, and the counsellor comments on it', async () => {
    const page = await harness.newPage({ phone: true });
    // Signed out, the plan sends her to sign in, and signing in brings her back to it.
    await page.goto('/plan');
    await page.waitForURL(/\/login\?returnTo=%2Fplan$/);
    await page.getByLabel(/sähköposti/i).fill('opiskelija.pello@tarjotin.example');
    await page.getByLabel(/salasana/i).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Kirjaudu', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /Opintosuunnitelma: Oona/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/plan');
    const progress = await page.locator('.progress-list').textContent();
    expect(progress).toContain('Logistiikan perustutkinto');
    expect(progress).toMatch(/Logistiikan perustutkinto: suoritettu \d+ osp, suunniteltu \d+ osp \/ 180 osp/);
    // The plan's own table: the page also shows the record of completed studies, which loads on its own.
    const planTable = page.locator('section[aria-labelledby="courses-heading"] .data-table');
    const rows = planTable.locator('tbody tr');
    const before = await rows.count();
    expect(before).toBeGreaterThan(4);
    await expectNoAxeViolations(page);

    await page.goto('/?q=biologia');
    // A biology module, by its national name ("BI1 Elämä ja evoluutio"): the subject is in the search text, not the name.
    const title = (await page.locator('.offering-card__title').first().textContent())!.trim();
    expect(title).toMatch(/^BI\d/);
    await page.locator('.offering-card a').first().click();
    await page.getByRole('button', { name: 'Lisää opintosuunnitelmaan' }).click();
    await page.getByRole('link', { name: 'Avaa suunnitelma' }).click();
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(before + 1);
    const added = planTable.locator('tbody tr', { hasText: title }).first();
    await added.getByRole('button', { name: /^Poista/ }).click();
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(before);

    const counsellor = await harness.newPage();
    await signInAs(counsellor, 'opo.pello@tarjotin.example', DEMO_PASSWORD);
    await counsellor.goto('/enrolments');
    await counsellor.getByRole('link', { name: 'Opintosuunnitelma: Oona Opiskelija (demo)' }).first().click();
    await counsellor.getByLabel('Uusi kommentti').fill('Muista ilmoittautua jakson 3 kursseille.');
    await counsellor.getByRole('button', { name: 'Lähetä' }).click();
    await counsellor.getByText('Muista ilmoittautua jakson 3 kursseille.').waitFor();
    await expectNoAxeViolations(counsellor);
  });

  it('the plan, requests, rounds and about pages fit a phone: their wide tables scroll in their own boxes', async () => {
    const page = await harness.newPage({ phone: true });
    await signInAs(page, 'opo.pello@tarjotin.example', DEMO_PASSWORD);
    const student = await harness.db.selectFrom('app_user').select('id').where('email', '=', 'opiskelija.pello@tarjotin.example').executeTakeFirstOrThrow();
    for (const path of [`/students/${student.id}/plan`, '/enrolments', '/rounds', '/about']) {
      await page.goto(path);
      await page.locator('.data-table').first().waitFor();
      // On failure, name the elements that stick out.
      const wide = await page.evaluate(() => [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > 392).slice(0, 8).map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`));
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path} ${wide.join(' | ')}`).toBeLessThanOrEqual(390);
    }
    await expectNoAxeViolations(page);
  });
});
