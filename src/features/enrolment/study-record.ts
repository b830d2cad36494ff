import type { Db } from '../../server/db/database.js';
import { writeCsv } from '../../server/files/table-file.js';
import { notFound } from '../../server/http/errors.js';
import { studentAccess, type SessionUser } from '../auth/roles.js';
import { auditStudentRead } from '../privacy/audit-log.js';

export interface RecordEntry {
  student: string;
  courseCode: string;
  courseName: string;
  credits: number;
  creditUnit: string;
  grade: string;
  completedOn: string;
  hostProvider: string;
}

/** The record is read by those who may read the student's plan (roles.ts); to others the student is not found. */
async function canReadRecord(db: Db, user: SessionUser, studentId: number) {
  const student = await db.selectFrom('app_user').select(['organization_id', 'region_id', 'role']).where('id', '=', studentId).executeTakeFirst();
  const readable = student && studentAccess(user, { id: studentId, organizationId: student.organization_id, regionId: student.region_id }).read;
  if (!student || student.role !== 'student' || !readable) throw notFound('Student');
  await auditStudentRead(db, user, 'read_record', { id: studentId, regionId: student.region_id });
}

/** Credits completed at partner providers, for the home school's records. */
export async function studyRecord(db: Db, user: SessionUser, studentId: number): Promise<RecordEntry[]> {
  await canReadRecord(db, user, studentId);
  const rows = await db
    .selectFrom('enrolment as e')
    .innerJoin('offering as o', 'o.id', 'e.offering_id')
    .innerJoin('course as c', 'c.id', 'o.course_id')
    .innerJoin('organization as p', 'p.id', 'o.provider_id')
    .innerJoin('app_user as u', 'u.id', 'e.student_id')
    .select(['u.name as student', 'c.code', 'c.name_fi', 'e.credits', 'c.credit_unit', 'e.grade', 'e.completed_on', 'p.name as provider'])
    .where('e.student_id', '=', studentId)
    .where('e.status', '=', 'completed')
    .orderBy('e.completed_on')
    .orderBy('e.id')
    .execute();
  return rows.map((r) => ({
    student: r.student,
    courseCode: r.code,
    courseName: r.name_fi,
    credits: r.credits ?? 0,
    creditUnit: r.credit_unit,
    grade: r.grade ?? '',
    completedOn: r.completed_on ?? '',
    hostProvider: r.provider,
  }));
}

export function studyRecordCsv(entries: RecordEntry[]): Buffer {
  return writeCsv(entries, [
      { key: 'student', header: 'student' },
      { key: 'courseCode', header: 'course_code' },
      { key: 'courseName', header: 'course_name' },
      { key: 'credits', header: 'credits' },
      { key: 'creditUnit', header: 'credit_unit' },
      { key: 'grade', header: 'grade' },
      { key: 'completedOn', header: 'completed_on' },
      { key: 'hostProvider', header: 'host_provider' },
  ]);
}
