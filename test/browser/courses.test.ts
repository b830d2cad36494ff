import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/features/demo/seed-demo.js';
import { expectNoAxeViolations, signInAs, useBrowserApp } from './browser-harness.js';

describe('the course catalogue in a browser', () => {
  const harness = useBrowserApp();

  it('a coordinator on a phone sees where each name came from and imports the national lukio modules', async () => {
    const page = await harness.newPage({ phone: true });
    await signInAs(page, 'koordinaattori.lappia@tarjotin.example', DEMO_PASSWORD);
    await page.goto('/courses');
    await page.getByRole('heading', { level: 1, name: 'Kurssit' }).waitFor();
    const list = page.getByRole('region', { name: 'Alueen kurssit' });
    // The list opens at the smallest codes: the demo's qualification units (106101 …) come first.
    await list.locator('tr', { hasText: '106101' }).getByText('Sähköasennukset').waitFor();
    await list.getByRole('searchbox', { name: 'Hae koodilla tai nimellä' }).fill('MAA3');
    await list.getByRole('searchbox', { name: 'Hae koodilla tai nimellä' }).press('Enter');
    const maa3 = list.locator('tr', { hasText: 'MAA3' });
    expect(await maa3.textContent()).toContain('Geometria');
    expect(await maa3.textContent()).toContain('Valtakunnallinen nimi');
    await expectNoAxeViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    const panel = page.getByRole('region', { name: 'Lukion moduulit valtakunnallisesta koodistosta' });
    await panel.getByRole('button', { name: 'Tuo koodiston moduulit' }).click();
    await panel.getByText('Tuodaanko kaikki 423 moduulia').waitFor();
    await expectNoAxeViolations(page);
    await panel.getByRole('group').getByRole('button', { name: 'Tuo koodiston moduulit' }).click();
    await panel.getByText('Tuotu: 386 uutta, 0 päivitetty, 37 ennallaan.').waitFor();
    const total = await harness.db.selectFrom('course').innerJoin('region', 'region.id', 'course.region_id').select((eb) => eb.fn.countAll<string>().as('n')).where('region.code', '=', 'lappi').executeTakeFirstOrThrow();
    await list.getByRole('searchbox', { name: 'Hae koodilla tai nimellä' }).fill('');
    await list.getByRole('searchbox', { name: 'Hae koodilla tai nimellä' }).press('Enter');
    await list.getByText(`${total.n} kurssia`).waitFor();

    await list.getByRole('searchbox', { name: 'Hae koodilla tai nimellä' }).fill('integraali');
    await list.getByRole('searchbox', { name: 'Hae koodilla tai nimellä' }).press('Enter');
    await list.locator('tr', { hasText: 'MAA7' }).getByText('Integraalilaskenta').waitFor();

    // An offering's page says where its course's name came from, and still fits the phone.
    const offering = await harness.db.selectFrom('offering').select('id').where('course_code', '=', 'MAA3').executeTakeFirstOrThrow();
    await page.goto(`/offerings/${offering.id}`);
    await page.getByText('Valtakunnallinen nimi').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });

  it('in Swedish, adds a local course after a refused scope, and corrects a module\'s scope', async () => {
    const page = await harness.newPage({ language: 'sv' });
    await signInAs(page, 'admin@tarjotin.example', DEMO_PASSWORD);
    await page.goto('/courses');
    const form = page.getByRole('region', { name: 'Lägg till en lokal kurs' });
    await form.getByLabel('Kod', { exact: true }).fill('KIV-107');
    await form.getByLabel('Namn på finska').fill('Kalastus ja eräretket');
    await form.getByLabel(/Omfattning/).fill('0');
    await form.getByRole('button', { name: 'Lägg till kurs' }).click();
    await form.getByText('Värdet är för litet eller saknas').waitFor();
    await form.getByLabel(/Omfattning/).fill('1,5');
    await form.getByRole('button', { name: 'Lägg till kurs' }).click();
    await form.getByText('Kursen KIV-107 lades till.').waitFor();
    await expectNoAxeViolations(page);
    const course = await harness.db.selectFrom('course').select(['credits', 'credit_unit', 'name_source', 'name_sv']).where('code', '=', 'KIV-107').executeTakeFirstOrThrow();
    expect(course).toEqual({ credits: 1.5, credit_unit: 'op', name_source: 'local', name_sv: 'Kalastus ja eräretket' });

    const list = page.getByRole('region', { name: 'Regionens kurser' });
    await list.getByRole('searchbox', { name: 'Sök med kod eller namn' }).fill('KIV-107');
    await list.getByRole('searchbox', { name: 'Sök med kod eller namn' }).press('Enter');
    const row = list.locator('tr', { hasText: 'KIV-107' });
    expect(await row.textContent()).toContain('Lokal kurs');
    await row.getByRole('button', { name: 'Ändra omfattningen för kursen KIV-107' }).click();
    await row.getByLabel(/Omfattning/).fill('2');
    await row.getByRole('button', { name: 'Spara omfattning' }).click();
    // Swedish names the lukio's opintopiste studiepoäng.
    await row.getByText('2 sp').waitFor();
    expect((await harness.db.selectFrom('course').select('credits').where('code', '=', 'KIV-107').executeTakeFirstOrThrow()).credits).toBe(2);
  });

  it('a coordinator on a phone imports qualification units from a list: a bad row is named, then the units join the catalogue', async () => {
    const page = await harness.newPage({ phone: true });
    await signInAs(page, 'koordinaattori.redu@tarjotin.example', DEMO_PASSWORD);
    await page.goto('/courses');
    const panel = page.getByRole('region', { name: 'Ammatillisten tutkintojen tutkinnon osat' });
    const file = (lines: string[]) => ({ name: 'tutkinnon-osat.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n'), 'latin1') });
    await panel.getByLabel('Tiedosto', { exact: true }).setInputFiles(file(['Koodi;Nimi;Osp;Koulutusala', 'tutkinnonosat_102233;Ohjelmapalvelut;kolmekymmentä;10']));
    await panel.getByRole('button', { name: 'Tuo tiedosto' }).click();
    await panel.getByText('Tiedostossa on 1 virhe; mitään ei tuotu.').waitFor();
    await panel.getByText(/Rivi 2, sarake osp: Anna laajuus osaamispisteinä/).waitFor();
    await expectNoAxeViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    await panel.getByLabel('Tiedosto', { exact: true }).setInputFiles(file(['Koodi;Nimi;Osp;Koulutusala', 'tutkinnonosat_102233;Ohjelmapalvelut;30;10']));
    await panel.getByRole('button', { name: 'Tuo tiedosto' }).click();
    await panel.getByText('Tuotu: 1 uutta, 0 päivitetty, 0 ennallaan.').waitFor();
    const list = page.getByRole('region', { name: 'Alueen kurssit' });
    await list.getByRole('searchbox', { name: 'Hae koodilla tai nimellä' }).fill('102233');
    await list.getByRole('searchbox', { name: 'Hae koodilla tai nimellä' }).press('Enter');
    const row = list.locator('tr', { hasText: '102233' });
    expect(await row.textContent()).toContain('Ohjelmapalvelut');
    expect(await row.textContent()).toContain('Valtakunnallinen nimi');
  });
});
