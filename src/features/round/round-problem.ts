import type { Db } from '../../server/db/database.js';
import type { DeliveryMode, EducationForm, TargetGroup } from '../catalog/vocabulary.js';
import { clashBetween, type ScheduledOffering } from '../timetable/clashes.js';
import { siteToSiteMinutes, travelParametersOf } from '../travel/estimate.js';
import type { SiteTravelTimes } from '../travel/site-travel-times.js';
import type { AllocationProblem, RoundWish } from './allocation-problem.js';
import { countsTowardOwnStudyRight, ineligibility, type StudyRightKind } from './eligibility.js';

export interface RoundRow {
  id: number;
  region_id: number;
  max_courses_per_student: number;
  max_travel_minutes: number | null;
  seed: number;
}

/**
 * A round as an allocation problem: the round's seats, every student's ranked wishes with the
 * rules applied to each (home seat or partner seat, own study right, eligibility, travel), and
 * the clashing pairs among offerings some student wished together.
 */
export async function loadAllocationProblem(db: Db, travelTimes: SiteTravelTimes, round: RoundRow): Promise<AllocationProblem> {
  const [offerings, wishes, region] = await Promise.all([
    db
      .selectFrom('round_offering as ro')
      .innerJoin('offering as o', 'o.id', 'ro.offering_id')
      .leftJoin('site as s', 's.id', 'o.site_id')
      .select(['o.id', 'o.provider_id', 'o.education_form', 'o.target_groups', 'o.mode', 'o.periods', 'o.time_slots', 'o.site_id', 's.lat', 's.lon', 'ro.capacity', 'ro.partner_seats'])
      .where('ro.round_id', '=', round.id)
      .orderBy('o.id')
      .execute(),
    db.selectFrom('round_wish').select(['student_id', 'offering_id', 'rank']).where('round_id', '=', round.id).orderBy('student_id').orderBy('rank').execute(),
    db.selectFrom('region').selectAll().where('id', '=', round.region_id).executeTakeFirstOrThrow(),
  ]);
  const studentIds = [...new Set(wishes.map((w) => w.student_id))];
  const [students, rights] = studentIds.length
    ? await Promise.all([
        db.selectFrom('app_user').select(['id', 'organization_id', 'home_municipality_code']).where('id', 'in', studentIds).execute(),
        db.selectFrom('study_right').select(['student_id', 'kind']).where('student_id', 'in', studentIds).execute(),
      ])
    : [[], []];
  const offeringById = new Map(offerings.map((o) => [o.id, o]));
  const studentById = new Map(students.map((s) => [s.id, s]));
  const rightsOf = new Map<number, StudyRightKind[]>();
  for (const r of rights) rightsOf.set(r.student_id, [...(rightsOf.get(r.student_id) ?? []), r.kind as StudyRightKind]);
  const homeTravel = new Map(
    await Promise.all(
      [...new Set(students.map((s) => s.home_municipality_code).filter((c): c is string => c !== null))].map(
        async (code) => [code, await travelTimes.fromHome(code)] as const,
      ),
    ),
  );

  const roundWishes: RoundWish[] = wishes.map((w) => {
    const o = offeringById.get(w.offering_id)!;
    const s = studentById.get(w.student_id)!;
    const student = { homeSchoolId: s.organization_id, studyRights: rightsOf.get(s.id) ?? [] };
    const offering = { providerId: o.provider_id, educationForm: o.education_form as EducationForm, targetGroups: o.target_groups as TargetGroup[], mode: o.mode as DeliveryMode };
    const travel = s.home_municipality_code && o.site_id !== null ? (homeTravel.get(s.home_municipality_code)?.minutesBySite.get(o.site_id) ?? null) : null;
    return {
      studentId: w.student_id,
      offeringId: w.offering_id,
      rank: w.rank,
      home: o.provider_id === s.organization_id,
      ownStudyRight: countsTowardOwnStudyRight(student, offering),
      ineligible: ineligibility(student, offering, travel, round.max_travel_minutes),
    };
  });

  const scheduled = new Map<number, ScheduledOffering>(
    offerings.map((o) => [o.id, { id: o.id, mode: o.mode as DeliveryMode, periods: o.periods, timeSlots: o.time_slots, siteId: o.site_id }]),
  );
  const sites = new Map(offerings.flatMap((o) => (o.site_id !== null && o.lat !== null && o.lon !== null ? [[o.site_id, { lat: o.lat, lon: o.lon }] as const] : [])));
  const travel = siteToSiteMinutes(sites, travelParametersOf(region));
  const clashes: [number, number][] = [];
  const checked = new Set<string>();
  const byStudent = new Map<number, typeof wishes>();
  for (const w of wishes) byStudent.set(w.student_id, [...(byStudent.get(w.student_id) ?? []), w]);
  for (const list of byStudent.values()) {
    for (const a of list) {
      for (const b of list) {
        const key = `${a.offering_id}-${b.offering_id}`;
        if (a.offering_id >= b.offering_id || checked.has(key)) continue;
        checked.add(key);
        if (clashBetween(scheduled.get(a.offering_id)!, scheduled.get(b.offering_id)!, travel)) clashes.push([a.offering_id, b.offering_id]);
      }
    }
  }
  return {
    offerings: offerings.map((o) => ({ id: o.id, capacity: o.capacity, partnerSeats: o.partner_seats })),
    wishes: roundWishes,
    clashes,
    maxCoursesPerStudent: round.max_courses_per_student,
    seed: round.seed,
  };
}
