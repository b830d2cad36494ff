import type { Transaction } from 'kysely';
import type { Db } from '../../server/db/database.js';
import type { Database } from '../../server/db/schema.js';
import { badRequest, forbidden, HttpError, notFound } from '../../server/http/errors.js';
import { isAdminOf, type SessionUser } from '../auth/roles.js';
import { notifyStep } from '../notification/notify.js';
import { checkStep, freesSeat, type EnrolmentActor, type EnrolmentStatus } from './enrolment-states.js';

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
  return db.transaction().execute(async (tx) => {
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

/**
 * A published selection round gives a partner student a seat directly: the round's rules stand
 * for the approval and the acceptance. A request the student already has open for the offering
 * (requested, approved, waitlisted) is the one accepted. Throws 409 when the offering has no
 * partner seat left, so that publishing is all or nothing.
 */
export async function placeFromRound(tx: Tx, place: { regionId: number; offeringId: number; studentId: number; actorId: number; roundName: string }) {
  if (!(await takeSeat(tx, place.offeringId))) {
    throw new HttpError(409, 'no_partner_seat', `Offering ${place.offeringId} has no partner seat left; lower its partner seats in the round and re-run`);
  }
  const reason = `Selection round: ${place.roundName}`;
  const open = await tx
    .selectFrom('enrolment')
    .select(['id', 'status'])
    .where('offering_id', '=', place.offeringId)
    .where('student_id', '=', place.studentId)
    .where('status', 'in', ['requested', 'approved', 'waitlisted'])
    .forUpdate()
    .executeTakeFirst();
  if (open) {
    await setStatus(tx, open.id, 'accepted');
    await logStep(tx, open.id, place.regionId, place.actorId, open.status, 'accepted', reason);
    await notifyStep(tx, open.id, 'accepted', place.actorId);
    return open.id;
  }
  const row = await tx
    .insertInto('enrolment')
    .values({ region_id: place.regionId, offering_id: place.offeringId, student_id: place.studentId, status: 'accepted' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await logStep(tx, row.id, place.regionId, place.actorId, null, 'accepted', reason);
  await notifyStep(tx, row.id, 'accepted', place.actorId);
  return row.id;
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
  return db.transaction().execute(async (tx) => {
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
