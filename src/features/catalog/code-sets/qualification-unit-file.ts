import { FIRST_DATA_ROW, isBlankRecord, readTableRecords, refusedImport, type TableRecord } from '../../../server/files/table-records.js';
import type { TableFileFormat } from '../../../server/files/table-file.js';
import { HttpError, type FieldIssue } from '../../../server/http/errors.js';
import { excerpt } from '../../../server/http/excerpt.js';
import { foldForSearch } from '../search-text.js';
import { FIELDS, type Field } from '../vocabulary.js';
import { CodeSetFormatError, readKoodistoCodeSet, readKoodistoElements, type CodeElement } from './koodisto-code-set.js';
import type { NationalCourse } from './national-courses.js';

/**
 * Units of vocational qualifications (Koodisto `tutkinnonosat`) as a provider lists them: a table
 * of each unit's code and names and its scope in osp, which the code set itself does not carry,
 * or the code set's own JSON. The caller writes them (writeNationalCourses).
 */
export type UnitField = 'code' | 'nameFi' | 'nameSv' | 'nameEn' | 'credits' | 'qualification' | 'field';

/** Headers as they are folded (lower case, no accents, `_` for spaces and hyphens), by field. */
const HEADERS: Record<UnitField, string[]> = {
  code: ['koodi', 'tutkinnon_osan_koodi', 'koodiarvo', 'koodiuri', 'code', 'unit_code', 'kod', 'examensdelens_kod'],
  nameFi: ['nimi', 'nimi_fi', 'tutkinnon_osa', 'tutkinnon_osan_nimi', 'name_fi', 'name', 'namn_fi', 'finskt_namn'],
  nameSv: ['nimi_sv', 'ruotsiksi', 'namn', 'namn_sv', 'name_sv', 'examensdel'],
  nameEn: ['nimi_en', 'englanniksi', 'name_en', 'namn_en'],
  credits: ['osp', 'osaamispisteet', 'laajuus', 'laajuus_osp', 'kompetenspoang', 'omfattning', 'credits', 'scope'],
  qualification: ['tutkinto', 'tutkinnon_nimi', 'examen', 'qualification'],
  field: ['koulutusala', 'utbildningsomrade', 'field', 'field_of_education'],
};

const FIELD_BY_HEADER = new Map(Object.entries(HEADERS).flatMap(([field, headers]) => headers.map((h) => [h, field as UnitField])));

/** Folds a header for the lookup above; an unknown header is kept (and ignored). */
export const unitHeader = (column: string) => {
  const folded = foldForSearch(column).replace(/[\s-]+/g, '_');
  return FIELD_BY_HEADER.get(folded) ?? `other:${folded}`;
};

/** A unit's code as Koodisto gives it: `tutkinnonosat_106727`, a versioned `tutkinnonosat_106727#2`, or the value `106727`. */
const UNIT_CODE = /^(?:tutkinnonosat_)?(\d{1,12})(?:#\d+)?$/i;

export const unitCodeOf = (text: string): Pick<CodeElement, 'code' | 'uri'> | null => {
  const match = UNIT_CODE.exec(text.trim());
  return match ? { code: match[1]!, uri: `tutkinnonosat_${match[1]}` } : null;
};

/** A scope in osp: "25", or with a decimal comma as Finnish Excel writes it ("7,5"). */
function readCredits(text: string): number | null {
  if (!/^\d{1,3}([.,]\d{1,2})?$/.test(text)) return null;
  const value = Number(text.replace(',', '.'));
  return value > 0 && value <= 300 ? value : null;
}

/** A broad field of education as its ISCED-F code, "07" or "7". */
function readField(text: string): Field | null {
  const padded = text.padStart(2, '0');
  return (FIELDS as readonly string[]).includes(padded) ? (padded as Field) : null;
}

/**
 * Reads every row, collecting each problem with its row number (the header is row 1); a file of
 * any problem gives no units. Code, Finnish name and osp are needed on every row; qualification
 * and field are optional (a new unit needs a field: writeNationalCourses says which).
 */
export function readUnitRecords(records: TableRecord[]): { units: NationalCourse[]; issues: FieldIssue[] } {
  const header = new Set(records.flatMap((record) => Object.keys(record)));
  if (records.length === 0) return { units: [], issues: [{ path: 'file', row: 1, code: 'empty_file', message: 'a header row and at least one unit are needed' }] };
  const missing = (['code', 'nameFi', 'credits'] as const).filter((field) => !header.has(field));
  if (missing.length > 0) return { units: [], issues: missing.map((path) => ({ path, row: 1, code: 'missing_column', message: `no column for ${path}` })) };

  const units: NationalCourse[] = [];
  const issues: FieldIssue[] = [];
  const rowOfCode = new Map<string, number>();
  for (const [index, record] of records.entries()) {
    if (isBlankRecord(record)) continue;
    const row = index + FIRST_DATA_ROW;
    const cell = (field: UnitField) => record[field]?.trim() ?? '';
    const problem = (path: UnitField, code: string, message: string) => issues.push({ path, row, code, message });
    const before = issues.length;

    const code = unitCodeOf(cell('code'));
    if (!code) problem('code', cell('code') ? 'invalid_unit_code' : 'required', cell('code') ? `"${excerpt(cell('code'))}" is not a unit code (tutkinnonosat_106727 or 106727)` : 'the unit\'s code is needed');
    const fi = cell('nameFi');
    if (fi.length < 2 || fi.length > 200) problem('nameFi', 'required', 'the unit\'s Finnish name is needed (2–200 characters)');
    for (const other of ['nameSv', 'nameEn', 'qualification'] as const) if (cell(other).length > 200) problem(other, 'too_big', 'at most 200 characters');
    const credits = readCredits(cell('credits'));
    if (credits === null) problem('credits', cell('credits') ? 'invalid_osp' : 'required', cell('credits') ? `"${excerpt(cell('credits'))}" is not a scope in osp (1–300)` : 'the unit\'s scope in osp is needed');
    const field = cell('field') ? readField(cell('field')) : undefined;
    if (field === null) problem('field', 'invalid_field', `"${excerpt(cell('field'))}" is not a field of education (00–10)`);
    if (code && rowOfCode.has(code.code)) problem('code', 'duplicate', `unit ${code.code} is on row ${rowOfCode.get(code.code)} too`);
    if (code) rowOfCode.set(code.code, row);

    if (issues.length === before && code && credits !== null) {
      units.push({ ...code, fi, sv: cell('nameSv') || fi, en: cell('nameEn') || fi, credits, field: field ?? undefined, qualification: cell('qualification') || undefined, row });
    }
  }
  if (units.length === 0 && issues.length === 0) issues.push({ path: 'file', row: 1, code: 'empty_file', message: 'a header row and at least one unit are needed' });
  return { units, issues };
}

/**
 * The units of an uploaded file: the provider's table (CSV in any encoding Excel saves, or XLSX),
 * or the code set's Koodisto JSON (a file that opens with `[`). A file with any problem is a 400
 * naming each one's row (a JSON file's element number), and gives nothing.
 */
export async function readUnitFile(content: Buffer, format: TableFileFormat): Promise<NationalCourse[]> {
  if (format === 'csv' && /^\uFEFF?\s*\[/.test(content.subarray(0, 64).toString('utf8'))) return readUnitJson(() => readKoodistoCodeSet(content.toString('utf8')));
  const { units, issues } = readUnitRecords(await readTableRecords(content, format, unitHeader));
  if (issues.length > 0) throw refusedImport(issues, NOTHING_IMPORTED);
  return units;
}

const NOTHING_IMPORTED = 'no unit was imported';

/** The units of a Koodisto JSON sent as the request's body, already parsed. */
export const readUnitElements = (json: unknown) => readUnitJson(() => readKoodistoElements(json));

function readUnitJson(read: () => CodeElement[]): NationalCourse[] {
  try {
    return koodistoUnits(read());
  } catch (error) {
    if (error instanceof CodeSetFormatError) throw new HttpError(400, 'unreadable_file', `The Koodisto JSON cannot be read: ${error.message}`);
    throw error;
  }
}

/** The Koodisto elements as units, under the unit code of their URI; elements of another set are refused. */
function koodistoUnits(elements: CodeElement[]): NationalCourse[] {
  const issues = elements.flatMap((e, index) =>
    unitCodeOf(e.uri) ? [] : [{ path: 'koodiUri', row: index + 1, code: 'invalid_format', message: `${excerpt(e.uri)} is not a qualification unit (tutkinnonosat_…)` }],
  );
  if (issues.length > 0) throw refusedImport(issues, NOTHING_IMPORTED);
  return elements.map((e, index) => ({ ...e, ...unitCodeOf(e.uri)!, row: index + 1 }));
}
