import type { Transaction } from 'kysely';
import type { Database } from '../../server/db/schema.js';
import type { DeliveryMode } from '../catalog/vocabulary.js';
import { SEAT_HOLDING, type EnrolmentStatus } from '../enrolment/enrolment-states.js';
import { clashBetween, type ScheduledOffering } from '../timetable/clashes.js';
import { siteToSiteMinutes, travelParametersOf } from '../travel/estimate.js';

/** The path a demo request took to its status, and who took each step. */
const PATHS: Record<string, [EnrolmentStatus, 'student' | 'counsellor' | 'host'][]> = {
  requested: [['requested', 'student']],
  approved: [['requested', 'student'], ['approved', 'counsellor']],
  rejected: [['requested', 'student'], ['rejected', 'counsellor']],
  cancelled: [['requested', 'student'], ['cancelled', 'student']],
  waitlisted: [['requested', 'student'], ['approved', 'counsellor'], ['waitlisted', 'host']],
  accepted: [['requested', 'student'], ['approved', 'counsellor'], ['accepted', 'host']],
  enrolled: [['requested', 'student'], ['approved', 'counsellor'], ['accepted', 'host'], ['enrolled', 'host']],
  completed: [['requested', 'student'], ['approved', 'counsellor'], ['accepted', 'host'], ['enrolled', 'host'], ['completed', 'host']],
  dropped: [['requested', 'student'], ['approved', 'counsellor'], ['accepted', 'host'], ['enrolled', 'host'], ['dropped', 'student']],
};

const REASONS: Partial<Record<EnrolmentStatus, string>> = {
  rejected: 'Päällekkäin oman lukion pakollisen kurssin kanssa – valitse toinen jakso.',
  cancelled: 'Valitsin toisen kurssin.',
  dropped: 'Matka osoittautui liian pitkäksi talvella.',
};

/** Demo requests in every status of the workflow: [student e-mail, Lappia course code, status]. */
const DEMO_ENROLMENTS: [string, string, EnrolmentStatus][] = [
  ['opiskelija.pello@tarjotin.example', '102013', 'completed'],
  ['opiskelija.pello@tarjotin.example', '100833', 'enrolled'],
  ['opiskelija.pello@tarjotin.example', '106281', 'approved'],
  ['opiskelija.pello@tarjotin.example', '106262', 'requested'],
  ['opiskelija2.pello@tarjotin.example', '106109', 'accepted'],
  ['opiskelija2.pello@tarjotin.example', '106272', 'rejected'],
  ['opiskelija2.pello@tarjotin.example', '105943', 'cancelled'],
  ['opiskelija3.pello@tarjotin.example', '106109', 'waitlisted'],
  ['opiskelija3.pello@tarjotin.example', '106233', 'dropped'],
];

export const EXTRA_DEMO_STUDENTS = [
  { email: 'opiskelija2.pello@tarjotin.example', name: 'Eetu Opiskelija (demo)' },
  { email: 'opiskelija3.pello@tarjotin.example', name: 'Aino Opiskelija (demo)' },
];

export async function seedDemoEnrolments(tx: Transaction<Database>, regionId: number) {
  const users = new Map((await tx.selectFrom('app_user').select(['id', 'email']).execute()).map((u) => [u.email, u.id]));
  const actorIds = { counsellor: users.get('opo.pello@tarjotin.example')!, host: users.get('koordinaattori.lappia@tarjotin.example')! };
  const offerings = await tx
    .selectFrom('offering as o')
    .innerJoin('organization as p', 'p.id', 'o.provider_id')
    .select(['o.id', 'o.course_code'])
    .where('p.name', 'like', 'Lappia%')
    .where('o.mode', 'in', ['onsite', 'hybrid', 'workplace'])
    .orderBy('o.id')
    .execute();
  const seatsHeld = new Map<number, number>();
  let day = 0;
  for (const [email, courseCode, status] of DEMO_ENROLMENTS) {
    const offering = offerings.find((o) => o.course_code === courseCode)!;
    const studentId = users.get(email)!;
    const completed = status === 'completed';
    const enrolment = await tx
      .insertInto('enrolment')
      .values({
        region_id: regionId,
        offering_id: offering.id,
        student_id: studentId,
        status,
        waitlisted_at: status === 'waitlisted' ? '2026-09-01T08:00:00Z' : null,
        ...(completed ? { grade: '4', credits: 45, completed_on: '2026-10-02' } : {}),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const path = PATHS[status]!;
    for (const [i, [to, actor]] of path.entries()) {
      await tx
        .insertInto('enrolment_event')
        .values({
          region_id: regionId,
          enrolment_id: enrolment.id,
          actor_id: actor === 'student' ? studentId : actorIds[actor],
          from_status: i === 0 ? null : path[i - 1]![0],
          to_status: to,
          reason: i === path.length - 1 ? (REASONS[to] ?? null) : null,
          at: new Date(Date.UTC(2026, 7, 10 + day++, 9, 0)),
        })
        .execute();
    }
    if (SEAT_HOLDING.includes(status)) seatsHeld.set(offering.id, (seatsHeld.get(offering.id) ?? 0) + 1);
  }
  // The waitlisted request waits because the seats are all taken.
  const waitlistedOn = offerings.find((o) => o.course_code === '106109')!.id;
  for (const [offeringId, held] of seatsHeld) {
    await tx
      .updateTable('offering')
      .set((eb) => ({
        seats_taken: held,
        seats_for_partners: offeringId === waitlistedOn ? held : eb.fn('greatest', [eb.ref('seats_for_partners'), eb.val(held)]),
      }))
      .where('id', '=', offeringId)
      .execute();
  }
}

/**
 * The demo student studies for both degrees (kaksoistutkinto): her plan holds her partner courses
 * and lukio modules at home, chosen so that nothing clashes, as a clean start for trying the
 * clash check with a new course.
 */
export async function seedDemoPlans(tx: Transaction<Database>, regionId: number) {
  const student = await tx.selectFrom('app_user').select(['id', 'organization_id']).where('email', '=', 'opiskelija.pello@tarjotin.example').executeTakeFirstOrThrow();
  await tx
    .insertInto('study_right')
    .values([
      { region_id: regionId, student_id: student.id, kind: 'general_upper_secondary', qualification: 'Lukion oppimäärä', target_credits: 150 },
      { region_id: regionId, student_id: student.id, kind: 'vocational', qualification: 'Logistiikan perustutkinto', target_credits: 180 },
    ])
    .execute();
  const requested = await tx
    .selectFrom('enrolment')
    .select('offering_id')
    .where('student_id', '=', student.id)
    .where('status', 'not in', ['completed', 'rejected', 'cancelled', 'dropped'])
    .orderBy('id')
    .execute();
  const homeModules = await tx
    .selectFrom('offering')
    .select('id')
    .where('provider_id', '=', student.organization_id!)
    .where('education_form', '=', 'general_upper_secondary')
    .orderBy('id')
    .execute();
  const candidates = [...requested.map((e) => e.offering_id), ...homeModules.map((o) => o.id)];
  const scheduled = await tx
    .selectFrom('offering as o')
    .leftJoin('site as s', 's.id', 'o.site_id')
    .select(['o.id', 'o.mode', 'o.periods', 'o.time_slots', 'o.site_id', 's.lat', 's.lon'])
    .where('o.id', 'in', candidates)
    .execute();
  const region = await tx.selectFrom('region').selectAll().where('id', '=', regionId).executeTakeFirstOrThrow();
  const sites = new Map(scheduled.flatMap((o) => (o.site_id !== null ? [[o.site_id, { lat: o.lat!, lon: o.lon! }] as const] : [])));
  const travel = siteToSiteMinutes(sites, travelParametersOf(region));
  const asScheduled = (id: number): ScheduledOffering => {
    const o = scheduled.find((x) => x.id === id)!;
    return { id, mode: o.mode as DeliveryMode, periods: o.periods, timeSlots: o.time_slots, siteId: o.site_id };
  };
  const plan: ScheduledOffering[] = [];
  for (const id of candidates) {
    const candidate = asScheduled(id);
    const isHome = homeModules.some((m) => m.id === id);
    if (isHome && plan.filter((p) => homeModules.some((m) => m.id === p.id)).length >= 6) break;
    if (plan.every((p) => clashBetween(p, candidate, travel) === null)) plan.push(candidate);
  }
  await tx.insertInto('plan_item').values(plan.map((p) => ({ region_id: regionId, student_id: student.id, offering_id: p.id }))).execute();
}
