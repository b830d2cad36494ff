import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/features/demo/seed-demo.js';
import { expectNoAxeViolations, signIn, signInAs, useBrowserApp } from './browser-harness.js';

/** One round from the student's wishes to the published result, a step per test on the same pages. */
describe('a selection round in a browser', () => {
  const harness = useBrowserApp();
  let student: Page;
  let admin: Page;
  let roundUrl: string;
  let wishes: { first: string; second: string };

  it('a student opens the round and ranks two wishes', async () => {
    student = await harness.newPage();
    await signIn(student, 'opiskelija.pello@tarjotin.example', DEMO_PASSWORD);
    await student.waitForURL((url) => !url.pathname.startsWith('/login'));
    await student.getByRole('link', { name: 'Valintakierrokset' }).click();
    await student.getByRole('link', { name: /Jakson 3 ristiinopiskelun valintakierros/ }).click();
    await student.getByRole('heading', { name: 'Omat toiveesi' }).waitFor();
    await student.getByText('Et ole vielä lisännyt toiveita.').waitFor();
    roundUrl = student.url();
    await expectNoAxeViolations(student);

    const add = student.getByRole('button', { name: /^Lisää toiveisiin:/ });
    const first = (await add.nth(0).getAttribute('aria-label'))!.replace('Lisää toiveisiin: ', '');
    await add.nth(0).click();
    const second = (await add.nth(0).getAttribute('aria-label'))!.replace('Lisää toiveisiin: ', '');
    await add.nth(0).click();
    // Reordering with the buttons: the second wish becomes the first.
    await student.getByRole('button', { name: `Siirrä ylemmäs: ${second}` }).click();
    await student.getByText(`${second} on nyt toive 1.`).waitFor();
    await student.getByRole('button', { name: 'Tallenna toiveet' }).click();
    await student.getByText('Toiveet tallennettu.').waitFor();
    expect(await student.locator('.wish-list li').allTextContents()).toEqual([expect.stringContaining(second), expect.stringContaining(first)]);
    wishes = { first, second };
  });

  it('the organizer closes the round and allocates the seats', async () => {
    expect(wishes).toBeDefined();
    admin = await harness.newPage();
    await signInAs(admin, 'admin@tarjotin.example', DEMO_PASSWORD);
    await admin.goto(roundUrl);
    await admin.getByText('41 opiskelijaa on jättänyt toiveita.').waitFor();
    await admin.getByRole('button', { name: 'Sulje kierros nyt' }).click();
    await admin.getByRole('button', { name: 'Vahvista: sulje kierros nyt' }).click();
    await admin.getByRole('button', { name: 'Jaa paikat', exact: true }).click();
    await admin.getByText(/Toteutui \d+ \/ \d+ toivetta; \d+ \/ 41 opiskelijaa sai ainakin yhden toiveistaan\./).waitFor({ timeout: 20_000 });
    await admin.getByRole('heading', { name: 'Tulokset' }).waitFor();
    await expectNoAxeViolations(admin);
  });

  it('the organizer publishes, and the student sees each wish met or the reason it was not', async () => {
    expect(admin).toBeDefined();
    await admin.getByRole('button', { name: 'Julkaise tulokset' }).click();
    await admin.getByRole('button', { name: /Vahvista: julkaise tulokset/ }).click();
    await admin.locator('.phase', { hasText: 'Julkaistu' }).waitFor();

    await student.reload();
    await student.getByRole('heading', { name: 'Tulokset' }).waitFor();
    const outcomes = await student.locator('.data-table').first().locator('tbody tr').allTextContents();
    expect(outcomes).toHaveLength(2);
    for (const row of outcomes) expect(row).toMatch(/Sai paikan|Päällekkäin|täynnä|enimmäismäärä|matka|opiskeluoikeuteen/);
    await expectNoAxeViolations(student);
  });
});
