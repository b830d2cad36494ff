import { parse } from 'csv-parse/sync';
import { excerpt } from '../../server/http/excerpt.js';
import { detectCsvLayout } from '../../server/files/text-encoding.js';
import { categoryToUse, describesNonPersons, isTotalCategory, PopulationFileError, unitProblem } from './population-dimensions.js';
import type { Observation } from './population-figures.js';
import { parseAgeBand } from './population-rows.js';

const AREA = /^(alue|area|område|kunta|kommun|municipality|municipality_code|kuntakoodi|code)$/i;
const TIME = /^(vuosi|year|år|kuukausi|month|månad|vuosineljännes|neljännes|quarter|kvartal|aika|time|tid)$/i;
const AGE = /^(ikä|ika|age|ålder|age_group|ikäryhmä|ikäluokka|åldersgrupp)$/i;
const OTHER_DIMENSION = /^(sukupuoli|sex|kön|gender|tiedot|information|uppgifter)$/i;
/** The count column of a long table (Sotkanet's `primary.value`); its other columns, such as a name, are not read. */
const COUNT = /^(count|value|primary\.value|väestö|vaesto|population|lkm|väkiluku|antal)$/i;
/** `2024`, `2024M12`, `2024Q4` in a column heading such as `2024 Väestö 31.12.` or `16-17 years, 2018 (HE)`. */
const TIME_IN_HEADING = /(?:^|[\s,])(\d{4}(?:M\d{2}|Q[1-4])?)(?=$|[\s,])/i;
const PARENTHESES = /\(([^)]*)\)/g;

interface ValueColumn {
  index: number;
  header: string;
  time?: string;
  /** The heading without its time and parentheses: a measure (`Väestö 31.12.`), an age or a sex. */
  rest: string;
}

/**
 * Observations from a CSV file in the shapes population statistics are downloaded in:
 * - PxWeb (Statistics Finland, THL): optional title lines, a header, the dimensions as leading
 *   columns (Alue, Ikä, Sukupuoli, Vuosi / Kuukausi, Tiedot) and one value column per combination
 *   of the dimensions put in the heading (`2024 Väestö 31.12.`); `;`, `,` or tab;
 * - long: municipality_code, year, optionally age, and a count column (Sotkanet's totals);
 * - Paavo: an Area column of names and a column per age band and year (`16-17 years, 2018 (HE)`).
 * Areas are labels here (codes, names); the caller resolves them.
 */
export function readPopulationCsv(text: string): { observations: Observation[] } {
  // Control characters are in no CSV: a binary file is named as not text, not read as columns of garbage.
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text.slice(0, 4096))) throw new PopulationFileError('the file is not text: expected a CSV or JSON-stat file as downloaded');
  const { delimiter, headerLine } = detectCsvLayout(text);
  const titles = text.split(/\r\n|\n|\r/, headerLine).filter((line) => line.trim() !== '');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter, from_line: headerLine + 1, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, bom: true, info: true }) as unknown as typeof records;
  } catch (error) {
    throw new PopulationFileError(`not readable as CSV: ${excerpt((error as Error).message, 120)}`);
  }
  const [head, ...body] = records;
  if (!head) throw new PopulationFileError('the file is empty');
  const header = head.record.map((h) => h.trim());
  // PxWeb ends a file with footnote lines of one cell.
  const rows = body.filter(({ record }) => record.length > 1 || header.length === 1);
  const first = rows[0]?.record ?? [];

  // Dimension columns: those named as one anywhere, and PxWeb's leading columns of labels whatever their language.
  // A long table (a year column and a named count column) has no heading dimensions: its other columns are not read.
  const named = (h: string) => AREA.test(h) || TIME.test(h) || AGE.test(h) || OTHER_DIMENSION.test(h);
  const countColumn = header.some((h) => TIME.test(h)) ? header.findIndex((h) => COUNT.test(h)) : -1;
  const label = (i: number) => !TIME_IN_HEADING.test(header[i]!) && first[i] !== undefined && /[^\d\s.,-]/.test(first[i]!);
  let leading = 0;
  while (countColumn < 0 && leading < header.length && (named(header[leading]!) || label(leading))) leading++;
  const isDimension = (i: number) => i < leading || named(header[i]!);
  const isRead = (i: number) => countColumn < 0 || i === countColumn || named(header[i]!);
  const columnOf = (pattern: RegExp) => header.findIndex((h, i) => isDimension(i) && pattern.test(h));
  const [areaColumn, timeColumn, ageColumn] = [columnOf(AREA), columnOf(TIME), columnOf(AGE)];
  if (areaColumn < 0) {
    throw new PopulationFileError(`no municipality column: expected Alue, Kunta, Area or municipality_code among the columns (${excerpt(header.join(', '), 100)}); keep the area in the table when downloading`);
  }

  for (const title of titles) for (const [, unit] of title.matchAll(PARENTHESES)) refuseUnit(unit!);
  let values: ValueColumn[] = header.flatMap((h, index) => {
    if (isDimension(index) || !isRead(index)) return [];
    const time = TIME_IN_HEADING.exec(h)?.[1];
    const rest = h.replace(PARENTHESES, ' ').replace(time ?? '\u0000', ' ').replace(/[\s,]+/g, ' ').trim();
    return [{ index, header: h, time, rest }];
  });
  if (values.length === 0) throw new PopulationFileError('no column of figures after the dimension columns');
  if (timeColumn < 0 && values.some((v) => !v.time)) {
    throw new PopulationFileError(`no year: expected a Vuosi (Year) column or years in the column headings, such as "2024 Väestö 31.12." (${excerpt(values.find((v) => !v.time)!.header, 60)})`);
  }

  // Ages in the heading (Paavo): the columns that are ages, of the variable groups in parentheses that have
  // ages (`(HE)`); the rest (Males, Average age, Households, total (TE)) are other measures.
  const groupOf = (v: ValueColumn) => [...v.header.matchAll(PARENTHESES)].map((m) => m[1]).join();
  const isAge = (v: ValueColumn) => v.rest !== '' && parseAgeBand(v.rest) !== null;
  const ageGroups = new Set(values.filter((v) => isAge(v) && !isTotalCategory(v.rest)).map(groupOf));
  const agesInHeading = ageColumn < 0 && ageGroups.size > 0;
  if (agesInHeading) values = values.filter((v) => isAge(v) && ageGroups.has(groupOf(v)));
  else {
    const measures = [...new Set(values.map((v) => v.rest))];
    const chosen = measures[categoryToUse('column heading', measures)]!;
    values = values.filter((v) => v.rest === chosen);
  }
  for (const v of values) {
    for (const [, unit] of v.header.matchAll(PARENTHESES)) refuseUnit(unit!);
    if (!agesInHeading && describesNonPersons(v.rest)) throw new PopulationFileError(`the column "${excerpt(v.header, 60)}" is not a number of persons; download a population table`);
  }

  // Other dimensions (sex, information, anything else) in their own columns: their total, or their only category.
  const chosenOf = header.flatMap((h, i) => {
    if (!isDimension(i) || i === areaColumn || i === timeColumn || i === ageColumn) return [];
    const categories = [...new Set(rows.map(({ record }) => (record[i] ?? '').trim()))];
    const chosen = categories[categoryToUse(h, categories)]!;
    if (describesNonPersons(chosen)) throw new PopulationFileError(`"${excerpt(chosen, 60)}" is not a number of persons; download a population table`);
    return [{ column: i, chosen }];
  });
  const observations: Observation[] = [];
  for (const { record, info } of rows) {
    if (chosenOf.some(({ column, chosen }) => (record[column] ?? '').trim() !== chosen)) continue;
    const area = (record[areaColumn] ?? '').trim();
    for (const v of values) {
      observations.push({
        at: values.length > 1 ? `row ${info.lines} (${excerpt(area, 40)}), column "${excerpt(v.header, 40)}"` : `row ${info.lines}`,
        row: info.lines,
        area,
        time: timeColumn >= 0 ? (record[timeColumn] ?? '') : v.time!,
        age: ageColumn >= 0 ? (record[ageColumn] ?? '') : agesInHeading ? v.rest : null,
        value: record[v.index] ?? null,
      });
    }
  }
  return { observations };
}

/** A parenthesised unit (`(euroa)`, `(%)`) that says the figures are not people refuses the file. */
function refuseUnit(unit: string) {
  const problem = unitProblem(unit);
  if (problem) throw new PopulationFileError(problem);
}
