import { sql } from 'kysely';
import type { Db } from '../../server/db/database.js';
import { forbidden, HttpError } from '../../server/http/errors.js';
import { spansRegions, type SessionUser } from '../auth/roles.js';
import { recordAudit } from '../privacy/audit-log.js';
import { findOfferings } from '../catalog/offering-search.js';
import type { SiteTravelTimes } from '../travel/site-travel-times.js';
import { canManageRound, phaseOf, visibleRound, type Round } from './round-access.js';

function roundSummary(round: Round, organizerName: string | null, user: SessionUser) {
  const phase = phaseOf(round);
  const allocated = phase === 'allocated' || phase === 'published';
  return {
    id: round.id,
    regionId: round.region_id,
    organizer: round.organizer_id === null ? null : { id: round.organizer_id, name: organizerName ?? '' },
    name: round.name,
    academicYear: round.academic_year,
    period: round.period,
    opensAt: new Date(round.opens_at).toISOString(),
    closesAt: new Date(round.closes_at).toISOString(),
    maxCoursesPerStudent: round.max_courses_per_student,
    maxTravelMinutes: round.max_travel_minutes,
    phase,
    // The lottery seed is shown once it can no longer be played against: after the allocation.
    seed: allocated ? round.seed : null,
    allocation: allocated ? { method: round.allocation_method, objective: round.objective, allocatedAt: round.allocated_at } : null,
    publishedAt: round.published_at,
    canManage: canManageRound(user, round),
  };
}

const organizerName = async (db: Db, round: Round) =>
  round.organizer_id === null ? null : ((await db.selectFrom('organization').select('name').where('id', '=', round.organizer_id).executeTakeFirst())?.name ?? null);

export async function listRounds(db: Db, user: SessionUser, page: { limit: number; offset: number }) {
  let query = db.selectFrom('selection_round as r').leftJoin('organization as o', 'o.id', 'r.organizer_id');
  if (!spansRegions(user)) query = query.where('r.region_id', '=', user.regionId ?? -1);
  const [rows, total] = await Promise.all([
    query.selectAll('r').select('o.name as organizer_name').orderBy('r.opens_at', 'desc').orderBy('r.id', 'desc').limit(page.limit).offset(page.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((r) => roundSummary(r, r.organizer_name, user)), total: Number(total.n) };
}

/** A round with its offerings and seats; a student also gets their own wishes and travel from home. */
export async function getRound(db: Db, travelTimes: SiteTravelTimes, user: SessionUser, id: number) {
  const round = await visibleRound(db, user, id);
  const [seats, myWishes, wishCounts, students] = await Promise.all([
    db.selectFrom('round_offering').select(['offering_id', 'capacity', 'partner_seats']).where('round_id', '=', id).execute(),
    db.selectFrom('round_wish').select('offering_id').where('round_id', '=', id).where('student_id', '=', user.id).orderBy('rank').execute(),
    db
      .selectFrom('round_wish')
      .select(['offering_id', sql<number>`count(*)::int`.as('wishes')])
      .where('round_id', '=', id)
      .groupBy('offering_id')
      .execute(),
    db.selectFrom('round_wish').select(sql<number>`count(distinct student_id)::int`.as('n')).where('round_id', '=', id).executeTakeFirstOrThrow(),
  ]);
  const offerings = await findOfferings(db, travelTimes, seats.map((s) => s.offering_id), user.role === 'student' ? user.homeMunicipalityCode : null);
  const wishes = new Map(wishCounts.map((w) => [w.offering_id, w.wishes]));
  const seatsOf = new Map(seats.map((s) => [s.offering_id, s]));
  return {
    ...roundSummary(round, await organizerName(db, round), user),
    offerings: offerings
      .map((offering) => ({
        offering,
        capacity: seatsOf.get(offering.id)!.capacity,
        partnerSeats: seatsOf.get(offering.id)!.partner_seats,
        // Demand is shown to the organizer only: to students it would invite tactical ranking.
        wishes: canManageRound(user, round) ? (wishes.get(offering.id) ?? 0) : null,
      }))
      .sort((a, b) => a.offering.course.code.localeCompare(b.offering.course.code) || a.offering.id - b.offering.id),
    myWishes: myWishes.map((w) => w.offering_id),
    students: canManageRound(user, round) ? students.n : null,
  };
}

/**
 * The allocation and the reason for every unmet wish. The organizer sees every student once
 * the round is allocated; a student sees their own, and a counsellor their school's, once it is
 * published.
 */
export async function roundResult(db: Db, user: SessionUser, id: number, page: { limit: number; offset: number }) {
  const round = await visibleRound(db, user, id);
  const phase = phaseOf(round);
  const manager = canManageRound(user, round);
  if (!manager && user.role !== 'student' && user.role !== 'counsellor') throw forbidden('Results are for the organizer, the students and their counsellors');
  if (phase !== 'published' && !(manager && phase === 'allocated')) throw new HttpError(409, 'not_published', 'The result is not published yet');

  let students = db.selectFrom('round_outcome as r').innerJoin('app_user as s', 's.id', 'r.student_id').where('r.round_id', '=', id);
  if (!manager && user.role === 'student') students = students.where('r.student_id', '=', user.id);
  if (!manager && user.role === 'counsellor') students = students.where('s.organization_id', '=', user.organizationId ?? -1);
  const [page_, total, counts] = await Promise.all([
    students.select(['s.id', 's.name']).distinct().orderBy('s.name').orderBy('s.id').limit(page.limit).offset(page.offset).execute(),
    students.select(sql<number>`count(distinct r.student_id)::int`.as('n')).executeTakeFirstOrThrow(),
    db
      .selectFrom('round_outcome')
      .select(['reason', sql<number>`count(*)::int`.as('n')])
      .where('round_id', '=', id)
      .groupBy('reason')
      .execute(),
  ]);
  const outcomes = page_.length
    ? await db
        .selectFrom('round_outcome as r')
        .innerJoin('offering as o', 'o.id', 'r.offering_id')
        .innerJoin('course as c', 'c.id', 'o.course_id')
        .innerJoin('organization as p', 'p.id', 'o.provider_id')
        .leftJoin('offering as xo', 'xo.id', 'r.clash_offering_id')
        .leftJoin('course as xc', 'xc.id', 'xo.course_id')
        .select([
          'r.student_id', 'r.rank', 'r.assigned', 'r.reason', 'r.enrolment_id', 'o.id as offering_id', 'c.code', 'c.name_fi', 'c.name_sv', 'c.name_en', 'p.name as provider',
          'xo.id as clash_id', 'xc.code as clash_code', 'xc.name_fi as clash_name_fi', 'xc.name_sv as clash_name_sv', 'xc.name_en as clash_name_en',
        ])
        .where('r.round_id', '=', id)
        .where('r.student_id', 'in', page_.map((s) => s.id))
        .orderBy('r.rank')
        .execute()
    : [];
  // The page shows other students' results to the organizer and counsellors: one audit row per student seen.
  const others = page_.filter((s) => s.id !== user.id);
  if (others.length > 0) {
    await recordAudit(db, { kind: 'person', user }, 'read_round_result', ...others.map((s) => ({ subjectId: s.id, regionId: round.region_id, detail: { round: round.id } })));
  }
  return {
    round: roundSummary(round, await organizerName(db, round), user),
    // Totals over the whole round, for the organizer; a student or counsellor sees only their own rows.
    summary: manager ? { wishes: counts.reduce((n, c) => n + c.n, 0), byReason: Object.fromEntries(counts.map((c) => [c.reason ?? 'met', c.n])) } : null,
    total: total.n,
    students: page_.map((s) => ({
      student: { id: s.id, name: s.name },
      wishes: outcomes
        .filter((o) => o.student_id === s.id)
        .map((o) => ({
          rank: o.rank,
          offering: { id: o.offering_id, courseCode: o.code, courseName: { fi: o.name_fi, sv: o.name_sv, en: o.name_en }, provider: o.provider },
          assigned: o.assigned,
          reason: o.reason,
          clashWith: o.clash_id === null ? null : { id: o.clash_id, courseCode: o.clash_code!, courseName: { fi: o.clash_name_fi!, sv: o.clash_name_sv!, en: o.clash_name_en! } },
          enrolmentId: o.enrolment_id,
        })),
    })),
  };
}
