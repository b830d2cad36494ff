import { describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/databases.js';
import { useDemoApp } from '../../../test/test-app.js';
import { HttpError } from '../../server/http/errors.js';
import { JsonStatError } from './json-stat.js';
import { importPopulation } from './population-import.js';
import { parseAgeBand } from './population-rows.js';

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

describe('age bands', () => {
  it.each([
    ['16', 16, 16],
    ['016', 16, 16],
    ['16-17', 16, 17],
    ['16–17 years', 16, 17],
    ['85 years or over', 85, 120],
    ['100+', 100, 120],
    ['SSS', 0, 120],
    ['Yhteensä', 0, 120],
    ['Inhabitants, total', 0, 120],
  ])('reads %s', (label, from, to) => expect(parseAgeBand(label)).toEqual({ from, to }));
  it('refuses what is not an age', () => expect(parseAgeBand('Males')).toBeNull());
});

describe.each(ENGINES)('population import on %s', (engine) => {
  const context = useDemoApp(engine);
  const stored = (code: string, year: number) =>
    context.db.selectFrom('population').select(['age_from', 'age_to', 'count']).where('municipality_code', '=', code).where('year', '=', year).orderBy('age_from').orderBy('age_to').execute();

  it('reads a JSON-stat 2 cube generically, using the total of other dimensions, and is idempotent', async () => {
    // Pello (854) has 40 + age + year-offset 16-/17-year-olds; the sexes split it 1:1 so only the total counts.
    const count = (area: string, age: string, sex: string, year: string) =>
      (sex === 'SSS' ? 2 : 1) * ((area === 'KU854' ? 20 : 30) + (age === 'SSS' ? 500 : Number(age)) + (year === '2024' ? 1 : 0));
    const cube = pxwebCube(count);
    const result = await importPopulation(context.db, { name: 'vaesto.json', text: cube });
    expect(result).toEqual({ written: 2 * 3 * 2, skippedAggregates: 3 * 2 });
    expect(await stored('854', 2024)).toEqual([
      { age_from: 0, age_to: 120, count: 2 * (20 + 500 + 1) },
      { age_from: 16, age_to: 16, count: 2 * (20 + 16 + 1) },
      { age_from: 17, age_to: 17, count: 2 * (20 + 17 + 1) },
    ]);
    const before = await context.db.selectFrom('population').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    await importPopulation(context.db, { name: 'vaesto.json', text: cube });
    expect(await context.db.selectFrom('population').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).toEqual(before);
  });

  it('rejects a file with an unknown municipality, a negative count or a missing year, naming the row, and writes nothing', async () => {
    const before = await stored('976', 2031);
    const csv = ['municipality_code;year;age;count', '976;2031;16;80', '999;2031;16;10', '854;2031;17;-3', '854;;18;12'].join('\n');
    const error = await importPopulation(context.db, { name: 'bad.csv', text: csv }).catch((e: unknown) => e);
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
    await expect(importPopulation(context.db, { name: 'x.json', text: JSON.stringify(noTotal) })).rejects.toThrow(JsonStatError);
    await expect(importPopulation(context.db, { name: 'x.json', text: '{"class":"collection"}' })).rejects.toThrow(/not a JSON-stat 2 dataset/);
  });
});
