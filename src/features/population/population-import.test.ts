import { describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/databases.js';
import { ApiClient } from '../../../test/api-client.js';
import { countOf, PELLO, pxwebCsv11re, sumOf } from '../../../test/statistics-files.js';
import { useDemoApp } from '../../../test/test-app.js';
import { HttpError } from '../../server/http/errors.js';
import { PopulationFileError } from './population-dimensions.js';
import { importPopulation } from './population-import.js';

/** A PxWeb-style JSON-stat 2 cube: area × age × sex × year × information, the sexes with a total. */
function pxwebCube(values: (area: string, age: string, sex: string, year: string) => number | null) {
  const dims = {
    Alue: ['SSS', 'KU854', 'KU976'],
    Ikä: ['016', '017', 'SSS'],
    Sukupuoli: ['SSS', '1', '2'],
    Vuosi: ['2023', '2024'],
    Tiedot: ['vaesto'],
  };
  const ids = Object.keys(dims) as (keyof typeof dims)[];
  const value: (number | null)[] = [];
  for (const area of dims.Alue) for (const age of dims.Ikä) for (const sex of dims.Sukupuoli) for (const year of dims.Vuosi) value.push(values(area, age, sex, year));
  return JSON.stringify({
    version: '2.0',
    class: 'dataset',
    id: ids,
    size: ids.map((d) => dims[d].length),
    role: { time: ['Vuosi'], geo: ['Alue'], metric: ['Tiedot'] },
    dimension: Object.fromEntries(
      ids.map((d) => [d, { label: d, category: { index: Object.fromEntries(dims[d].map((c, i) => [c, i])), label: Object.fromEntries(dims[d].map((c) => [c, c === 'SSS' ? 'Yhteensä' : c])) } }]),
    ),
    value,
  });
}

describe.each(ENGINES)('population import on %s', (engine) => {
  const context = useDemoApp(engine);
  const stored = (code: string, year: number) =>
    context.db.selectFrom('population').select(['age_from', 'age_to', 'count']).where('municipality_code', '=', code).where('year', '=', year).orderBy('age_from').orderBy('age_to').execute();

  it('reads a JSON-stat 2 cube generically, using the total of other dimensions, and is idempotent', async () => {
    // Pello (854) has 40 + age + year-offset 16-/17-year-olds; the sexes split it 1:1 so only the total counts.
    const count = (area: string, age: string, sex: string, year: string) =>
      (sex === 'SSS' ? 2 : 1) * ((area === 'KU854' ? 20 : 30) + (age === 'SSS' ? 500 : Number(age)) + (year === '2024' ? 1 : 0));
    const cube = pxwebCube(count);
    const result = await importPopulation(context.db, { name: 'vaesto.json', content: Buffer.from(cube) });
    expect(result).toMatchObject({ written: 2 * 3 * 2, skippedAggregates: 3 * 2, encoding: 'utf-8' });
    expect(await stored('854', 2024)).toEqual([
      { age_from: 0, age_to: 120, count: 2 * (20 + 500 + 1) },
      { age_from: 16, age_to: 16, count: 2 * (20 + 16 + 1) },
      { age_from: 17, age_to: 17, count: 2 * (20 + 17 + 1) },
    ]);
    const before = await context.db.selectFrom('population').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    await importPopulation(context.db, { name: 'vaesto.json', content: Buffer.from(cube) });
    expect(await context.db.selectFrom('population').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).toEqual(before);
  });

  it('rejects a file with an unknown municipality, a negative count or a missing year, naming the row, and writes nothing', async () => {
    const before = await stored('976', 2031);
    const csv = ['municipality_code;year;age;count', '976;2031;16;80', '999;2031;16;10', '854;2031;17;-3', '854;;18;12'].join('\n');
    const error = await importPopulation(context.db, { name: 'bad.csv', content: Buffer.from(csv) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).issues.map((i) => [i.row, i.code])).toEqual([
      [3, 'unknown_municipality'],
      [4, 'negative_count'],
      [5, 'missing_year'],
    ]);
    expect((error as HttpError).issues[0]!.message).toBe('row 3: unknown municipality "999"');
    expect(await stored('976', 2031)).toEqual(before);
  });

  it('reads the bundled Paavo and Sotkanet files at first start, merged municipalities added to the one they joined', async () => {
    const pello = await stored('854', 2018);
    expect(pello.find((b) => b.age_from === 16 && b.age_to === 17)?.count).toBeGreaterThan(0);
    expect(pello.find((b) => b.age_from === 0 && b.age_to === 120)?.count).toBeGreaterThan(3000);
    const totals = await context.db.selectFrom('population').select('year').distinct().where('municipality_code', '=', '854').where('age_from', '=', 0).where('age_to', '=', 120).execute();
    expect(totals.length).toBeGreaterThanOrEqual(23);
  });

  it('explains a cube it cannot read', async () => {
    const noTotal = JSON.parse(pxwebCube(() => 1));
    noTotal.dimension.Sukupuoli.category.index = { '1': 0, '2': 1, '3': 2 };
    noTotal.dimension.Sukupuoli.category.label = { '1': 'miehet', '2': 'naiset', '3': 'muu' };
    await expect(importPopulation(context.db, { name: 'x.json', content: Buffer.from(JSON.stringify(noTotal)) })).rejects.toThrow(PopulationFileError);
    await expect(importPopulation(context.db, { name: 'x.json', content: Buffer.from('{"class":"collection"}') })).rejects.toThrow(/not a JSON-stat dataset/);
  });

  it('replaces the ages stored for a municipality\'s year with a PxWeb file\'s single years, counting no one twice, and says what it did', async () => {
    // The bundled Paavo file gave Pello 2018 in bands (16–17, 18–19, …); table 11re gives single years.
    const file = pxwebCsv11re({ separator: ';', areas: [PELLO], years: [2018] });
    const result = await importPopulation(context.db, { name: '11re.csv', content: file });
    expect(result).toMatchObject({ written: 22, skippedAggregates: 102, encoding: 'windows-1252' });
    const bands = await stored('854', 2018);
    expect(bands.map((b) => `${b.age_from}-${b.age_to}`)).toEqual(['0-0', '0-120', ...Array.from({ length: 19 }, (_, i) => `${i + 1}-${i + 1}`), '20-120']);
    expect(bands.find((b) => b.age_from === 16 && b.age_to === 16)?.count).toBe(countOf(PELLO, 16, 'SSS', 2018));
    expect(bands.find((b) => b.age_from === 0 && b.age_to === 120)?.count).toBe(sumOf(PELLO, 0, 100, 2018));
    await importPopulation(context.db, { name: '11re.csv', content: file });
    expect(await stored('854', 2018)).toEqual(bands);
  });

  it('takes an upload from the region\'s planner: its own municipalities only, every figure or none; refuses others and unreadable files', async () => {
    const lappi = await context.db.selectFrom('region').select('id').where('code', '=', 'lappi').executeTakeFirstOrThrow();
    const upload = (client: ApiClient, body: Buffer, regionId = lappi.id) => client.request('POST', `/regions/${regionId}/population/import`, body, { 'content-type': 'application/octet-stream' });
    // Pello is in Lappi; Helsinki is not.
    const file = pxwebCsv11re({ separator: ',', areas: [PELLO, { code: '091', name: 'Helsinki' }], years: [2025] });

    const student = new ApiClient(context.app);
    await student.login('opiskelija.pello@tarjotin.example');
    expect((await upload(student, file)).status).toBe(403);
    expect((await upload(new ApiClient(context.app), file)).status).toBe(401);
    expect(await stored('854', 2025)).toEqual([]);

    const planner = new ApiClient(context.app);
    await planner.login('suunnittelija.pello@tarjotin.example');
    const otherRegion = await context.db.selectFrom('region').select('id').where('id', '<>', lappi.id).executeTakeFirstOrThrow();
    expect((await upload(planner, file, otherRegion.id)).status).toBe(403);

    const done = await upload(planner, file);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ written: 22, skippedOutsideRegion: 102, encoding: 'windows-1252' });
    expect(done.body.notes.map((n: { code: string }) => n.code)).toEqual(['outside_region', 'older_ages_banded']);
    expect((await stored('854', 2025)).length).toBe(22);
    expect(await stored('091', 2025)).toEqual([]);

    const picture = await upload(planner, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(picture.status).toBe(400);
    expect(picture.body.error).toBe('unreadable_file');
    const bad = await upload(planner, Buffer.from('municipality_code;year;age;count\n854;2026;16;12\n854;2026;17;-1\n'));
    expect(bad.body).toMatchObject({ error: 'validation_failed', issues: [{ row: 3, code: 'negative_count' }] });
    expect(await stored('854', 2026)).toEqual([]);
  });

  it('replaces only the stored ages a file covers, and reports years, ages and counts the table cannot hold', async () => {
    // Ylitornio 2018 has Paavo's bands; a file of the 16- and 17-year-olds replaces the 16–17 band only.
    const before = await stored('976', 2018);
    expect(before.some((b) => b.age_from === 16 && b.age_to === 17)).toBe(true);
    const file = 'municipality_code;year;age;count\n976;2018;16;41\n976;2018;17;43\n';
    const some = await importPopulation(context.db, { name: 'some-ages.csv', content: Buffer.from(file) });
    // With the stored bands beside them, the file's ages complete the year: nothing to warn about.
    expect(some.notes.map((n) => n.code)).not.toContain('ages_incomplete');
    const after = await stored('976', 2018);
    expect(after.filter((b) => b.age_from === 16 || b.age_from === 17).map((b) => [b.age_from, b.age_to, b.count])).toEqual([[16, 16, 41], [17, 17, 43]]);
    expect(after.filter((b) => b.age_from !== 16 && b.age_from !== 17)).toEqual(before.filter((b) => !(b.age_from === 16 && b.age_to === 17)));

    // The knowledge base keeps projecting from the last year with every young age, not from the partial one.
    const pello = await context.db.selectFrom('region').select('id').where('code', '=', 'lappi').executeTakeFirstOrThrow();
    const partial = 'municipality_code;year;age;count\n976;2030;16;41\n976;2030;17;43\n';
    const partialResult = await importPopulation(context.db, { name: 'partial.csv', content: Buffer.from(partial) });
    expect(partialResult.notes).toContainEqual(expect.objectContaining({ code: 'ages_incomplete', count: 1 }));
    const { body } = await new ApiClient(context.app).get(`/regions/${pello.id}/indicators`);
    const ylitornio = body.municipalities.find((m: { code: string }) => m.code === '976');
    expect(ylitornio.cohortYear).not.toBe(2030);
    expect(ylitornio.cohort16to18).toBeGreaterThan(84);

    const bad = 'municipality_code;year;age;count\n854;2150;16;1\n854;2027;130;5\n854;2027;19-16;5\n854;2027;18;3000000000\n';
    const error = (await importPopulation(context.db, { name: 'bad.csv', content: Buffer.from(bad) }).catch((e: unknown) => e)) as HttpError;
    expect(error.issues.map((i) => [i.row, i.code])).toEqual([[2, 'year_out_of_range'], [3, 'age_out_of_range'], [4, 'age_out_of_range'], [5, 'count_too_large']]);
    expect(await stored('854', 2027)).toEqual([]);
  });
});
