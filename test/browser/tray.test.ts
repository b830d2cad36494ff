import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/features/demo/seed-demo.js';
import { expectNoAxeViolations, signIn, signInAs, useBrowserApp } from './browser-harness.js';

const COORDINATOR = 'koordinaattori.lappia@tarjotin.example';

describe('the course tray in a browser', () => {
  const harness = useBrowserApp();

  it('searches by keyboard alone, accent-insensitively', async () => {
    const page = await harness.newPage();
    await page.goto('/');
    await page.locator('.results-count').filter({ hasText: 'toteutusta' }).waitFor();
    // Skip link, then through the header to the search field, by Tab only.
    let focusedLabel = '';
    for (let i = 0; i < 15 && !focusedLabel.includes('Hae kurssia'); i++) {
      await page.keyboard.press('Tab');
      focusedLabel = await page.evaluate(() => {
        const el = document.activeElement as HTMLInputElement | null;
        return el?.labels?.[0]?.textContent ?? el?.getAttribute('aria-label') ?? '';
      });
    }
    expect(focusedLabel).toContain('Hae kurssia');
    await page.keyboard.type('aidinkieli');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=aidinkieli/);
    const titles = () => page.locator('.offering-card__title').allTextContents();
    // Modules of the mother tongue and literature syllabi (ÄI, SÄI): named nationally without the subject, found by it.
    await expect.poll(async () => (await titles()).length > 0 && (await titles()).every((t) => /^S?ÄI\d/.test(t.trim())), { timeout: 20_000 }).toBe(true);
    await expectNoAxeViolations(page);
  });

  it('shows what is reachable from Pello within an hour, on a list and on the map', async () => {
    const page = await harness.newPage();
    await page.goto('/?home=854&maxMinutes=60');
    await page.locator('.results-count').filter({ hasText: 'toteutusta' }).waitFor();
    await page.locator('.sites-map__canvas[data-loaded="true"]').waitFor({ timeout: 20_000 });
    const facts = await page.locator('.offering-card').first().textContent();
    expect(facts).toMatch(/min \(arvio\)|Ei matkaa/);
    await page.getByText(/Opetuspaikat luettelona/).click();
    const siteRows = await page.locator('.sites-map tbody tr').allTextContents();
    expect(siteRows.some((row) => row.includes('Pellon lukio'))).toBe(true);
    expect(siteRows.some((row) => row.includes('Ylitornion yhteiskoulun lukio'))).toBe(true);
    expect(siteRows.some((row) => row.includes('Lyseonpuiston lukio'))).toBe(false);
    await expectNoAxeViolations(page);
  });

  it('leads from a page past the last one back to the last page of results', async () => {
    const page = await harness.newPage();
    await page.goto('/?home=854&maxMinutes=60&page=999');
    await page.getByText(/tulokset loppuvat sivulle/).waitFor();
    await page.getByRole('button', { name: 'Siirry viimeiselle sivulle' }).click();
    await page.waitForURL(/page=\d+/);
    await expect.poll(() => page.locator('.offering-card').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(Number(new URL(page.url()).searchParams.get('page'))).toBeLessThan(999);
    await expectNoAxeViolations(page);
  });

  it('opens an offering page with provider, schedule, seats and travel time', async () => {
    const page = await harness.newPage();
    await page.goto('/?home=854&maxMinutes=60&mode=onsite');
    await page.locator('.offering-card a').first().click();
    await page.waitForURL(/\/offerings\/\d+/);
    await page.locator('.details').waitFor();
    const text = await page.locator('main').textContent();
    expect(text).toContain('Lukujärjestys');
    expect(text).toContain('Paikkoja muiden oppilaitosten opiskelijoille');
    expect(text).toMatch(/noin \d+ min \(arvio\)/);
    await expectNoAxeViolations(page);
  });

  it('answers "what can I study living in Pello" grouped by form and field, on a phone', async () => {
    const page = await harness.newPage({ phone: true });
    await page.goto('/living-in?home=854&maxMinutes=60');
    await page.getByRole('heading', { name: /Lukiokoulutus/ }).waitFor();
    await page.getByRole('heading', { name: /Ammatillinen koulutus/ }).waitFor();
    expect(await page.locator('main').textContent()).toMatch(/toteutusta, joihin pääset kunnasta Pello enintään 60 minuutissa/);
    const field = page.locator('.living-field').first();
    const [count] = /\((\d+)\)/.exec((await field.locator('summary').textContent())!)!.slice(1);
    await field.locator('summary').click();
    await field.locator('li a').first().waitFor();
    expect(await field.locator('li').count()).toBe(Math.min(Number(count), 25));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectNoAxeViolations(page);
  });

  it('switches the language to Swedish and English', async () => {
    const page = await harness.newPage();
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Alueen kurssitarjotin' }).waitFor();
    await page.getByRole('button', { name: /Suomeksi/ }).click();
    await page.getByRole('menuitem', { name: /svenska/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Regionens kursbricka' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: /svenska/ }).click();
    await page.getByRole('menuitem', { name: /English/ }).click();
    await page.getByRole('heading', { level: 1, name: "The region's course tray" }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: "The region's course tray" }).waitFor();
  });

  it('lets a coordinator edit an offering, showing field errors before saving', async () => {
    const page = await harness.newPage();
    await signIn(page, COORDINATOR, DEMO_PASSWORD);
    await page.waitForURL(/\/manage$/);
    await page.locator('.data-table tbody tr').first().waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: /^Muokkaa toteutusta/ }).first().click();
    await page.waitForURL(/\/edit$/);
    const capacity = page.getByLabel('Paikkoja yhteensä');
    await capacity.waitFor();
    await expect.poll(() => page.locator('#offering-courseCode').inputValue(), { timeout: 20_000 }).not.toBe('');
    await capacity.fill('3');
    await page.getByLabel('Paikkoja muiden oppilaitosten opiskelijoille').fill('5');
    await page.getByRole('button', { name: 'Tallenna' }).click();
    await page.getByText('Enemmän kuin paikkoja yhteensä').first().waitFor();
    await expectNoAxeViolations(page);
    await capacity.fill('30');
    await page.getByRole('button', { name: 'Tallenna' }).click();
    await page.waitForURL(/\/offerings\/\d+$/);
    const details = await page.locator('.details').textContent();
    expect(details).toContain('Paikkoja yhteensä30');
  });

  it('rejects an import with a bad row, naming the row, and imports nothing', async () => {
    const page = await harness.newPage();
    await signInAs(page, COORDINATOR, DEMO_PASSWORD);
    await page.goto('/manage');
    const caption = page.locator('.data-table caption').first();
    await caption.waitFor();
    const before = await caption.textContent();
    const file = join(tmpdir(), `offerings-${Date.now()}.csv`);
    writeFileSync(
      file,
      [
        'course_code,site,mode,language,academic_year,periods,capacity,seats_for_partners,target_groups',
        '106109,"Lappia, Tornion kampus",onsite,fi,2026-2027,2,16,4,young',
        '106101,"Lappia, Tornion kampus",onsite,fi,2026-2027,2,10,12,young',
      ].join('\n'),
    );
    await page.getByLabel('Tiedosto', { exact: true }).setInputFiles(file);
    await page.getByRole('button', { name: 'Tuo tiedosto' }).click();
    await page.getByText(/Rivi 3, sarake seats_for_partners/).waitFor();
    expect(await caption.textContent()).toBe(before);
    await expectNoAxeViolations(page);
  });

  it('passes axe on the remaining pages', async () => {
    const page = await harness.newPage();
    for (const [path, heading] of [
      ['/about', 'Tietoa palvelusta'],
      ['/login', 'Kirjaudu sisään'],
      ['/no-such-page', 'Sivua ei löydy'],
    ]) {
      await page.goto(path!);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await expectNoAxeViolations(page);
    }
  });

  it('passes axe on the new-offering form', async () => {
    const page = await harness.newPage();
    await signInAs(page, COORDINATOR, DEMO_PASSWORD);
    await page.goto('/manage');
    await page.getByRole('link', { name: 'Uusi toteutus' }).click();
    await page.getByRole('heading', { level: 1, name: 'Uusi toteutus' }).waitFor();
    await expectNoAxeViolations(page);
  });

  it('shows a person their account, their data to download, and signs them out of every device', async () => {
    const phone = await harness.newPage();
    const schoolComputer = await harness.newPage();
    await signInAs(phone, 'opiskelija2.pello@tarjotin.example', DEMO_PASSWORD);
    await signInAs(schoolComputer, 'opiskelija2.pello@tarjotin.example', DEMO_PASSWORD);
    await phone.goto('/');
    await phone.getByRole('link', { name: /^Oma tili:/ }).click();
    await phone.getByRole('heading', { level: 1, name: 'Oma tili' }).waitFor();
    const data = await phone.request.get(new URL((await phone.getByRole('link', { name: 'Lataa omat tietoni (JSON)' }).getAttribute('href'))!, phone.url()).href);
    expect((await data.json()).person.email).toBe('opiskelija2.pello@tarjotin.example');
    await expectNoAxeViolations(phone);
    await phone.getByRole('button', { name: 'Kirjaudu ulos kaikilta laitteilta' }).click();
    await phone.getByRole('button', { name: 'Vahvista: kirjaudu ulos kaikilta laitteilta' }).click();
    await phone.getByRole('link', { name: 'Kirjaudu sisään' }).waitFor();
    await schoolComputer.goto('/account');
    await schoolComputer.waitForURL(/\/login\?returnTo=%2Faccount$/);
  });
});

