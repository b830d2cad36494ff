import type { Db } from '../../server/db/database.js';
import { inTransaction } from '../../server/db/transaction.js';
import { badRequest, forbidden, notFound } from '../../server/http/errors.js';
import { studentAccess, type SessionUser } from '../auth/roles.js';
import { auditStudentRead } from '../privacy/audit-log.js';
import type { OfferingDto } from '../catalog/offering-dto.js';
import { findOfferings } from '../catalog/offering-search.js';
import { clashesIn } from '../timetable/clashes.js';
import { DEFAULT_TRAVEL_PARAMETERS, siteToSiteMinutes, travelParametersOf, type TravelEstimateParameters } from '../travel/estimate.js';
import type { SiteTravelTimes } from '../travel/site-travel-times.js';
import { creditsTowardRights, type StudyRight } from './plan-summary.js';

const CLOSED = ['rejected', 'cancelled', 'dropped'];

/** The student and what the user may do with their plan; a student the user may not see is not found. */
async function studentOf(db: Db, user: SessionUser, studentId: number) {
  const student = await db
    .selectFrom('app_user')
    .select(['id', 'name', 'role', 'organization_id', 'region_id', 'home_municipality_code'])
    .where('id', '=', studentId)
    .executeTakeFirst();
  const access = student && studentAccess(user, { id: student.id, organizationId: student.organization_id, regionId: student.region_id });
  if (!student || student.role !== 'student' || !access?.read) throw notFound('Student');
  return { student, access };
}

/** Site-to-site minutes with the estimate of the sites' region (the planned offerings give the points). */
const siteTravel = (offerings: OfferingDto[], parameters: TravelEstimateParameters) =>
  siteToSiteMinutes(new Map(offerings.flatMap((o) => (o.site ? [[o.site.id, o.site] as const] : []))), parameters);

export async function getStudyPlan(db: Db, travelTimes: SiteTravelTimes, user: SessionUser, studentId: number) {
  const { student, access: rights } = await studentOf(db, user, studentId);
  await auditStudentRead(db, user, 'read_plan', { id: student.id, regionId: student.region_id });
  const [studyRights, items, enrolments, comments, region] = await Promise.all([
    db.selectFrom('study_right').selectAll().where('student_id', '=', studentId).orderBy('kind').execute(),
    db.selectFrom('plan_item').select('offering_id').where('student_id', '=', studentId).execute(),
    db.selectFrom('enrolment').select(['id', 'offering_id', 'status', 'credits']).where('student_id', '=', studentId).orderBy('id').execute(),
    db
      .selectFrom('plan_comment as c')
      .innerJoin('app_user as a', 'a.id', 'c.author_id')
      .select(['c.id', 'c.body', 'c.at', 'a.name as author'])
      .where('c.student_id', '=', studentId)
      .orderBy('c.id')
      .execute(),
    db.selectFrom('region').selectAll().where('id', '=', student.region_id ?? -1).executeTakeFirst(),
  ]);
  const latest = new Map(enrolments.map((e) => [e.offering_id, e]));
  const completedOutsidePlan = enrolments.filter((e) => e.status === 'completed' && !items.some((i) => i.offering_id === e.offering_id));
  const offerings = await findOfferings(db, travelTimes, [...items.map((i) => i.offering_id), ...completedOutsidePlan.map((e) => e.offering_id)], student.home_municipality_code);
  const planned = offerings.filter((o) => items.some((i) => i.offering_id === o.id));
  const parameters = region ? travelParametersOf(region) : DEFAULT_TRAVEL_PARAMETERS;
  const clashes = clashesIn(
    planned.map((o) => ({ id: o.id, mode: o.mode, periods: o.periods, timeSlots: o.timeSlots, siteId: o.site?.id ?? null })),
    siteTravel(planned, parameters),
  );
  const courseCredits = offerings.map((o) => {
    const enrolment = latest.get(o.id);
    const completed = enrolment?.status === 'completed';
    return { educationForm: o.course.educationForm, credits: completed ? (enrolment?.credits ?? o.course.credits) : o.course.credits, completed };
  });
  return {
    student: { id: student.id, name: student.name, homeMunicipalityCode: student.home_municipality_code },
    canEdit: rights.edit,
    canComment: rights.comment,
    studyRights: creditsTowardRights(studyRights.map((r) => ({ kind: r.kind as StudyRight['kind'], targetCredits: r.target_credits })), courseCredits).map(
      (summary, i) => ({ ...summary, qualification: studyRights[i]!.qualification }),
    ),
    items: planned.map((o) => {
      const enrolment = latest.get(o.id);
      const active = enrolment && !CLOSED.includes(enrolment.status) ? enrolment : undefined;
      return {
        offering: o,
        enrolment: active ? { id: active.id, status: active.status } : null,
        needsEnrolment: o.provider.id !== student.organization_id && !active,
      };
    }),
    clashes,
    comments: comments.map((c) => ({ id: c.id, body: c.body, at: c.at, author: c.author })),
  };
}

export async function replacePlan(db: Db, user: SessionUser, studentId: number, offeringIds: number[]) {
  const { student, access } = await studentOf(db, user, studentId);
  if (!access.edit) throw forbidden('Only the student edits the study plan');
  const unique = [...new Set(offeringIds)];
  const found = unique.length === 0 ? [] : await db.selectFrom('offering').select('id').where('id', 'in', unique).where('status', '=', 'published').execute();
  const missing = unique.filter((id) => !found.some((f) => f.id === id));
  if (missing.length > 0) {
    throw badRequest(missing.map((id) => ({ path: `body.offeringIds.${offeringIds.indexOf(id)}`, code: 'unknown_offering', message: `no published offering ${id}` })));
  }
  await inTransaction(db, async (tx) => {
    await tx.deleteFrom('plan_item').where('student_id', '=', studentId).execute();
    if (unique.length > 0) {
      await tx.insertInto('plan_item').values(unique.map((offeringId) => ({ region_id: student.region_id!, student_id: studentId, offering_id: offeringId }))).execute();
    }
  });
}

export async function addPlanComment(db: Db, user: SessionUser, studentId: number, body: string) {
  const { student, access } = await studentOf(db, user, studentId);
  if (!access.comment) throw forbidden('You may not comment on this study plan');
  return db
    .insertInto('plan_comment')
    .values({ region_id: student.region_id!, student_id: studentId, author_id: user.id, body })
    .returning(['id', 'body', 'at'])
    .executeTakeFirstOrThrow();
}
