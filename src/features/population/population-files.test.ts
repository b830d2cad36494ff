import { describe, expect, it } from 'vitest';
import { HONKAJOKI, monthlyJsonStat2, PELLO, pxwebCsv11re, sumOf, countOf, yearlyJsonStat1, YLITORNIO } from '../../../test/statistics-files.js';
import { decodeText } from '../../server/files/text-encoding.js';
import { loadReferenceMunicipalities, readFormerMunicipalities } from '../region/reference-data.js';
import { readJsonStat } from './json-stat.js';
import { areaReader } from './population-areas.js';
import { readPopulationCsv } from './population-csv.js';
import { PopulationFileError } from './population-dimensions.js';
import { bandsToStore, figuresFromObservations, withMergersAdded } from './population-figures.js';
import { OPEN_AGE, parseAgeBand } from './population-rows.js';

const municipalities = loadReferenceMunicipalities().map((m) => ({ code: m.code, name_fi: m.name_fi, name_sv: m.name_sv ?? m.name_fi, maakunta_name_fi: m.maakunta_name_fi }));
const areaOf = areaReader({ municipalities, formerMunicipalities: readFormerMunicipalities() });

/** A file read as the import reads it, up to the bands it would store. */
function read(content: Buffer | string, name = 'file.csv') {
  const { text, encoding } = decodeText(Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'));
  const { observations } = name.endsWith('.json') ? readJsonStat(text) : readPopulationCsv(text);
  const { figures, skippedAggregates, notes } = figuresFromObservations(observations, areaOf);
  const stored = bandsToStore(withMergersAdded(figures), notes);
  const at = (code: string, year: number, from: number, to: number) => stored.find((f) => f.municipalityCode === code && f.year === year && f.ageFrom === from && f.ageTo === to)?.count;
  return { encoding, stored, skippedAggregates, notes, at };
}

describe('age bands', () => {
  it.each([
    ['16', 16, 16],
    ['016', 16, 16],
    ['16-17', 16, 17],
    ['16–17 years', 16, 17],
    ['85 years or over', 85, 120],
    ['100 -', 100, 120],
    ['100+', 100, 120],
    ['SSS', 0, 120],
    ['Yhteensä', 0, 120],
    ['Inhabitants, total', 0, 120],
  ])('reads %s', (label, from, to) => expect(parseAgeBand(label)).toEqual({ from, to }));
  it('refuses what is not an age', () => expect(parseAgeBand('Males')).toBeNull());
});

describe('areas', () => {
  it.each([
    ['854', '854'],
    ['KU854', '854'],
    ['854 Pello', '854'],
    ['Pello', '854'],
    ['Övertorneå', '976'],
    ['Honkajoki', '214'],
    ['099', '214'],
  ])('reads %s as a municipality of today', (label, code) => expect(areaOf(label)).toMatchObject({ kind: 'municipality', code }));
  it.each(['KOKO MAA', 'SSS', 'MK19 Lappi', 'SK191 Rovaniemen seutukunta', 'Lappi'])('recognises %s as a sum of municipalities', (label) => expect(areaOf(label)).toEqual({ kind: 'aggregate' }));
});

describe('PxWeb CSV of table 11re', () => {
  for (const separator of [';', ','] as const) {
    it(`reads the ${separator === ';' ? 'semicolon' : 'comma'}-separated download in ISO-8859-1: names, single-year ages banded, the sexes' total`, () => {
      const file = read(pxwebCsv11re({ separator, areas: [PELLO, YLITORNIO], years: [2023, 2024] }));
      expect(file.encoding).toBe('windows-1252');
      expect(file.skippedAggregates).toBe(102 * 2);
      // Per municipality and year: ages 0 … 19, one band 20 and over, the total.
      expect(file.stored).toHaveLength(2 * 2 * (20 + 1 + 1));
      expect(file.at('854', 2024, 16, 16)).toBe(countOf(PELLO, 16, 'SSS', 2024));
      expect(file.at('976', 2023, 20, OPEN_AGE)).toBe(sumOf(YLITORNIO, 20, 100, 2023));
      expect(file.at('854', 2024, 0, OPEN_AGE)).toBe(sumOf(PELLO, 0, 100, 2024));
      expect(file.notes.map((n) => n.code)).toContain('older_ages_banded');
    });
  }

  it('reads a UTF-8 download with a byte-order mark, and a tab-separated one', () => {
    const latin = pxwebCsv11re({ separator: ';', areas: [PELLO], years: [2024] }).toString('latin1');
    expect(read(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(latin, 'utf8')])).at('854', 2024, 17, 17)).toBe(countOf(PELLO, 17, 'SSS', 2024));
    expect(read(latin.replaceAll(';', '\t')).at('854', 2024, 17, 17)).toBe(countOf(PELLO, 17, 'SSS', 2024));
  });

  it('adds a former municipality named in an old file to the one it joined', () => {
    const kankaanpaa = { code: '214', name: 'Kankaanpää' };
    const file = read(pxwebCsv11re({ separator: ';', areas: [kankaanpaa, HONKAJOKI], years: [2019] }));
    expect(file.at('214', 2019, 16, 16)).toBe(countOf(kankaanpaa, 16, 'SSS', 2019) + countOf(HONKAJOKI, 16, 'SSS', 2019));
  });

  it('refuses a table of the whole country only, one without the sexes\' total, and one in euros', () => {
    expect(() => read(pxwebCsv11re({ separator: ';', areas: [], years: [2024] }))).toThrow(/only for the whole country or regions/);
    const menOnly = pxwebCsv11re({ separator: ';', areas: [PELLO], years: [2024] })
      .toString('latin1')
      .split('\r\n')
      .filter((line) => !line.includes('"Yhteensä";') || line.startsWith('"Alue"'))
      .join('\r\n');
    expect(() => read(menOnly)).toThrow(/no total of the sexes/);
    const euros = '"Alue";"Vuosi";"Tulot (euroa)"\r\n"Pello";"2024";"12345"\r\n';
    expect(() => read(euros)).toThrow(PopulationFileError);
    expect(() => read(euros)).toThrow(/euroa/);
  });

  it('names a binary file as not text instead of listing its bytes as columns', () => {
    expect(() => read(Buffer.from([0x8f, 0x02, 0xff, 0x10, 0x41, 0x3b, 0x00, 0x07]))).toThrow(/^the file is not text/);
  });

  it('refuses a table without an area column, naming the columns it has', () => {
    expect(() => read('"Vuosi";"Väestö"\r\n"2024";"5600000"\r\n')).toThrow(/no municipality column/);
  });
});

describe('JSON-stat', () => {
  it('takes the December figure of a monthly table (11s5) as the year\'s, and says so', () => {
    const file = read(monthlyJsonStat2([PELLO], ['2023M11', '2023M12', '2024M01', '2024M02']), 'kuukausi.json');
    expect(file.stored).toEqual([expect.objectContaining({ municipalityCode: '854', year: 2023, ageFrom: 0, ageTo: OPEN_AGE, count: 2000 + 854 + 12 })]);
    expect(file.notes[0]).toMatchObject({ code: 'year_end_months', count: 3 });
    expect(file.notes[0]!.message).toMatch(/last month or quarter is taken as its year-end population; 3 figures of other months or quarters were not used/);
  });

  it('refuses a monthly table without a December, and one whose unit is not persons', () => {
    expect(() => read(monthlyJsonStat2([PELLO], ['2024M01', '2024M02']), 'x.json')).toThrow(/no year-end month/);
    expect(() => read(monthlyJsonStat2([PELLO], ['2024M12'], 'euroa'), 'x.json')).toThrow(/in "euroa", not a number of persons/);
  });

  it('reads version 1 (PxWeb\'s json-stat bundle)', () => {
    const file = read(yearlyJsonStat1([PELLO, YLITORNIO], [2023, 2024]), 'v1.json');
    expect(file.at('976', 2024, 17, 17)).toBe(countOf(YLITORNIO, 17, 'SSS', 2024));
    expect(file.at('854', 2023, 0, OPEN_AGE)).toBe(5000);
  });

  it('explains a cube it cannot read', () => {
    expect(() => read('{"class":"collection"}', 'x.json')).toThrow(/not a JSON-stat dataset/);
    expect(() => read('{"dataset": 1', 'x.json')).toThrow(/not valid JSON/);
  });
});

describe('other shapes and broken files', () => {
  it('reads a long table with the year as a column, headers in English or Swedish, and ignores a name column beside the code', () => {
    const english = '"Area";"Age";"Sex";"Year";"Population 31 Dec"\r\n"Pello";"Total";"Total";"2024";"3210"\r\n"Pello";"Total";"Males";"2024";"1600"\r\n"Pello";"16";"Total";"2024";"40"\r\n';
    expect(read(english).at('854', 2024, 0, OPEN_AGE)).toBe(3210);
    expect(read(english).at('854', 2024, 16, 16)).toBe(40);
    const swedish = '"Område";"Ålder";"Kön";"År";"Befolkning 31.12"\r\n"Övertorneå";"Totalt";"Totalt";"2024";"4000"\r\n';
    expect(read(swedish).at('976', 2024, 0, OPEN_AGE)).toBe(4000);
    expect(read('municipality_code;name;year;count\n854;Pello;2024;3300\n').at('854', 2024, 0, OPEN_AGE)).toBe(3300);
  });

  it('keeps a total the file gives even when its ages do not add up to it, and reads a bilingual area label', () => {
    const file = '"Alue";"Ikä";"Vuosi";"Väestö"\r\n"Maarianhamina - Mariehamn";"Yhteensä";"2024";"11900"\r\n"Maarianhamina - Mariehamn";"16";"2024";"120"\r\n';
    expect(read(file).at('478', 2024, 0, OPEN_AGE)).toBe(11900);
  });

  it('refuses a JSON-stat cube whose sizes do not match its categories or values', () => {
    const cube = JSON.parse(monthlyJsonStat2([PELLO], ['2024M12']));
    expect(() => read(JSON.stringify({ ...cube, size: [100_000_000, 1, 3, 1] }), 'x.json')).toThrow(/has 2 categories but size 100000000/);
    expect(() => read(JSON.stringify({ ...cube, value: cube.value.slice(1) }), 'x.json')).toThrow(/cells but 5 values/);
  });

  it('accepts a JSON-stat unit that says persons in words', () => {
    expect(read(monthlyJsonStat2([PELLO], ['2024M12'], 'number of persons'), 'x.json').at('854', 2024, 0, OPEN_AGE)).toBe(2000 + 854 + 12);
  });
});
