import { z } from 'zod';
import type { Db } from '../../../server/db/database.js';
import { refusedImport } from '../../../server/files/table-records.js';
import { badRequest } from '../../../server/http/errors.js';
import { idSchema } from '../../../server/http/input-schemas.js';
import { recordAudit, type AuditActor } from '../../privacy/audit-log.js';
import { readReferenceFile } from '../../region/reference-data.js';
import { foldForSearch } from '../search-text.js';
import type { EducationForm, Field } from '../vocabulary.js';
import { readKoodistoCodeSet, type CodeElement } from './koodisto-code-set.js';
import { lukioSubjectOf } from './lukio-subjects.js';

/** The national code sets courses are imported from, with what the set itself does not say. */
interface NationalCodeSet {
  /** The copy bundled in data/reference/ (data/SOURCES.md); null when none ships and the user brings the file. */
  file: string | null;
  educationForm: EducationForm;
  creditUnit: 'op' | 'osp';
  /** The scope a new course starts at when the import gives none (the Koodisto sets carry none); null: the import must give it. */
  defaultCredits: number | null;
  /** The field of a new course whose import names none; null: the import must name it. */
  defaultField: Field | null;
  subjectOf: (code: string) => { fi: string; sv: string; en: string; field: Field } | undefined;
}

export const NATIONAL_CODE_SETS = {
  moduulikoodistolops2021: { file: 'moduulikoodistolops2021.json', educationForm: 'general_upper_secondary', creditUnit: 'op', defaultCredits: 2, defaultField: '00', subjectOf: lukioSubjectOf },
  /** Units of vocational qualifications: thousands over every qualification, so a provider imports its own (qualification-unit-file.ts). */
  tutkinnonosat: { file: null, educationForm: 'vocational', creditUnit: 'osp', defaultCredits: null, defaultField: null, subjectOf: () => undefined },
} as const satisfies Record<string, NationalCodeSet>;

export type CodeSetName = keyof typeof NATIONAL_CODE_SETS;
export const CODE_SET_NAMES = Object.keys(NATIONAL_CODE_SETS) as [CodeSetName, ...CodeSetName[]];
/** The sets Tarjotin ships a copy of, importable without a file. */
export type BundledCodeSetName = { [N in CodeSetName]: (typeof NATIONAL_CODE_SETS)[N]['file'] extends string ? N : never }[CodeSetName];
export const BUNDLED_CODE_SET_NAMES = CODE_SET_NAMES.filter((name) => NATIONAL_CODE_SETS[name].file !== null) as [BundledCodeSetName, ...BundledCodeSetName[]];

export const nationalImportSchema = z.object({
  regionId: idSchema,
  codeSet: z.enum(BUNDLED_CODE_SET_NAMES),
  /** Only these codes of the set; all of them when left out. */
  codes: z.array(z.string().trim().min(1).max(40)).min(1).max(5000).optional(),
});

/** A code of a set as a course: its names, and what the importer's file adds (a unit's osp, its qualification, field). */
export interface NationalCourse extends CodeElement {
  credits?: number;
  field?: Field;
  qualification?: string;
  /** The file's row, for a problem's place. */
  row?: number;
}

/** What a whole import gives the new courses that do not say it themselves. */
export interface NationalCourseDefaults {
  credits?: number;
  field?: Field;
  qualification?: string;
}

export interface CodeSetImportCounts {
  created: number;
  /** Existing courses of these codes whose names changed (or that were local and now follow the set). */
  updated: number;
  unchanged: number;
}

/** The bundled copy of a national code set. */
export const bundledCodeSet = (name: BundledCodeSetName) => readKoodistoCodeSet(readReferenceFile(NATIONAL_CODE_SETS[name].file));

/** The elements asked for, in the set's order; codes not in the set are field errors at body.codes.N. */
export function selectCodes(elements: CodeElement[], codes: string[] | undefined): CodeElement[] {
  if (!codes) return elements;
  const byCode = new Map(elements.map((e) => [e.code, e]));
  const unknown = codes.flatMap((code, index) => (byCode.has(code) ? [] : [{ path: `body.codes.${index}`, code: 'unknown_code', message: `${code} is not in the code set` }]));
  if (unknown.length > 0) throw badRequest(unknown, 'Some codes are not in the code set');
  const wanted = new Set(codes);
  return elements.filter((e) => wanted.has(e.code));
}

/**
 * Writes a code set's elements as the region's courses, named as the set names them: a new code
 * becomes a course; an existing course of the code takes the set's names (a local course of a
 * national code starts to follow the set), and the scope, field and qualification the file gives
 * (an import that gives none keeps them). A new course needs a scope and field: from its row, the
 * import's defaults or the set's; a code lacking one is a row error and nothing is written.
 * Authorization is the caller's; `db` may be the caller's transaction, and the whole import is
 * one write or none.
 */
export async function writeNationalCourses(
  db: Db,
  actor: AuditActor,
  regionId: number,
  setName: CodeSetName,
  elements: NationalCourse[],
  defaults: NationalCourseDefaults = {},
): Promise<CodeSetImportCounts> {
  const set: NationalCodeSet = NATIONAL_CODE_SETS[setName];
  const existing = new Map(
    elements.length === 0
      ? []
      : (
          await db
            .selectFrom('course')
            .select(['id', 'code', 'name_fi', 'name_sv', 'name_en', 'name_source', 'code_set', 'code_uri', 'qualification', 'credits', 'field'])
            .where('region_id', '=', regionId)
            .where('code', 'in', elements.map((e) => e.code))
            .execute()
        ).map((c) => [c.code, c]),
  );
  const searchText = (e: CodeElement, qualification: string | null) => {
    const subject = set.subjectOf(e.code);
    return foldForSearch([e.code, e.fi, e.sv, e.en, subject?.fi, subject?.sv, subject?.en, qualification].filter(Boolean).join(' '));
  };
  const fresh = elements
    .filter((e) => !existing.has(e.code))
    .map((e) => ({
      element: e,
      credits: e.credits ?? defaults.credits ?? set.defaultCredits,
      field: e.field ?? defaults.field ?? set.subjectOf(e.code)?.field ?? set.defaultField,
      qualification: e.qualification ?? defaults.qualification ?? null,
    }));
  const issues = fresh.flatMap(({ element, credits, field }) => [
    ...(credits === null ? [{ path: 'credits', row: element.row, code: 'required', message: `${element.code} is new: its scope (${set.creditUnit}) is needed` }] : []),
    ...(field === null ? [{ path: 'field', row: element.row, code: 'required', message: `${element.code} is new: its field of education (koulutusala, 00–10) is needed` }] : []),
  ]);
  if (issues.length > 0) throw refusedImport(issues, 'no course was imported');

  const counts: CodeSetImportCounts = { created: 0, updated: 0, unchanged: 0 };
  if (fresh.length > 0) {
    await db
      .insertInto('course')
      .values(
        fresh.map(({ element: e, credits, field, qualification }) => ({
          region_id: regionId,
          code: e.code,
          name_fi: e.fi,
          name_sv: e.sv,
          name_en: e.en,
          education_form: set.educationForm,
          field: field!,
          credits: credits!,
          credit_unit: set.creditUnit,
          qualification,
          search_text: searchText(e, qualification),
          name_source: 'national' as const,
          code_set: setName,
          code_uri: e.uri,
        })),
      )
      .execute();
    counts.created = fresh.length;
  }
  for (const e of elements) {
    const course = existing.get(e.code);
    if (!course) continue;
    const change = {
      name_fi: e.fi,
      name_sv: e.sv,
      name_en: e.en,
      name_source: 'national' as const,
      code_set: setName,
      code_uri: e.uri,
      credits: e.credits ?? course.credits,
      field: e.field ?? course.field,
      qualification: e.qualification ?? course.qualification,
    };
    const same = (Object.keys(change) as (keyof typeof change)[]).every((key) => course[key] === change[key]);
    if (same) {
      counts.unchanged += 1;
      continue;
    }
    await db
      .updateTable('course')
      .set({ ...change, search_text: searchText(e, change.qualification) })
      .where('id', '=', course.id)
      .execute();
    counts.updated += 1;
  }
  await recordAudit(db, actor, 'import_code_set', { regionId, detail: { codeSet: setName, ...counts } });
  return counts;
}
