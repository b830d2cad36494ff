import type { Db } from '../../server/db/database.js';
import { notFound } from '../../server/http/errors.js';
import { administeredRegions, type SessionUser } from '../auth/roles.js';
import { auditStudentRead, recordAudit } from '../privacy/audit-log.js';
import { allowedSteps, type EnrolmentStatus } from './enrolment-states.js';
import { concernedActors } from './enrolment-service.js';

function enrolmentRows(db: Db) {
  return db
    .selectFrom('enrolment as e')
    .innerJoin('offering as o', 'o.id', 'e.offering_id')
    .innerJoin('course as c', 'c.id', 'o.course_id')
    .innerJoin('organization as p', 'p.id', 'o.provider_id')
    .innerJoin('app_user as u', 'u.id', 'e.student_id')
    .leftJoin('organization as home', 'home.id', 'u.organization_id')
    .select([
      'e.id',
      'e.status',
      'e.student_id',
      'e.region_id',
      'e.grade',
      'e.credits',
      'e.completed_on',
      'e.created_at',
      'e.updated_at',
      'o.id as offering_id',
      'o.provider_id',
      'c.code as course_code',
      'c.name_fi as course_name_fi',
      'c.name_sv as course_name_sv',
      'c.name_en as course_name_en',
      'c.credit_unit',
      'p.name as provider_name',
      'u.name as student_name',
      'home.name as home_school_name',
    ]);
}
type EnrolmentRow = Awaited<ReturnType<ReturnType<typeof enrolmentRows>['executeTakeFirstOrThrow']>>;

function enrolmentDto(row: EnrolmentRow) {
  return {
    id: row.id,
    status: row.status as EnrolmentStatus,
    offering: { id: row.offering_id, courseCode: row.course_code, courseNameFi: row.course_name_fi, courseNameSv: row.course_name_sv, courseNameEn: row.course_name_en, creditUnit: row.credit_unit },
    host: { id: row.provider_id, name: row.provider_name },
    student: { id: row.student_id, name: row.student_name, homeSchool: row.home_school_name },
    completion: row.grade === null ? null : { grade: row.grade, credits: row.credits, completedOn: row.completed_on },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** One enrolment with its audit log and the steps open to the user; 404 to anyone it does not concern. */
export async function findEnrolment(db: Db, user: SessionUser, id: number) {
  const row = await enrolmentRows(db).where('e.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Enrolment');
  const actors = await concernedActors(db, user, row);
  await auditStudentRead(db, user, 'read_enrolment', { id: row.student_id, regionId: row.region_id }, { enrolment: row.id });
  const events = await db
    .selectFrom('enrolment_event as ev')
    .leftJoin('app_user as a', 'a.id', 'ev.actor_id')
    .select(['ev.id', 'ev.from_status', 'ev.to_status', 'ev.reason', 'ev.at', 'a.name as actor_name'])
    .where('ev.enrolment_id', '=', id)
    .orderBy('ev.id')
    .execute();
  return {
    ...enrolmentDto(row),
    allowedSteps: allowedSteps(row.status as EnrolmentStatus, actors),
    events: events.map((e) => ({ id: e.id, from: e.from_status, to: e.to_status, reason: e.reason, at: e.at, actor: e.actor_name })),
  };
}

/** The enrolments that concern the user: their own, their school's students', their organization's offerings'. */
export async function listEnrolments(db: Db, user: SessionUser, page: { limit: number; offset: number; status?: string }) {
  let query = enrolmentRows(db);
  if (user.role === 'student') query = query.where('e.student_id', '=', user.id);
  else if (user.role === 'counsellor') query = query.where('u.organization_id', '=', user.organizationId);
  else if (user.role === 'coordinator') query = query.where('o.provider_id', '=', user.organizationId);
  else {
    const regions = administeredRegions(user);
    if (regions !== 'all') {
      if (regions.length === 0) return { items: [], total: 0 };
      query = query.where('e.region_id', 'in', regions);
    }
  }
  if (page.status) query = query.where('e.status', '=', page.status);
  const [rows, count] = await Promise.all([
    query.orderBy('e.updated_at', 'desc').orderBy('e.id', 'desc').limit(page.limit).offset(page.offset).execute(),
    query.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  // A list shows other students' enrolments to counsellors, hosts and admins: one audit row per student seen.
  const others = [...new Map(rows.filter((r) => !(user.role === 'student' && r.student_id === user.id)).map((r) => [r.student_id, r])).values()];
  if (others.length > 0) {
    const subjects = others.map((row) => ({ subjectId: row.student_id, regionId: row.region_id, detail: { enrolments: rows.filter((r) => r.student_id === row.student_id).map((r) => r.id) } }));
    await recordAudit(db, { kind: 'person', user }, 'read_enrolments', ...subjects);
  }
  return { items: rows.map(enrolmentDto), total: Number(count.n) };
}
