import { parse } from 'csv-parse/sync';
import { municipalityCodeOf, parseAgeBand, type PopulationFigure } from './population-rows.js';
import { UnreadableFileError } from '../../server/files/unreadable-file-error.js';

export class PopulationCsvError extends UnreadableFileError {}

const pick = (header: string[], pattern: RegExp) => header.find((h) => pattern.test(h.trim()));
const countOf = (text: string | undefined) => {
  const value = (text ?? '').trim().replace(/\s/g, '').replace(',', '.');
  return value === '' || value === '..' || value === '.' ? null : Number(value);
};

/**
 * Population figures from a CSV file (`,` or `;`), in one of two shapes:
 * - long: a municipality code column (municipality_code, kunta, code), a year column (year,
 *   vuosi), a count column (count, value, primary.value, väestö) and optionally an age column
 *   (age, ikä, age_group; without it the figures are totals) — Sotkanet's totals are this shape;
 * - wide: Statistics Finland's Paavo table, an `Area` column of municipality names and one column
 *   per age band, such as `16-17 years, 2018 (HE)`.
 * Names are turned into codes by `codeOfName`; an unknown name keeps the name, for the message.
 */
export function readPopulationCsv(text: string, codeOfName: (name: string) => string | undefined): { figures: PopulationFigure[]; skippedAggregates: number } {
  const delimiter = (text.split('\n', 1)[0]!.match(/;/g)?.length ?? 0) > (text.split('\n', 1)[0]!.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = parse(text.replace(/^\uFEFF/, ''), { delimiter, relax_column_count: true, skip_empty_lines: true });
  const [header, ...body] = rows;
  if (!header) throw new PopulationCsvError('the file is empty');
  const at = (i: number) => `row ${i + 2}`;

  const code = pick(header, /^(municipality_code|kunta|kuntakoodi|code|municipality)$/i);
  const year = pick(header, /^(year|vuosi|år)$/i);
  const count = pick(header, /^(count|value|primary\.value|väestö|vaesto|population|lkm)$/i);
  if (code && year && count) {
    const age = pick(header, /^(age|ikä|ika|age_group|ikäryhmä)$/i);
    const [ci, yi, ni, ai] = [code, year, count, age].map((c) => (c === undefined ? -1 : header.indexOf(c)));
    const figures = body.map((cells, i) => {
      const band = ai! >= 0 ? parseAgeBand(cells[ai!] ?? '') : { from: 0, to: 120 };
      const yearText = (cells[yi!] ?? '').trim();
      return {
        at: at(i),
        row: i + 2,
        municipalityCode: municipalityCodeOf(cells[ci!] ?? '') ?? (cells[ci!] ?? '').trim(),
        year: /^\d{4}$/.test(yearText) ? Number(yearText) : null,
        ageFrom: band?.from ?? -1,
        ageTo: band?.to ?? -1,
        count: countOf(cells[ni!]),
      };
    });
    return { figures, skippedAggregates: 0 };
  }

  const area = pick(header, /^(area|alue)$/i);
  const bands = header
    .map((h, index) => ({ index, match: /^(.+?),\s*(\d{4})\s*\(HE\)$/.exec(h.trim()) }))
    .flatMap(({ index, match }) => {
      const band = match ? parseAgeBand(match[1]!) : null;
      return band && match ? [{ index, band, year: Number(match[2]) }] : [];
    });
  if (!area || bands.length === 0) {
    throw new PopulationCsvError('unknown layout: expected municipality_code, year and count columns, or an Area column with age columns such as "16-17 years, 2018 (HE)"');
  }
  const ai = header.indexOf(area);
  // Paavo also has rows for regions (MK…), sub-regions (SK…) and the whole country.
  const aggregate = (name: string) => /^(MK|SK)\d+\b|^(koko maa|whole country|hela landet)$/i.test(name);
  const municipalities = body.filter((cells) => !aggregate((cells[ai] ?? '').trim()));
  const figures = body.flatMap((cells, i) => {
    const name = (cells[ai] ?? '').trim();
    if (aggregate(name)) return [];
    return bands.map(({ index, band, year: y }) => ({
      at: `${at(i)} (${name}), column "${header[index]}"`,
      row: i + 2,
      municipalityCode: codeOfName(name) ?? name,
      year: y,
      ageFrom: band.from,
      ageTo: band.to,
      count: countOf(cells[index]),
    }));
  });
  return { figures, skippedAggregates: (body.length - municipalities.length) * bands.length };
}
