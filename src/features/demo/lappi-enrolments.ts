import type { Db } from '../../server/db/database.js';
import type { SessionUser } from '../auth/roles.js';
import type { DeliveryMode } from '../catalog/vocabulary.js';
import { requestEnrolment, transitionEnrolment } from '../enrolment/enrolment-service.js';
import type { EnrolmentStatus } from '../enrolment/enrolment-states.js';
import { replacePlan } from '../plan/study-plan.js';
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

/**
 * The demo requests, each taken along its path by the people whose steps they are, through the
 * enrolment service: the student asks, the Pello counsellor decides, Lappia's coordinator hosts.
 * Each goes to the first Lappia offering of its course studied at a site with a partner seat; the
 * one that two students want has a single partner seat, so the second waits on the waitlist.
 */
export async function seedDemoEnrolments(tx: Db, people: ReadonlyMap<string, SessionUser>) {
  const counsellor = people.get('opo.pello@tarjotin.example')!;
  const host = people.get('koordinaattori.lappia@tarjotin.example')!;
  const offerings = await tx
    .selectFrom('offering as o')
    .select(['o.id', 'o.course_code', 'o.seats_for_partners'])
    .where('o.provider_id', '=', host.organizationId!)
    .where('o.mode', 'in', ['onsite', 'hybrid', 'workplace'])
    .where('o.seats_for_partners', '>', 0)
    .orderBy('o.id')
    .execute();
  for (const [email, courseCode, status] of DEMO_ENROLMENTS) {
    const student = people.get(email)!;
    const offering = offerings.find((o) => o.course_code === courseCode)!;
    const { id } = await requestEnrolment(tx, student, offering.id);
    for (const [to, actor] of PATHS[status]!.slice(1)) {
      const by = actor === 'student' ? student : actor === 'counsellor' ? counsellor : host;
      await transitionEnrolment(tx, by, id, to === 'waitlisted' ? 'accepted' : to, REASONS[to], to === 'completed' ? { grade: '4', credits: 45 } : undefined);
    }
  }
}

/**
 * The demo student studies for both degrees (kaksoistutkinto): her plan holds her partner courses
 * and lukio modules at home, chosen so that nothing clashes, as a clean start for trying the
 * clash check with a new course.
 */
export async function seedDemoPlans(tx: Db, student: SessionUser) {
  const regionId = student.regionId!;
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
    .where('provider_id', '=', student.organizationId!)
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
  await replacePlan(tx, student, student.id, plan.map((p) => p.id));
}
