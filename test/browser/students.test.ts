import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/features/demo/seed-demo.js';
import { expectNoAxeViolations, signInAs, useBrowserApp } from './browser-harness.js';

const CSV = [
  'Sukunimi;Etunimet;Sähköposti;Syntymäaika;Opiskelijanumero;Koulutus;Aloituspäivä;Kotikunta',
  'Aho;Aino;aino.aho@pello.example;14.3.2009;P-1001;Lukio;1.8.2025;Pello',
  'Björk;Elias;elias.bjork@pello.example;2.11.2008;P-1002;Lukio + Logistiikan perustutkinto;1.8.2024;Ylitornio',
].join('\r\n');

describe('a school\'s students in a browser', () => {
  const harness = useBrowserApp();

  it('a counsellor on a phone imports the school\'s export and corrects a student', async () => {
    const page = await harness.newPage({ phone: true });
    await signInAs(page, 'opo.pello@tarjotin.example', DEMO_PASSWORD);
    await page.goto('/students');
    await page.getByRole('heading', { level: 1, name: 'Opiskelijat' }).waitFor();
    const panel = page.getByRole('region', { name: 'Tuo opiskelijat hallinto-ohjelmasta' });
    await panel.locator('input[type="file"]').setInputFiles({ name: 'wilma.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'latin1') });
    await panel.getByRole('button', { name: 'Tuo tiedosto', exact: true }).click();
    await panel.getByText('Tuotu: 2 uutta, 0 päivitetty, 0 ennallaan.').waitFor();
    const list = page.getByRole('region', { name: 'Koulun opiskelijat' });
    const elias = list.locator('.card-list > li', { hasText: 'Elias Björk' });
    expect(await elias.textContent()).toContain('Logistiikan perustutkinto');
    await expectNoAxeViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    await elias.getByRole('button', { name: 'Korjaa opiskelijan Elias Björk tiedot' }).click();
    const form = elias.getByRole('form', { name: 'Korjaa opiskelijan Elias Björk tiedot' });
    await form.getByLabel('Nimi').fill('Elias Björkman');
    await form.getByRole('button', { name: 'Tallenna' }).click();
    await list.getByRole('heading', { name: 'Elias Björkman' }).waitFor();
    expect((await harness.db.selectFrom('app_user').select('name').where('email', '=', 'elias.bjork@pello.example').executeTakeFirstOrThrow()).name).toBe('Elias Björkman');
  });

  it('in Swedish, names each bad row and imports nothing', async () => {
    const page = await harness.newPage({ language: 'sv' });
    await signInAs(page, 'opo.pello@tarjotin.example', DEMO_PASSWORD);
    await page.goto('/students');
    const panel = page.getByRole('region', { name: 'Importera studerande ur det administrativa programmet' });
    const bad = [CSV.split('\r\n')[0], 'Uusi;Olli;ei-osoite;1.1.2009;P-3001;Lukio;;Pello'].join('\r\n');
    await panel.locator('input[type="file"]').setInputFiles({ name: 'primus.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await panel.getByRole('button', { name: 'Importera filen', exact: true }).click();
    await panel.getByRole('alert').getByText('Filen har fel (1); inga studerande importerades.', { exact: false }).waitFor();
    await panel.getByRole('alert').getByText('Rad 2, kolumn E-post: Ange e-postadressen i formen namn@skola.fi').waitFor();
    await expectNoAxeViolations(page);
    expect(await harness.db.selectFrom('app_user').select('id').where('student_number', '=', 'P-3001').execute()).toEqual([]);
  });
});
