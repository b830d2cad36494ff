import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/features/demo/seed-demo.js';
import { expectNoAxeViolations, signInAs, useBrowserApp } from './browser-harness.js';

describe('organizations in a browser', () => {
  const harness = useBrowserApp();

  it('a region admin adds a school from the national register on a phone; it comes with its site', async () => {
    const page = await harness.newPage({ phone: true });
    await signInAs(page, 'admin@tarjotin.example', DEMO_PASSWORD);
    await page.goto('/organizations');
    await page.getByRole('heading', { level: 1, name: 'Organisaatiot ja opetuspaikat' }).waitFor();
    await page.getByRole('searchbox', { name: 'Hae koulua nimellä' }).fill('kolarin');
    await page.getByRole('searchbox', { name: 'Hae koulua nimellä' }).press('Enter');
    const results = page.getByRole('list', { name: 'Rekisterin koulut' });
    // Kolarin lukio is in the demo region already; Kolarin koulu is not.
    await results.locator('li', { hasText: 'Kolarin lukio' }).getByText('On jo alueella').waitFor();
    await expectNoAxeViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await results.getByRole('button', { name: 'Lisää Kolarin koulu alueelle' }).click();
    await results.locator('li', { hasText: 'Kolarin koulu' }).getByText('On jo alueella').waitFor();
    const card = page.getByRole('region', { name: /Alueen organisaatiot/ }).locator('.card-list > li', { has: page.getByRole('heading', { name: 'Kolarin koulu' }) });
    expect(await card.getByRole('list', { name: 'Organisaation Kolarin koulu opetuspaikat' }).textContent()).toContain('Kolarin koulu · Kolari');
  });

  it('tells a region admin on the regions page who makes regions, and where their own region is managed', async () => {
    const page = await harness.newPage({ phone: true, language: 'sv' });
    await signInAs(page, 'admin@tarjotin.example', DEMO_PASSWORD);
    await page.goto('/regions');
    await page.getByText('Regioner skapas och förvaltas av tjänstens huvudanvändare.', { exact: false }).waitFor();
    await page.getByRole('link', { name: 'Organisationer' }).last().click();
    await page.waitForURL(/\/organizations$/);
    await page.goto('/regions');
    await page.getByRole('link', { name: 'Kunskapsbank' }).last().waitFor();
    await expectNoAxeViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });

  it('adds a company, refusing a wrong business ID, and a site of it with typed coordinates', async () => {
    const page = await harness.newPage();
    await signInAs(page, 'admin@tarjotin.example', DEMO_PASSWORD);
    await page.goto('/organizations');
    const form = page.getByRole('region', { name: 'Lisää muu organisaatio' });
    await form.getByRole('button', { name: /Tyyppi$/ }).click();
    await page.getByRole('option', { name: 'Yritys' }).click();
    await form.getByLabel('Nimi').fill('Pellon Puu Oy');
    await form.getByLabel(/Y-tunnus/).fill('0737546-3');
    await form.getByRole('button', { name: 'Lisää organisaatio' }).click();
    await form.getByText('Y-tunnus ei ole kelvollinen').waitFor();
    await form.getByLabel(/Y-tunnus/).fill('0737546-2');
    await form.getByRole('button', { name: 'Lisää organisaatio' }).click();
    await form.getByText('Pellon Puu Oy lisättiin alueelle.').waitFor();
    const card = page.locator('.card-list > li', { has: page.getByRole('heading', { name: 'Pellon Puu Oy' }) });
    await card.getByRole('button', { name: 'Lisää opetuspaikka: Pellon Puu Oy' }).click();
    const siteForm = card.getByRole('form', { name: 'Lisää opetuspaikka: Pellon Puu Oy' });
    await expectNoAxeViolations(page);
    await siteForm.getByLabel('Kunta', { exact: true }).fill('Pello');
    await page.getByRole('option', { name: 'Pello' }).click();
    // Chosen: the select offers to clear it. (Typing on before that, under load, left the choice unmade.)
    await siteForm.getByRole('button', { name: /Tyhjennä/ }).waitFor();
    await siteForm.getByLabel(/Leveysaste/).fill('66,80');
    await siteForm.getByLabel(/Pituusaste/).fill('23,97');
    await siteForm.getByRole('button', { name: 'Tallenna opetuspaikka' }).click();
    // The list of the card's sites, or the form's refusal: a refusal fails the test with its words.
    const saved = card.getByRole('list', { name: 'Organisaation Pellon Puu Oy opetuspaikat' });
    await saved.or(siteForm.getByRole('alert')).first().waitFor();
    expect(await siteForm.getByRole('alert').allTextContents()).toEqual([]);
    await saved.waitFor();
    const site = await harness.db.selectFrom('site').select(['lat', 'lon', 'location_approximate']).where('name', '=', 'Pellon Puu Oy').executeTakeFirstOrThrow();
    expect(site).toEqual({ lat: 66.8, lon: 23.97, location_approximate: false });
  });
});
