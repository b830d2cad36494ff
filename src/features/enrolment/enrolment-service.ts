import { sql, type Transaction } from 'kysely';
import type { Db } from '../../server/db/database.js';
import { inTransaction } from '../../server/db/transaction.js';
import type { Database } from '../../server/db/schema.js';
import { badRequest, forbidden, HttpError, notFound } from '../../server/http/errors.js';
import { isAdminOf, type SessionUser } from '../auth/roles.js';
import { notifySteps, notifyStep } from '../notification/notify.js';
import { checkStep, freesSeat, SEAT_HOLDING, type EnrolmentActor, type EnrolmentStatus } from './enrolment-states.js';

type Tx = Transaction<Database>;

export interface Completion {
  grade: string;
  credits: number;
}

/** A student asks for a seat on a partner's offering. */
export async function requestEnrolment(db: Db, user: SessionUser, offeringId: number) {
  if (user.role !== 'student') throw forbidden('Only students request enrolments');
  const offering = await db
    .selectFrom('offering')
    .select(['id', 'region_id', 'provider_id', 'status'])
    .where('id', '=', offeringId)
    .executeTakeFirst();
  if (!offering || offering.status !== 'published') {
    throw badRequest([{ path: 'body.offeringId', code: 'unknown_offering', message: 'no such published offering' }]);
  }
  if (offering.provider_id === user.organizationId) {
    throw badRequest([{ path: 'body.offeringId', code: 'own_school', message: 'enrol in your own school\'s courses there; this is for partner courses' }]);
  }
  return inTransaction(db, async (tx) => {
    const active = await tx
      .selectFrom('enrolment')
      .select('id')
      .where('offering_id', '=', offeringId)
      .where('student_id', '=', user.id)
      .where('status', 'not in', ['rejected', 'cancelled', 'dropped'])
      .executeTakeFirst();
    if (active) throw new HttpError(409, 'already_requested', 'You have an open request for this offering already');
    const row = await tx
      .insertInto('enrolment')
      .values({ region_id: offering.region_id, offering_id: offeringId, student_id: user.id, status: 'requested' })
      .returning(['id', 'status'])
      .executeTakeFirstOrThrow();
    await logStep(tx, row.id, offering.region_id, user.id, null, 'requested', null);
    await notifyStep(tx, row.id, 'requested', user.id);
    return row;
  });
}

/** A seat a selection round gives a partner student, to be placed when the round is published. */
export interface RoundPlace {
  offeringId: number;
  studentId: number;
}

/**
 * Places every partner seat of a published round, in the caller's transaction and a few
 * set-based statements: each offering's partner seats are taken at once (409 if any offering has
 * too few left), a student's open request for the offering is accepted, others get a new accepted
 * enrolment, each with its event and notifications. A seat the student already holds is theirs
 * already. Returns each place's enrolment id, in the order given.
 */
export async function placeAllFromRound(tx: Tx, round: { regionId: number; actorId: number; roundName: string }, places: readonly RoundPlace[]): Promise<number[]> {
  const key = (offeringId: number, studentId: number) => `${offeringId}:${studentId}`;
  const students = [...new Set(places.map((p) => p.studentId))];
  const offerings = [...new Set(places.map((p) => p.offeringId))];
  const current = students.length
    ? await tx
        .selectFrom('enrolment')
        .select(['id', 'status', 'offering_id', 'student_id'])
        .where('student_id', '=', sql<number>`any(${students}::int[])`)
        .where('offering_id', '=', sql<number>`any(${offerings}::int[])`)
        .where('status', 'in', [...SEAT_HOLDING, 'requested', 'approved', 'waitlisted'])
        .forUpdate()
        .execute()
    : [];
  const holding = new Map(current.filter((e) => SEAT_HOLDING.includes(e.status as EnrolmentStatus)).map((e) => [key(e.offering_id, e.student_id), e.id]));
  const open = new Map(current.filter((e) => !SEAT_HOLDING.includes(e.status as EnrolmentStatus)).map((e) => [key(e.offering_id, e.student_id), e]));
  const toPlace = places.filter((p) => !holding.has(key(p.offeringId, p.studentId)));

  const seatsPerOffering = new Map<number, number>();
  for (const p of toPlace) seatsPerOffering.set(p.offeringId, (seatsPerOffering.get(p.offeringId) ?? 0) + 1);
  if (seatsPerOffering.size > 0) {
    const ids = [...seatsPerOffering.keys()];
    const counts = ids.map((id) => seatsPerOffering.get(id)!);
    const taken = await sql<{ id: number }>`
      update offering o set seats_taken = o.seats_taken + v.n
      from (select unnest(${ids}::int[]) as id, unnest(${counts}::int[]) as n) v
      where o.id = v.id and o.seats_taken + v.n <= o.seats_for_partners
      returning o.id`.execute(tx);
    if (taken.rows.length !== ids.length) {
      const short = ids.find((id) => !taken.rows.some((r) => r.id === id))!;
      throw new HttpError(409, 'no_partner_seat', `Offering ${short} has no partner seat left; lower its partner seats in the round and re-run`);
    }
  }

  const reason = `Selection round: ${round.roundName}`;
  const reopened = toPlace.map((p) => open.get(key(p.offeringId, p.studentId))).filter((e): e is NonNullable<typeof e> => e !== undefined);
  if (reopened.length > 0) {
    await tx.updateTable('enrolment').set({ status: 'accepted', updated_at: new Date() }).where('id', '=', sql<number>`any(${reopened.map((e) => e.id)}::int[])`).execute();
  }
  const fresh = toPlace.filter((p) => !open.has(key(p.offeringId, p.studentId)));
  const created: { id: number; offering_id: number; student_id: number }[] = [];
  for (let i = 0; i < fresh.length; i += 1000) {
    created.push(
      ...(await tx
        .insertInto('enrolment')
        .values(fresh.slice(i, i + 1000).map((p) => ({ region_id: round.regionId, offering_id: p.offeringId, student_id: p.studentId, status: 'accepted' })))
        .returning(['id', 'offering_id', 'student_id'])
        .execute()),
    );
  }
  const events = [
    ...reopened.map((e) => ({ enrolment_id: e.id, region_id: round.regionId, actor_id: round.actorId, from_status: e.status, to_status: 'accepted', reason })),
    ...created.map((e) => ({ enrolment_id: e.id, region_id: round.regionId, actor_id: round.actorId, from_status: null, to_status: 'accepted', reason })),
  ];
  for (let i = 0; i < events.length; i += 1000) await tx.insertInto('enrolment_event').values(events.slice(i, i + 1000)).execute();
  await notifySteps(tx, events.map((e) => e.enrolment_id), 'accepted', round.actorId);

  const placed = new Map([...holding, ...reopened.map((e) => [key(e.offering_id, e.student_id), e.id] as const), ...created.map((e) => [key(e.offering_id, e.student_id), e.id] as const)]);
  return places.map((p) => placed.get(key(p.offeringId, p.studentId))!);
}

async function logStep(tx: Tx, enrolmentId: number, regionId: number, actorId: number | null, from: string | null, to: string, reason: string | null) {
  await tx
    .insertInto('enrolment_event')
    .values({ enrolment_id: enrolmentId, region_id: regionId, actor_id: actorId, from_status: from, to_status: to, reason })
    .execute();
}

/** Who an enrolment concerns: its student, the offering's provider, and the region it belongs to. */
interface EnrolmentParties {
  student_id: number;
  provider_id: number;
  region_id: number;
}

/** How the user stands to an enrolment: its student, the student's counsellor, the host, an admin. */
export async function actorsFor(db: Db | Tx, user: SessionUser, enrolment: EnrolmentParties) {
  const actors: EnrolmentActor[] = [];
  if (isAdminOf(user, enrolment.region_id)) actors.push('admin');
  if (user.role === 'student' && user.id === enrolment.student_id) actors.push('student');
  if (user.role === 'coordinator' && user.organizationId === enrolment.provider_id) actors.push('host');
  if (user.role === 'counsellor' && user.organizationId !== null) {
    const student = await db.selectFrom('app_user').select('organization_id').where('id', '=', enrolment.student_id).executeTakeFirst();
    if (student?.organization_id === user.organizationId) actors.push('homeCounsellor');
  }
  return actors;
}

/** The user's relations to an enrolment; to anyone it does not concern, it does not exist (404). */
export async function concernedActors(db: Db | Tx, user: SessionUser, enrolment: EnrolmentParties) {
  const actors = await actorsFor(db, user, enrolment);
  if (actors.length === 0) throw notFound('Enrolment');
  return actors;
}

/** Takes one partner seat if one is free; the conditional update makes the database the arbiter. */
async function takeSeat(tx: Tx, offeringId: number): Promise<boolean> {
  const taken = await tx
    .updateTable('offering')
    .set((eb) => ({ seats_taken: eb('seats_taken', '+', 1) }))
    .where('id', '=', offeringId)
    .where((eb) => eb('seats_taken', '<', eb.ref('seats_for_partners')))
    .returning('id')
    .executeTakeFirst();
  return taken !== undefined;
}

async function setStatus(tx: Tx, id: number, to: EnrolmentStatus, completion?: Completion) {
  await tx
    .updateTable('enrolment')
    .set({
      status: to,
      updated_at: new Date(),
      ...(to === 'waitlisted' ? { waitlisted_at: new Date() } : {}),
      ...(to === 'completed' && completion
        ? { grade: completion.grade, credits: completion.credits, completed_on: new Date().toISOString().slice(0, 10) }
        : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** A freed seat goes to the longest-waiting student, in the same transaction. */
async function promoteWaitlist(tx: Tx, offeringId: number, regionId: number) {
  const next = await tx
    .selectFrom('enrolment')
    .select('id')
    .where('offering_id', '=', offeringId)
    .where('status', '=', 'waitlisted')
    .orderBy('waitlisted_at')
    .orderBy('id')
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
  if (!next || !(await takeSeat(tx, offeringId))) return;
  await setStatus(tx, next.id, 'accepted');
  await logStep(tx, next.id, regionId, null, 'waitlisted', 'accepted', 'seat freed');
  await notifyStep(tx, next.id, 'accepted', null);
}

/**
 * One step of the workflow, all or nothing. Accepting without a free seat puts the student on
 * the waitlist instead; a step that frees a seat moves the waitlist up.
 */
export async function transitionEnrolment(
  db: Db,
  user: SessionUser,
  id: number,
  requested: EnrolmentStatus,
  reason: string | undefined,
  completion: Completion | undefined,
) {
  return inTransaction(db, async (tx) => {
    const enrolment = await tx
      .selectFrom('enrolment as e')
      .innerJoin('offering as o', 'o.id', 'e.offering_id')
      .select(['e.id', 'e.status', 'e.student_id', 'e.region_id', 'e.offering_id', 'o.provider_id'])
      .where('e.id', '=', id)
      .forUpdate('e')
      .executeTakeFirst();
    if (!enrolment) throw notFound('Enrolment');
    const actors = await concernedActors(tx, user, enrolment);
    const from = enrolment.status as EnrolmentStatus;
    const check = checkStep(from, requested, actors, reason);
    if (!check.ok) {
      if (check.reason === 'illegal_transition') throw new HttpError(409, 'illegal_transition', `An enrolment that is ${from} cannot become ${requested}`);
      if (check.reason === 'not_allowed') throw forbidden(`You may not make this enrolment ${requested}`);
      throw badRequest([{ path: 'body.reason', code: 'reason_required', message: 'give a reason' }]);
    }
    if (requested === 'completed' && !completion) {
      throw badRequest([{ path: 'body.grade', code: 'required', message: 'a completion needs a grade and credits' }]);
    }
    let to = requested;
    if (to === 'accepted' && !(await takeSeat(tx, enrolment.offering_id))) {
      if (from === 'waitlisted') throw new HttpError(409, 'no_seat', 'No partner seat is free');
      to = 'waitlisted';
    }
    await applyStep(tx, enrolment, from, to, user.id, reason?.trim() || null, completion);
    return { id, status: to };
  });
}

/** Writes a checked step: the status, the audit row, the notifications; a freed seat goes to the waitlist. */
async function applyStep(
  tx: Tx,
  enrolment: { id: number; region_id: number; offering_id: number },
  from: EnrolmentStatus,
  to: EnrolmentStatus,
  actorId: number | null,
  reason: string | null,
  completion?: Completion,
) {
  await setStatus(tx, enrolment.id, to, completion);
  await logStep(tx, enrolment.id, enrolment.region_id, actorId, from, to, reason);
  await notifyStep(tx, enrolment.id, to, actorId);
  if (freesSeat(from, to)) {
    await tx
      .updateTable('offering')
      .set((eb) => ({ seats_taken: eb('seats_taken', '-', 1) }))
      .where('id', '=', enrolment.offering_id)
      .execute();
    await promoteWaitlist(tx, enrolment.offering_id, enrolment.region_id);
  }
}

/**
 * Ends a student's open enrolments when the student is erased: cancelled, or dropped once
 * enrolled, so that their seats go to the waitlist. Completed ones stay (the study record).
 */
export async function closeEnrolmentsOfErased(tx: Tx, studentId: number, actorId: number | null) {
  const open = await tx
    .selectFrom('enrolment')
    .select(['id', 'region_id', 'offering_id', 'status'])
    .where('student_id', '=', studentId)
    .where('status', 'in', ['requested', 'approved', 'waitlisted', 'accepted', 'enrolled'])
    .forUpdate()
    .execute();
  for (const enrolment of open) {
    const from = enrolment.status as EnrolmentStatus;
    await applyStep(tx, enrolment, from, from === 'enrolled' ? 'dropped' : 'cancelled', actorId, 'The student’s data was erased');
  }
  return open.length;
}
