import { randomInt } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../../server/db/database.js';
import { inTransaction } from '../../server/db/transaction.js';
import type { Database } from '../../server/db/schema.js';
import { badRequest, forbidden, HttpError, type FieldIssue } from '../../server/http/errors.js';
import { isAdmin, isAdminOf, type SessionUser } from '../auth/roles.js';
import { placeAllFromRound } from '../enrolment/enrolment-service.js';
import type { SiteTravelTimes } from '../travel/site-travel-times.js';
import { allocateInWorker } from './allocate-in-worker.js';
import { managedRound, requirePhase, visibleRound, type Round } from './round-access.js';
import { loadAllocationProblem } from './round-problem.js';
import type { allocateSchema, roundCreateSchema, roundUpdateSchema } from './round-schema.js';

const OUTCOME_BATCH = 1000;

/** Rounds this process is solving: a second allocation of the same round waits for none, it is refused. */
const allocating = new Set<number>();

/** Opens a round over the organizer's offerings of one period, with each offering's free seats as its capacity. */
export async function createRound(db: Db, user: SessionUser, input: z.infer<typeof roundCreateSchema>): Promise<number> {
  if (!isAdmin(user) && user.role !== 'coordinator') throw forbidden('Only admins and provider coordinators open selection rounds');
  const organizerId = user.role === 'coordinator' ? user.organizationId : null;
  const regionId =
    user.role === 'coordinator'
      ? (await db.selectFrom('organization').select('region_id').where('id', '=', organizerId ?? -1).executeTakeFirst())?.region_id
      : (input.regionId ?? user.regionId ?? undefined);
  if (regionId === undefined) throw badRequest([{ path: 'body.regionId', code: 'required', message: 'name the region of the round' }]);
  if (organizerId === null && !isAdminOf(user, regionId)) throw forbidden('You may only open rounds in your own region');

  let query = db
    .selectFrom('offering')
    .select(['id', 'capacity', 'seats_for_partners', 'seats_taken', 'provider_id', 'region_id', 'status', 'academic_year', 'periods'])
    .where('region_id', '=', regionId);
  if (organizerId !== null) query = query.where('provider_id', '=', organizerId);
  if (input.offeringIds) query = query.where('id', 'in', input.offeringIds);
  else query = query.where('status', '=', 'published').where('academic_year', '=', input.academicYear).where(({ eb }) => eb(eb.val(input.period), '=', eb.fn.any('periods')));
  const offerings = await query.execute();

  const issues: FieldIssue[] = [];
  input.offeringIds?.forEach((id, i) => {
    const o = offerings.find((x) => x.id === id);
    const path = `body.offeringIds.${i}`;
    if (!o) issues.push({ path, code: 'unknown_offering', message: `offering ${id} is not one of the organizer's offerings in the region` });
    else if (o.status !== 'published') issues.push({ path, code: 'not_published', message: `offering ${id} is withdrawn` });
    else if (o.academic_year !== input.academicYear || !o.periods.includes(input.period)) {
      issues.push({ path, code: 'not_in_period', message: `offering ${id} does not run in period ${input.period} of ${input.academicYear}` });
    }
    if (input.offeringIds!.indexOf(id) !== i) issues.push({ path, code: 'duplicate', message: `offering ${id} is listed twice` });
  });
  if (offerings.length === 0) issues.push({ path: 'body.offeringIds', code: 'no_offerings', message: 'no published offering runs in that period' });
  if (issues.length > 0) throw badRequest(issues);

  return inTransaction(db, async (tx) => {
    const round = await tx
      .insertInto('selection_round')
      .values({
        region_id: regionId,
        organizer_id: organizerId,
        name: input.name,
        academic_year: input.academicYear,
        period: input.period,
        opens_at: input.opensAt,
        closes_at: input.closesAt,
        max_courses_per_student: input.maxCoursesPerStudent,
        max_travel_minutes: input.maxTravelMinutes,
        seed: input.seed ?? randomInt(2 ** 31 - 1),
        created_by: user.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await addRoundOfferings(tx, round.id, regionId, offerings);
    return round.id;
  });
}

/** The round's seats of each offering: all its seats, and the partner seats still free. */
export async function addRoundOfferings(
  tx: Transaction<Database>,
  roundId: number,
  regionId: number,
  offerings: readonly { id: number; capacity: number; seats_for_partners: number; seats_taken: number }[],
) {
  await tx
    .insertInto('round_offering')
    .values(
      offerings.map((o) => ({
        round_id: roundId,
        region_id: regionId,
        offering_id: o.id,
        capacity: o.capacity,
        partner_seats: Math.min(o.capacity, Math.max(0, o.seats_for_partners - o.seats_taken)),
      })),
    )
    .execute();
}

/** The organizer moves the deadline, e.g. closes the round early; only before allocation. */
export async function updateRound(db: Db, user: SessionUser, id: number, input: z.infer<typeof roundUpdateSchema>) {
  const round = await managedRound(db, user, id);
  requirePhase(round, ['upcoming', 'open', 'closed']);
  if (Date.parse(input.closesAt) <= new Date(round.opens_at).getTime()) {
    throw badRequest([{ path: 'body.closesAt', code: 'before_opening', message: 'the round must close after it opens' }]);
  }
  await db.updateTable('selection_round').set({ closes_at: input.closesAt }).where('id', '=', id).execute();
}

/** A student's ranked wishes replace the earlier ones; the time of submission gives no advantage. */
export async function replaceWishes(db: Db, user: SessionUser, id: number, offeringIds: number[]) {
  if (user.role !== 'student') throw forbidden('Only students submit wishes');
  const round = await visibleRound(db, user, id);
  requirePhase(round, ['open']);
  const inRound = new Set(
    offeringIds.length === 0
      ? []
      : (await db.selectFrom('round_offering').select('offering_id').where('round_id', '=', id).where('offering_id', 'in', offeringIds).execute()).map((r) => r.offering_id),
  );
  const issues: FieldIssue[] = [];
  offeringIds.forEach((offeringId, i) => {
    if (!inRound.has(offeringId)) issues.push({ path: `body.offeringIds.${i}`, code: 'not_in_round', message: `offering ${offeringId} is not in this round` });
    else if (offeringIds.indexOf(offeringId) !== i) issues.push({ path: `body.offeringIds.${i}`, code: 'duplicate', message: `offering ${offeringId} is listed twice` });
  });
  if (issues.length > 0) throw badRequest(issues);
  await inTransaction(db, async (tx) => {
    await tx.deleteFrom('round_wish').where('round_id', '=', id).where('student_id', '=', user.id).execute();
    if (offeringIds.length > 0) {
      await tx
        .insertInto('round_wish')
        .values(offeringIds.map((offeringId, i) => ({ round_id: id, region_id: round.region_id, student_id: user.id, offering_id: offeringId, rank: i + 1 })))
        .execute();
    }
  });
  return { offeringIds };
}

/**
 * Allocates a closed round, or re-runs an allocated one with changed seats. The solver runs in a
 * worker thread, outside any transaction; the seats and all outcomes are then replaced in one.
 */
export async function allocateRound(db: Db, travelTimes: SiteTravelTimes, user: SessionUser, id: number, input: z.infer<typeof allocateSchema>) {
  const round = await managedRound(db, user, id);
  requirePhase(round, ['closed', 'allocated']);
  if (allocating.has(id)) throw new HttpError(409, 'allocation_running', 'This round is being allocated; wait for the result');
  allocating.add(id);
  try {
    return await solveAndStore(db, travelTimes, round, input);
  } finally {
    allocating.delete(id);
  }
}

async function solveAndStore(db: Db, travelTimes: SiteTravelTimes, round: Round, input: z.infer<typeof allocateSchema>) {
  const { id } = round;
  const problem = await loadAllocationProblem(db, travelTimes, round);
  const issues: FieldIssue[] = [];
  input.capacities.forEach((change, i) => {
    const offering = problem.offerings.find((o) => o.id === change.offeringId);
    if (!offering) issues.push({ path: `body.capacities.${i}.offeringId`, code: 'not_in_round', message: `offering ${change.offeringId} is not in this round` });
    else if (change.partnerSeats > change.capacity) issues.push({ path: `body.capacities.${i}.partnerSeats`, code: 'too_big', message: 'partner seats cannot exceed the seats' });
  });
  if (issues.length > 0) throw badRequest(issues);
  const changed = new Map(input.capacities.map((c) => [c.offeringId, c]));
  problem.offerings = problem.offerings.map((o) => {
    const change = changed.get(o.id);
    return change ? { id: o.id, capacity: change.capacity, partnerSeats: change.partnerSeats } : o;
  });

  const result = await allocateInWorker(problem);
  await inTransaction(db, async (tx) => {
    // The server kept answering during the solve: the round may have been published, reopened or re-run meanwhile.
    const now = await tx.selectFrom('selection_round').select(['status', 'closes_at', 'allocated_at']).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    const unchanged = now.status === round.status && sameTime(now.closes_at, round.closes_at) && sameTime(now.allocated_at, round.allocated_at);
    if (!unchanged) throw new HttpError(409, 'round_changed', 'The round changed while it was being allocated; allocate again');
    for (const change of input.capacities) {
      await tx
        .updateTable('round_offering')
        .set({ capacity: change.capacity, partner_seats: change.partnerSeats })
        .where('round_id', '=', id)
        .where('offering_id', '=', change.offeringId)
        .execute();
    }
    await tx.deleteFrom('round_outcome').where('round_id', '=', id).execute();
    for (let i = 0; i < result.outcomes.length; i += OUTCOME_BATCH) {
      await tx
        .insertInto('round_outcome')
        .values(
          result.outcomes.slice(i, i + OUTCOME_BATCH).map(({ wish, assigned, reason }) => ({
            round_id: id,
            region_id: round.region_id,
            student_id: wish.studentId,
            offering_id: wish.offeringId,
            rank: wish.rank,
            assigned,
            reason: reason?.kind ?? null,
            clash_offering_id: reason?.kind === 'clash' ? reason.withOfferingId : null,
          })),
        )
        .execute();
    }
    await tx
      .updateTable('selection_round')
      .set({ status: 'allocated', allocation_method: result.method, objective: result.objective, allocated_at: new Date() })
      .where('id', '=', id)
      .execute();
  });
  const met = result.outcomes.filter((o) => o.assigned).length;
  return {
    phase: 'allocated' as const,
    method: result.method,
    provedOptimal: result.provedOptimal,
    objective: result.objective,
    wishes: result.outcomes.length,
    met,
    students: new Set(result.outcomes.map((o) => o.wish.studentId)).size,
    studentsServed: result.studentsServed,
  };
}

const sameTime = (a: Date | string | null, b: Date | string | null) => (a === null || b === null ? a === b : new Date(a).getTime() === new Date(b).getTime());

/**
 * Publishes an allocation: each partner student with a seat gets an accepted enrolment (and a
 * notification), all in one transaction. Home students' seats are their own school's to record.
 */
export async function publishRound(db: Db, user: SessionUser, id: number) {
  const round = await managedRound(db, user, id);
  requirePhase(round, ['allocated']);
  await inTransaction(db, async (tx) => {
    const now = await tx.selectFrom('selection_round').select(['status', 'allocated_at']).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (now.status !== 'allocated' || !sameTime(now.allocated_at, round.allocated_at)) throw new HttpError(409, 'round_changed', 'The round changed meanwhile; reload it');
    const places = await tx
      .selectFrom('round_outcome as r')
      .innerJoin('offering as o', 'o.id', 'r.offering_id')
      .innerJoin('app_user as s', 's.id', 'r.student_id')
      .select(['r.student_id', 'r.offering_id', 's.organization_id', 'o.provider_id'])
      .where('r.round_id', '=', id)
      .where('r.assigned', '=', true)
      .orderBy('r.student_id')
      .orderBy('r.rank')
      .execute();
    const partnerPlaces = places.filter((p) => p.provider_id !== p.organization_id).map((p) => ({ offeringId: p.offering_id, studentId: p.student_id }));
    const enrolmentIds = await placeAllFromRound(tx, { regionId: round.region_id, actorId: user.id, roundName: round.name }, partnerPlaces);
    if (partnerPlaces.length > 0) {
      await sql`
        update round_outcome r set enrolment_id = v.enrolment_id
        from (select unnest(${partnerPlaces.map((p) => p.studentId)}::int[]) as student_id, unnest(${partnerPlaces.map((p) => p.offeringId)}::int[]) as offering_id,
                     unnest(${enrolmentIds}::int[]) as enrolment_id) v
        where r.round_id = ${id} and r.student_id = v.student_id and r.offering_id = v.offering_id`.execute(tx);
    }
    await tx.updateTable('selection_round').set({ status: 'published', published_at: new Date() }).where('id', '=', id).execute();
  });
}
