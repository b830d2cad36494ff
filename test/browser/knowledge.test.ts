import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, useBrowserApp } from './browser-harness.js';

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
    expect(await csv.text()).toContain('854,Pello,2018,');
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
});
