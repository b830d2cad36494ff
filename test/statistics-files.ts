/**
 * Small population files in the shapes agencies publish them, written by the tests themselves
 * (no one else's data is committed): PxWeb CSV of table 11re, JSON-stat 2 and 1, monthly tables.
 */

export interface Area {
  code: string;
  name: string;
}

export const PELLO: Area = { code: '854', name: 'Pello' };
export const YLITORNIO: Area = { code: '976', name: 'Ylitornio' };
export const HONKAJOKI: Area = { code: '099', name: 'Honkajoki' };

/** The count a test file gives: distinct per area, age, sex and year, so sums can be checked by hand. */
export function countOf(area: Area, age: number, sex: 'SSS' | '1' | '2', year: number): number {
  const base = Number(area.code) % 50 + age + (year - 2020);
  return sex === 'SSS' ? 2 * base + 1 : sex === '1' ? base : base + 1;
}

/** Sum of countOf over the ages from … to. */
export const sumOf = (area: Area, from: number, to: number, year: number) => Array.from({ length: to - from + 1 }, (_, i) => countOf(area, from + i, 'SSS', year)).reduce((a, b) => a + b, 0);

const SEXES = [
  ['SSS', 'Yhteensä'],
  ['1', 'Miehet'],
  ['2', 'Naiset'],
] as const;

/**
 * Table 11re as PxWeb's "semicolon (or comma) delimited with heading" download: a quoted title line
 * and a blank line, Alue / Ikä / Sukupuoli as leading columns with municipality names and
 * `KOKO MAA`, ages `Yhteensä`, `0` … `99`, `100 -`, one column per year, CRLF, in ISO-8859-1.
 */
export function pxwebCsv11re(options: { separator: ';' | ','; areas: Area[]; years: number[]; wholeCountry?: boolean }): Buffer {
  const q = (text: string) => `"${text}"`;
  const s = options.separator;
  const lines = [
    q('Väestö 31.12. muuttujina Alue, Ikä, Sukupuoli, Vuosi ja Tiedot'),
    '',
    [q('Alue'), q('Ikä'), q('Sukupuoli'), ...options.years.map((y) => q(`${y} Väestö 31.12.`))].join(s),
  ];
  const areas = [...(options.wholeCountry === false ? [] : [{ code: '000', name: 'KOKO MAA' }]), ...options.areas];
  for (const area of areas) {
    for (const age of ['Yhteensä', ...Array.from({ length: 100 }, (_, i) => String(i)), '100 -']) {
      for (const [sex, sexLabel] of SEXES) {
        const figure = (year: number) =>
          age === 'Yhteensä' ? Array.from({ length: 101 }, (_, a) => countOf(area, a, sex, year)).reduce((x, y) => x + y, 0) : countOf(area, age === '100 -' ? 100 : Number(age), sex, year);
        lines.push([q(area.name), q(age), q(sexLabel), ...options.years.map(figure)].join(s));
      }
    }
  }
  return Buffer.from(lines.join('\r\n') + '\r\n', 'latin1');
}

interface CubeDimension {
  id: string;
  label?: string;
  codes: string[];
  labels?: string[];
  unit?: Record<string, { base?: string; label?: string; decimals?: number }>;
}

function cube(dimensions: CubeDimension[], value: (codes: Record<string, string>) => number | null) {
  const values: (number | null)[] = [];
  const walk = (i: number, codes: Record<string, string>) => {
    if (i === dimensions.length) return void values.push(value(codes));
    for (const code of dimensions[i]!.codes) walk(i + 1, { ...codes, [dimensions[i]!.id]: code });
  };
  walk(0, {});
  const dimension = Object.fromEntries(
    dimensions.map((d) => [
      d.id,
      {
        label: d.label ?? d.id,
        category: {
          index: Object.fromEntries(d.codes.map((c, i) => [c, i])),
          label: Object.fromEntries(d.codes.map((c, i) => [c, d.labels?.[i] ?? c])),
          ...(d.unit ? { unit: d.unit } : {}),
        },
      },
    ]),
  );
  return { ids: dimensions.map((d) => d.id), sizes: dimensions.map((d) => d.codes.length), dimension, values };
}

/** Table 11s5 (monthly population) as PxWeb's JSON-stat 2: `Kuukausi` coded `2024M12`. */
export function monthlyJsonStat2(areas: Area[], months: string[], unit = 'lukumäärä'): string {
  const { ids, sizes, dimension, values } = cube(
    [
      { id: 'Alue', codes: ['SSS', ...areas.map((a) => `KU${a.code}`)], labels: ['KOKO MAA', ...areas.map((a) => a.name)] },
      { id: 'Kuukausi', codes: months },
      { id: 'Sukupuoli', codes: ['SSS', '1', '2'], labels: ['Yhteensä', 'Miehet', 'Naiset'] },
      { id: 'Tiedot', codes: ['vaesto'], labels: ['Väestö'], unit: { vaesto: { base: unit, decimals: 0 } } },
    ],
    (c) => {
      const area = areas.find((a) => `KU${a.code}` === c['Alue']) ?? { code: '000', name: '' };
      return 1000 * (c['Sukupuoli'] === 'SSS' ? 2 : 1) + Number(area.code) + Number(c['Kuukausi']!.slice(5));
    },
  );
  return JSON.stringify({ version: '2.0', class: 'dataset', label: 'Väestö kuukauden lopussa', id: ids, size: sizes, role: { time: ['Kuukausi'], geo: ['Alue'], metric: ['Tiedot'] }, dimension, value: values });
}

/** A yearly table by area and single-year age as PxWeb's older `json-stat` (version 1): a bundle `{"dataset": …}`. */
export function yearlyJsonStat1(areas: Area[], years: number[]): string {
  const { ids, sizes, dimension, values } = cube(
    [
      { id: 'Alue', codes: areas.map((a) => `KU${a.code}`), labels: areas.map((a) => a.name) },
      { id: 'Ikä', codes: ['SSS', '16', '17'], labels: ['Yhteensä', '16', '17'] },
      { id: 'Vuosi', codes: years.map(String) },
    ],
    (c) => {
      const area = areas.find((a) => `KU${a.code}` === c['Alue'])!;
      return c['Ikä'] === 'SSS' ? 5000 : countOf(area, Number(c['Ikä']), 'SSS', Number(c['Vuosi']));
    },
  );
  return JSON.stringify({ dataset: { dimension: { ...dimension, id: ids, size: sizes, role: { time: ['Vuosi'], geo: ['Alue'] } }, label: 'Väestö', source: 'Tilastokeskus', value: values } });
}
