import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/features/demo/seed-demo.js';
import { expectNoAxeViolations, signIn, useBrowserApp } from './browser-harness.js';

describe('a selection round in a browser', () => {
  const harness = useBrowserApp();

  it('a student ranks wishes; the organizer closes, allocates and publishes; the student sees the result with reasons', async () => {
    const student = await harness.newPage();
    await signIn(student, 'opiskelija.pello@tarjotin.example', DEMO_PASSWORD);
    await student.waitForURL((url) => !url.pathname.startsWith('/login'));
    await student.getByRole('link', { name: 'Valintakierrokset' }).click();
    await student.getByRole('link', { name: /Jakson 3 ristiinopiskelun valintakierros/ }).click();
    await student.getByRole('heading', { name: 'Omat toiveesi' }).waitFor();
    await student.getByText('Et ole vielä lisännyt toiveita.').waitFor();
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
    await expectNoAxeViolations(student);

    const admin = await harness.newPage();
    await signIn(admin, 'admin@tarjotin.example', DEMO_PASSWORD);
    await admin.waitForURL((url) => !url.pathname.startsWith('/login'));
    await admin.goto(student.url());
    await admin.getByText('41 opiskelijaa on jättänyt toiveita.').waitFor();
    await admin.getByRole('button', { name: 'Sulje kierros nyt' }).click();
    await admin.getByRole('button', { name: 'Vahvista: sulje kierros nyt' }).click();
    await admin.getByRole('button', { name: 'Jaa paikat', exact: true }).click();
    await admin.getByText(/Toteutui \d+ \/ \d+ toivetta, 41 opiskelijaa\./).waitFor({ timeout: 30_000 });
    await admin.getByRole('heading', { name: 'Tulokset' }).waitFor();
    await expectNoAxeViolations(admin);
    await admin.getByRole('button', { name: 'Julkaise tulokset' }).click();
    await admin.getByRole('button', { name: /Vahvista: julkaise tulokset/ }).click();
    await admin.locator('.phase', { hasText: 'Julkaistu' }).waitFor();

    await student.reload();
    await student.getByRole('heading', { name: 'Tulokset' }).waitFor();
    const outcomes = await student.locator('.data-table').first().locator('tbody tr').allTextContents();
    expect(outcomes).toHaveLength(2);
    // Every wish shows either the seat or the reason it was not met.
    for (const row of outcomes) expect(row).toMatch(/Sai paikan|Päällekkäin|täynnä|enimmäismäärä|matka|opiskeluoikeuteen/);
    await expectNoAxeViolations(student);
  });
});
