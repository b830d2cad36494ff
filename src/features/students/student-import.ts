import type { Db } from '../../server/db/database.js';
import { inTransaction } from '../../server/db/transaction.js';
import { badRequest, forbidden, notFound, type FieldIssue } from '../../server/http/errors.js';
import { refusedImport, type TableRecord } from '../../server/files/table-records.js';
import { NO_PASSWORD } from '../auth/password.js';
import { canManageStudents, type SessionUser } from '../auth/roles.js';
import { areaReader } from '../population/population-areas.js';
import { recordAudit } from '../privacy/audit-log.js';
import { readFormerMunicipalities } from '../region/reference-data.js';
import { readStudentRecords, type ImportedStudent } from './student-file.js';

export interface StudentImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** The school whose students these are, if the user may manage them (404 for no school, 403 for another's). */
export async function requireStudentSchool(db: Db, user: SessionUser, organizationId: number) {
  const school = await db.selectFrom('organization').select(['id', 'region_id', 'kind', 'name']).where('id', '=', organizationId).executeTakeFirst();
  if (!school) throw notFound('Organization');
  if (!canManageStudents(user, { id: school.id, regionId: school.region_id })) throw forbidden('Only the school\'s counsellors and its region\'s admins manage its students');
  if (school.kind !== 'school') throw badRequest([{ path: 'params.id', code: 'not_a_school', message: 'students belong to a school' }]);
  return { id: school.id, regionId: school.region_id };
}

const refused = (issues: FieldIssue[]) => refusedImport(issues, 'no student was imported');

/** Reads the file's municipality labels: codes or names, former municipalities as the one they joined. */
async function municipalityReader(db: Db) {
  const municipalities = await db.selectFrom('municipality').select(['code', 'name_fi', 'name_sv', 'maakunta_name_fi']).execute();
  const areaOf = areaReader({ municipalities, formerMunicipalities: readFormerMunicipalities() });
  return (label: string) => {
    const area = areaOf(label);
    return area.kind === 'municipality' ? area.code : undefined;
  };
}

/**
 * Imports a school's students from its administration system's export: all rows or none. A
 * student already in the school — by student number, else by e-mail — is updated, not
 * duplicated; an e-mail of someone else's account is a row error. New students get an account
 * without a password (they set one by a reset link, or sign in by single sign-on).
 */
export async function importStudents(db: Db, user: SessionUser, school: { id: number; regionId: number }, records: TableRecord[]): Promise<StudentImportCounts> {
  const { students, issues } = readStudentRecords(records, await municipalityReader(db));
  if (issues.length > 0) throw refused(issues);
  return inTransaction(db, async (tx) => {
    const matches = await matchAccounts(tx, school, students);
    if (matches.issues.length > 0) throw refused(matches.issues);
    const counts: StudentImportCounts = { created: 0, updated: 0, unchanged: 0 };
    for (const student of students) {
      const existing = matches.accountOf.get(student.row);
      const id = existing ? existing.id : await createStudent(tx, school, student);
      const changed = existing ? await updateStudent(tx, existing, student) : false;
      const rightsChanged = await writeStudyRights(tx, school.regionId, id, student);
      if (!existing) counts.created += 1;
      else if (changed || rightsChanged) counts.updated += 1;
      else counts.unchanged += 1;
    }
    await recordAudit(tx, { kind: 'person', user }, 'import_students', { regionId: school.regionId, detail: { organizationId: school.id, ...counts } });
    return counts;
  });
}

type Account = { id: number; email: string; name: string; role: string; organization_id: number | null; student_number: string | null; birth_date: string | null; home_municipality_code: string | null };

/** Each row's account, if it has one: by the school's student number, else by e-mail; rows whose keys point at other people's accounts are issues. */
async function matchAccounts(tx: Db, school: { id: number }, students: ImportedStudent[]) {
  const columns = ['id', 'email', 'name', 'role', 'organization_id', 'student_number', 'birth_date', 'home_municipality_code'] as const;
  const numbers = students.flatMap((s) => (s.studentNumber ? [s.studentNumber] : []));
  const byNumber = new Map(
    numbers.length === 0 ? [] : (await tx.selectFrom('app_user').select(columns).where('organization_id', '=', school.id).where('student_number', 'in', numbers).execute()).map((a) => [a.student_number!, a as Account]),
  );
  const byEmail = new Map((await tx.selectFrom('app_user').select(columns).where('email', 'in', students.map((s) => s.email)).execute()).map((a) => [a.email, a as Account]));
  const accountOf = new Map<number, Account>();
  const claimed = new Map<number, number>();
  const issues: FieldIssue[] = [];
  for (const student of students) {
    const numbered = student.studentNumber ? byNumber.get(student.studentNumber) : undefined;
    const mailed = byEmail.get(student.email);
    if (mailed && (mailed.role !== 'student' || mailed.organization_id !== school.id)) {
      issues.push({ path: 'email', row: student.row, code: 'email_taken', message: `${student.email} is the address of another account (not a student of this school)` });
    } else if (numbered && mailed && numbered.id !== mailed.id) {
      issues.push({ path: 'email', row: student.row, code: 'email_taken', message: `${student.email} is another student's address` });
    } else if (numbered ?? mailed) {
      const account = (numbered ?? mailed)!;
      // One row's number and another's address can point at one account: two students would become one.
      const claimedBy = claimed.get(account.id);
      if (claimedBy !== undefined) issues.push({ path: 'studentNumber', row: student.row, code: 'duplicate', message: `row ${claimedBy} is the same student (by student number or e-mail)` });
      else claimed.set(account.id, student.row);
      accountOf.set(student.row, account);
    }
  }
  return { accountOf, issues };
}

async function createStudent(tx: Db, school: { id: number; regionId: number }, student: ImportedStudent) {
  const { id } = await tx
    .insertInto('app_user')
    .values({
      email: student.email,
      name: student.name,
      password_hash: NO_PASSWORD,
      role: 'student',
      region_id: school.regionId,
      organization_id: school.id,
      home_municipality_code: student.homeMunicipalityCode,
      student_number: student.studentNumber,
      birth_date: student.birthDate,
      erased_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Takes the file's values; what the file leaves empty (a home municipality, a date of birth) stays as it was. */
async function updateStudent(tx: Db, account: Account, student: ImportedStudent) {
  const next = {
    email: student.email,
    name: student.name,
    student_number: student.studentNumber ?? account.student_number,
    birth_date: student.birthDate ?? account.birth_date,
    home_municipality_code: student.homeMunicipalityCode ?? account.home_municipality_code,
  };
  const changed = (Object.keys(next) as (keyof typeof next)[]).some((key) => next[key] !== account[key]);
  if (changed) await tx.updateTable('app_user').set(next).where('id', '=', account.id).execute();
  return changed;
}

/** One study right of each kind per student: the file's qualification and start date replace the kept ones. */
async function writeStudyRights(tx: Db, regionId: number, studentId: number, student: ImportedStudent) {
  const kept = new Map((await tx.selectFrom('study_right').select(['kind', 'qualification', 'start_date']).where('student_id', '=', studentId).execute()).map((r) => [r.kind, r]));
  let changed = false;
  for (const right of student.studyRights) {
    const old = kept.get(right.kind);
    if (old && old.qualification === right.qualification && (right.startDate === null || old.start_date === right.startDate)) continue;
    changed = true;
    await tx
      .insertInto('study_right')
      .values({ region_id: regionId, student_id: studentId, kind: right.kind, qualification: right.qualification, target_credits: right.targetCredits, start_date: right.startDate })
      .onConflict((conflict) =>
        conflict.columns(['student_id', 'kind']).doUpdateSet((eb) => ({ qualification: eb.ref('excluded.qualification'), start_date: eb.fn.coalesce('excluded.start_date', 'study_right.start_date') })),
      )
      .execute();
  }
  return changed;
}

