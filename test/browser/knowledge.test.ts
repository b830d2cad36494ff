import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/features/demo/seed-demo.js';
import { PELLO, pxwebCsv11re } from '../statistics-files.js';
import { expectNoAxeViolations, signInAs, useBrowserApp } from './browser-harness.js';

describe('the regional knowledge base in a browser', () => {
  const harness = useBrowserApp();

  it('shows the Lappi dashboard: shares, a choropleth map with sites, the projection chart and a sortable, exportable table', async () => {
    const page = await harness.newPage();
    await page.goto('/knowledge');
    await page.getByRole('heading', { level: 1, name: 'Tietopankki: Lappi' }).waitFor();
    await page.locator('.sites-map__canvas[data-loaded="true"]').waitFor({ timeout: 30_000 });
    await page.locator('.projection-chart .recharts-line').first().waitFor();
    const table = page.locator('section[aria-labelledby="indicator-table-heading"] table');
    expect(await table.locator('tbody tr').count()).toBe(21);
    await expectNoAxeViolations(page);

    // Sorted by the travel time to the nearest lukio, longest first.
    const lukio = table.getByRole('columnheader', { name: /Lähin lukio/ });
    await lukio.getByRole('button').click();
    await lukio.getByRole('button').click();
    expect(await lukio.getAttribute('aria-sort')).toBe('descending');
    const minutes = (await table.locator('tbody tr td:nth-of-type(4)').allTextContents()).map((text) => Number(text.replace(/[^\d]/g, '')));
    expect(minutes).toEqual([...minutes].sort((a, b) => b - a));

    await page.getByRole('button', { name: 'Näytä Pello kuvaajassa' }).click();
    await page.locator('.projection-chart .recharts-legend-item', { hasText: 'Pello' }).waitFor();
    const csv = await page.request.get(new URL((await page.getByRole('link', { name: 'Lataa CSV' }).getAttribute('href'))!, page.url()).href);
    expect(await csv.text()).toContain('854;Pello;2018;');
    expect(await page.getByRole('heading', { name: 'Päivitä väestötiedot' }).count()).toBe(0);
  });

  it('shows a municipality: access by kind of education, cohorts by age with the projection', async () => {
    const page = await harness.newPage();
    await page.goto('/knowledge');
    await page.getByRole('link', { name: 'Pello', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Pello' }).waitFor();
    const access = page.locator('section[aria-labelledby="access-heading"] tbody tr');
    expect(await access.count()).toBe(3);
    expect(await access.first().textContent()).toMatch(/Lukio\s*noin \d+ min/);
    const cohorts = page.locator('section[aria-labelledby="cohorts-heading"] tbody tr');
    expect(await cohorts.first().textContent()).toContain('2018 (aineisto)');
    expect(await cohorts.last().textContent()).toContain('2035');
    await page.locator('.projection-chart .recharts-line').first().waitFor();
    await expectNoAxeViolations(page);
  });

  it('lets a planner update the population from a PxWeb download on a phone, and explains a file it cannot use', async () => {
    const phone = await harness.newPage({ phone: true });
    await signInAs(phone, 'suunnittelija.pello@tarjotin.example', DEMO_PASSWORD);
    await phone.goto('/knowledge');
    await phone.getByRole('heading', { name: 'Päivitä väestötiedot' }).waitFor();
    const file = phone.locator('#population-file');
    await file.setInputFiles({ name: '001_11re_2024.csv', mimeType: 'text/csv', buffer: pxwebCsv11re({ separator: ';', areas: [PELLO], years: [2024] }) });
    await phone.getByRole('button', { name: 'Tuo tiedosto' }).click();
    await phone.getByText('Tuotiin 22 väestölukua.').waitFor();
    await phone.getByText(/Yli 19-vuotiaat tallennettiin yhtenä ikäryhmänä/).waitFor();
    await expectNoAxeViolations(phone);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    await file.setInputFiles({ name: 'koko-maa.csv', mimeType: 'text/csv', buffer: pxwebCsv11re({ separator: ';', areas: [], years: [2024] }) });
    await phone.getByRole('button', { name: 'Tuo tiedosto' }).click();
    const alert = phone.getByRole('alert').filter({ hasText: 'Tiedostoa ei voi lukea väestötietoina.' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('only for the whole country or regions');
  });

  it('lets the region\'s admin set the travel estimate and daily travel limit on a phone in Swedish; the shares follow, a bad value is named', async () => {
    const phone = await harness.newPage({ phone: true, language: 'sv' });
    await signInAs(phone, 'admin@tarjotin.example', DEMO_PASSWORD);
    await phone.goto('/knowledge');
    const shares = phone.locator('section[aria-labelledby="shares-heading"]');
    await shares.getByRole('columnheader', { name: 'högst 60 min (regionens gräns)' }).waitFor();
    const panel = phone.getByRole('region', { name: 'Inställningar för restider' });
    await panel.getByLabel(/Medelhastighet/).fill('snabb');
    await panel.getByRole('button', { name: 'Spara inställningarna' }).click();
    await panel.getByRole('alert').waitFor();
    // The refused field says what it takes.
    expect(await panel.getByText('10–130').count()).toBeGreaterThan(1);
    await expectNoAxeViolations(phone);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    await panel.getByLabel(/Medelhastighet/).fill('80');
    await panel.getByLabel(/Daglig restidsgräns/).fill('90');
    await panel.getByRole('button', { name: 'Spara inställningarna' }).click();
    await panel.getByText('Inställningarna sparades; kunskapsbasen räknades om.').waitFor();
    await shares.getByRole('columnheader', { name: 'högst 90 min (regionens gräns)' }).waitFor();
    // On a phone the table scrolls sideways; the region's limit is said above it too.
    await shares.getByText(/^Inom regionens dagliga restidsgräns \(90 min\) från närmaste gymnasium bor \d+ %/).waitFor();
    const region = await harness.db.selectFrom('region').select('daily_travel_limit_minutes').where('code', '=', 'lappi').executeTakeFirstOrThrow();
    expect(region.daily_travel_limit_minutes).toBe(90);
    // Nobody else sees the settings.
    const planner = await harness.newPage();
    await signInAs(planner, 'suunnittelija.pello@tarjotin.example', DEMO_PASSWORD);
    await planner.goto('/knowledge');
    await planner.getByRole('heading', { name: 'Päivitä väestötiedot' }).waitFor();
    expect(await planner.getByRole('heading', { name: 'Matka-aikojen asetukset' }).count()).toBe(0);
  });
});
