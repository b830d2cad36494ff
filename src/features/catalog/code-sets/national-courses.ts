import { z } from 'zod';
import type { Db } from '../../../server/db/database.js';
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
  /** The copy bundled in data/reference/ (data/SOURCES.md). */
  file: string;
  educationForm: EducationForm;
  creditUnit: 'op' | 'osp';
  /** The scope a new course starts at: the set carries none (course-writes: setCourseCredits). */
  defaultCredits: number;
  subjectOf: (code: string) => { fi: string; sv: string; en: string; field: Field } | undefined;
}

export const NATIONAL_CODE_SETS = {
  moduulikoodistolops2021: { file: 'moduulikoodistolops2021.json', educationForm: 'general_upper_secondary', creditUnit: 'op', defaultCredits: 2, subjectOf: lukioSubjectOf },
} as const satisfies Record<string, NationalCodeSet>;

export type CodeSetName = keyof typeof NATIONAL_CODE_SETS;
export const CODE_SET_NAMES = Object.keys(NATIONAL_CODE_SETS) as [CodeSetName, ...CodeSetName[]];

export const nationalImportSchema = z.object({
  regionId: idSchema,
  codeSet: z.enum(CODE_SET_NAMES),
  /** Only these codes of the set; all of them when left out. */
  codes: z.array(z.string().trim().min(1).max(40)).min(1).max(5000).optional(),
});

export interface CodeSetImportCounts {
  created: number;
  /** Existing courses of these codes whose names changed (or that were local and now follow the set). */
  updated: number;
  unchanged: number;
}

/** The bundled copy of a national code set. */
export const bundledCodeSet = (name: CodeSetName) => readKoodistoCodeSet(readReferenceFile(NATIONAL_CODE_SETS[name].file));

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
 * national code starts to follow the set), keeping its scope and field. Authorization is the
 * caller's; `db` may be the caller's transaction, and the whole import is one write or none.
 */
export async function writeNationalCourses(db: Db, actor: AuditActor, regionId: number, setName: CodeSetName, elements: CodeElement[]): Promise<CodeSetImportCounts> {
  const set: NationalCodeSet = NATIONAL_CODE_SETS[setName];
  const existing = new Map(
    elements.length === 0
      ? []
      : (
          await db
            .selectFrom('course')
            .select(['id', 'code', 'name_fi', 'name_sv', 'name_en', 'name_source', 'code_set', 'code_uri', 'qualification'])
            .where('region_id', '=', regionId)
            .where('code', 'in', elements.map((e) => e.code))
            .execute()
        ).map((c) => [c.code, c]),
  );
  const searchText = (e: CodeElement, qualification: string | null) => {
    const subject = set.subjectOf(e.code);
    return foldForSearch([e.code, e.fi, e.sv, e.en, subject?.fi, subject?.sv, subject?.en, qualification].filter(Boolean).join(' '));
  };
  const counts: CodeSetImportCounts = { created: 0, updated: 0, unchanged: 0 };
  const fresh = elements.filter((e) => !existing.has(e.code));
  if (fresh.length > 0) {
    await db
      .insertInto('course')
      .values(
        fresh.map((e) => ({
          region_id: regionId,
          code: e.code,
          name_fi: e.fi,
          name_sv: e.sv,
          name_en: e.en,
          education_form: set.educationForm,
          field: set.subjectOf(e.code)?.field ?? '00',
          credits: set.defaultCredits,
          credit_unit: set.creditUnit,
          search_text: searchText(e, null),
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
    const same = course.name_fi === e.fi && course.name_sv === e.sv && course.name_en === e.en && course.name_source === 'national' && course.code_set === setName && course.code_uri === e.uri;
    if (same) {
      counts.unchanged += 1;
      continue;
    }
    await db
      .updateTable('course')
      .set({ name_fi: e.fi, name_sv: e.sv, name_en: e.en, name_source: 'national', code_set: setName, code_uri: e.uri, search_text: searchText(e, course.qualification) })
      .where('id', '=', course.id)
      .execute();
    counts.updated += 1;
  }
  await recordAudit(db, actor, 'import_code_set', { regionId, detail: { codeSet: setName, ...counts } });
  return counts;
}
