import { z } from 'zod';
import type { Db } from '../../server/db/database.js';
import { badRequest, forbidden, HttpError, notFound } from '../../server/http/errors.js';
import { idSchema } from '../../server/http/input-schemas.js';
import { canEditRegionCourses, type SessionUser } from '../auth/roles.js';
import { recordAudit, type AuditActor } from '../privacy/audit-log.js';
import { foldForSearch } from './search-text.js';
import { EDUCATION_FORMS, FIELDS } from './vocabulary.js';

/** Vocational qualification units are measured in osaamispisteet, everything else in opintopisteet. */
const creditUnitMatchesForm = (course: { educationForm: string; creditUnit: string }) => (course.educationForm === 'vocational') === (course.creditUnit === 'osp');
const CREDIT_UNIT_MESSAGE = 'vocational units are measured in osp, other courses in op';

const creditsSchema = z.number().positive().max(300);

export const localCourseSchema = z
  .object({
    regionId: idSchema,
    code: z.string().trim().regex(/^[\p{L}\p{N}][\p{L}\p{N}._-]{0,39}$/u, 'letters, digits, ".", "_" and "-", at most 40'),
    nameFi: z.string().trim().min(2).max(200),
    nameSv: z.string().trim().max(200).optional(),
    nameEn: z.string().trim().max(200).optional(),
    educationForm: z.enum(EDUCATION_FORMS),
    field: z.enum(FIELDS),
    credits: creditsSchema,
    creditUnit: z.enum(['op', 'osp']),
    qualification: z.string().trim().max(200).optional(),
  })
  .refine(creditUnitMatchesForm, { path: ['creditUnit'], message: CREDIT_UNIT_MESSAGE, params: { code: 'credit_unit_of_form' } });

export const coursePatchSchema = z.object({ credits: creditsSchema });

/** The region must exist (else a field error) and the user may edit its courses (else 403). */
export async function requireCourseRegion(db: Db, user: SessionUser, regionId: number, path = 'body.regionId') {
  const region = await db.selectFrom('region').select('id').where('id', '=', regionId).executeTakeFirst();
  if (!region) throw badRequest([{ path, code: 'unknown_region', message: 'no such region' }]);
  if (!canEditRegionCourses(user, regionId)) throw forbidden('You may only add courses to your own region');
}

/**
 * Adds a provider's own course (paikallinen), under a code no course of the region has (409).
 * Authorization is the caller's (requireCourseRegion); `db` may be the caller's transaction.
 */
export async function addLocalCourse(db: Db, actor: AuditActor, input: z.infer<typeof localCourseSchema>) {
  const names = { fi: input.nameFi, sv: input.nameSv || input.nameFi, en: input.nameEn || input.nameFi };
  const inserted = await db
    .insertInto('course')
    .values({
      region_id: input.regionId,
      code: input.code,
      name_fi: names.fi,
      name_sv: names.sv,
      name_en: names.en,
      education_form: input.educationForm,
      field: input.field,
      credits: input.credits,
      credit_unit: input.creditUnit,
      qualification: input.qualification || null,
      search_text: foldForSearch([input.code, names.fi, names.sv, names.en, input.qualification ?? ''].join(' ')),
      name_source: 'local',
    })
    .onConflict((conflict) => conflict.columns(['region_id', 'code']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) {
    throw new HttpError(409, 'duplicate', 'The region has a course of this code already', [{ path: 'body.code', code: 'code_in_use', message: 'code in use' }]);
  }
  await recordAudit(db, actor, 'create_course', { regionId: input.regionId, detail: { courseId: inserted.id } });
  return { id: inserted.id };
}

/** The course, if the user may change it (404 if there is none, 403 if it is another region's). */
export async function requireEditableCourse(db: Db, user: SessionUser, courseId: number) {
  const course = await db.selectFrom('course').select(['id', 'region_id']).where('id', '=', courseId).executeTakeFirst();
  if (!course) throw notFound('Course');
  if (!canEditRegionCourses(user, course.region_id)) throw forbidden('You may only change courses of your own region');
  return { id: course.id, regionId: course.region_id };
}

/**
 * Sets a course's scope. National code sets carry none, so an imported module starts at the
 * common 2 op and its provider corrects it (MAA2 is 3 op).
 */
export async function setCourseCredits(db: Db, actor: AuditActor, course: { id: number; regionId: number }, input: z.infer<typeof coursePatchSchema>) {
  await db.updateTable('course').set({ credits: input.credits }).where('id', '=', course.id).execute();
  await recordAudit(db, actor, 'change_course', { regionId: course.regionId, detail: { courseId: course.id, credits: input.credits } });
}
