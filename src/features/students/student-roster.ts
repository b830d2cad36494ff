import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../server/db/database.js';
import { badRequest, HttpError, isUniqueViolation, notFound } from '../../server/http/errors.js';
import { accountEmailSchema } from '../../server/http/input-schemas.js';
import { canManageStudents, type SessionUser } from '../auth/roles.js';
import { deleteUserSessions } from '../auth/sessions.js';
import { likePattern } from '../catalog/search-text.js';
import { recordAudit } from '../privacy/audit-log.js';
import { municipalityCodeSchema } from '../region/municipality-code.js';
import { findMunicipality } from '../region/region-queries.js';
import { readDate } from './student-file.js';

export const STUDENTS_PAGE_SIZE = 50;

const dateSchema = z.string().refine((text) => readDate(text) !== null, { message: 'a date (2008-12-31 or 31.12.2008)' }).transform((text) => readDate(text)!);

/** A counsellor's correction of what the school's system gave: any of the fields, at least one. */
export const studentCorrectionSchema = z
  .object({
    name: z.string().trim().min(2).max(200).optional(),
    email: accountEmailSchema.optional(),
    studentNumber: z.string().trim().min(1).max(40).nullable().optional(),
    birthDate: dateSchema.nullable().optional(),
    homeMunicipalityCode: municipalityCodeSchema.nullable().optional(),
  })
  .refine((c) => Object.keys(c).length > 0, { message: 'give at least one field to correct' });

/** A school's students by name, 50 a page, with their study rights; reading the list is in the audit trail. */
export async function listStudents(db: Db, user: SessionUser, school: { id: number; regionId: number }, filter: { q?: string; page: number }) {
  let query = db.selectFrom('app_user as u').where('u.organization_id', '=', school.id).where('u.role', '=', 'student').where('u.erased_at', 'is', null);
  for (const word of (filter.q ?? '').toLowerCase().split(/\s+/).filter(Boolean)) {
    const pattern = likePattern(word);
    query = query.where(sql<boolean>`(lower(u.name) like ${pattern} or u.email like ${pattern} or lower(coalesce(u.student_number, '')) like ${pattern})`);
  }
  const [rows, count] = await Promise.all([
    query
      .select(['u.id', 'u.name', 'u.email', 'u.student_number', 'u.birth_date', 'u.home_municipality_code', 'u.deactivated_at'])
      .orderBy('u.name')
      .orderBy('u.id')
      .limit(STUDENTS_PAGE_SIZE)
      .offset((filter.page - 1) * STUDENTS_PAGE_SIZE)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const rights = rows.length === 0 ? [] : await db.selectFrom('study_right').select(['student_id', 'kind', 'qualification', 'start_date']).where('student_id', 'in', rows.map((r) => r.id)).orderBy('kind').execute();
  await recordAudit(db, { kind: 'person', user }, 'read_students', { regionId: school.regionId, detail: { organizationId: school.id, count: rows.length } });
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      studentNumber: r.student_number,
      birthDate: r.birth_date,
      homeMunicipalityCode: r.home_municipality_code,
      active: r.deactivated_at === null,
      studyRights: rights.filter((s) => s.student_id === r.id).map((s) => ({ kind: s.kind, qualification: s.qualification, startDate: s.start_date })),
    })),
    total: Number(count.n),
    page: filter.page,
    pageSize: STUDENTS_PAGE_SIZE,
  };
}

/**
 * Corrects a student's details. To anyone who may not manage the student's school the student
 * does not exist (404), as with plans. An e-mail or student number another account holds is a 409.
 */
export async function correctStudent(db: Db, user: SessionUser, studentId: number, correction: z.infer<typeof studentCorrectionSchema>) {
  const student = await db.selectFrom('app_user').select(['id', 'organization_id', 'region_id']).where('id', '=', studentId).where('role', '=', 'student').where('erased_at', 'is', null).executeTakeFirst();
  if (!student || student.organization_id === null || student.region_id === null || !canManageStudents(user, { id: student.organization_id, regionId: student.region_id })) throw notFound('Student');
  if (correction.homeMunicipalityCode && !(await findMunicipality(db, correction.homeMunicipalityCode))) {
    throw badRequest([{ path: 'body.homeMunicipalityCode', code: 'unknown_municipality', message: 'no such municipality' }]);
  }
  const set = {
    ...(correction.name !== undefined && { name: correction.name }),
    ...(correction.email !== undefined && { email: correction.email }),
    ...(correction.studentNumber !== undefined && { student_number: correction.studentNumber }),
    ...(correction.birthDate !== undefined && { birth_date: correction.birthDate }),
    ...(correction.homeMunicipalityCode !== undefined && { home_municipality_code: correction.homeMunicipalityCode }),
  };
  try {
    await db.transaction().execute(async (tx) => {
      const before = await tx.selectFrom('app_user').select('email').where('id', '=', studentId).executeTakeFirstOrThrow();
      await tx.updateTable('app_user').set(set).where('id', '=', studentId).execute();
      // A new address is where reset links go from now on: sessions begun under the old one end.
      if (correction.email !== undefined && correction.email !== before.email) await deleteUserSessions(tx, studentId);
      await recordAudit(tx, { kind: 'person', user }, 'change_student', { subjectId: studentId, regionId: student.region_id, detail: { fields: Object.keys(correction).length } });
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const field = String((error as { constraint?: string }).constraint ?? '').includes('student_number') ? 'studentNumber' : 'email';
    throw new HttpError(409, 'duplicate', `Another account has this ${field === 'email' ? 'e-mail address' : 'student number'}`, [{ path: `body.${field}`, code: 'duplicate', message: 'in use' }]);
  }
}
