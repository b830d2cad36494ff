import type { Transaction } from 'kysely';
import type { Database } from '../../server/db/schema.js';
import { addRoundOfferings } from '../round/round-service.js';
import { DEFAULT_TRAVEL_PARAMETERS, estimateTravelMinutes, type GeoPoint } from '../travel/estimate.js';
import { DEMO_ACADEMIC_YEAR } from './lappi-offerings.js';
import { seededRandom } from './random.js';

const ROUND_PERIOD = 3;
const DAY_MS = 86_400_000;
const ROUND_STUDENTS = 40;
/** The schools the generated round students come from (Pello, Ylitornio, Tornio, Kemi, Kolari lukio). */
const SCHOOL_MUNICIPALITIES = ['854', '976', '851', '240', '273'];

/**
 * One open, region-wide selection round for period 3, with wishes from forty generated students
 * of the region's schools, a few offerings wanted by far more students than they have seats for,
 * so that the organizer can close it, allocate and see every reason. It stays open for four
 * weeks from the day the demo is loaded.
 */
export async function seedDemoRound(tx: Transaction<Database>, regionId: number, passwordHash: string) {
  const random = seededRandom(3);
  const admin = await tx.selectFrom('app_user').select('id').where('email', '=', 'admin@tarjotin.example').executeTakeFirstOrThrow();
  const now = Date.now();
  const round = await tx
    .insertInto('selection_round')
    .values({
      region_id: regionId,
      organizer_id: null,
      name: 'Jakson 3 ristiinopiskelun valintakierros (demo)',
      academic_year: DEMO_ACADEMIC_YEAR,
      period: ROUND_PERIOD,
      opens_at: new Date(now - 2 * DAY_MS),
      closes_at: new Date(now + 28 * DAY_MS),
      max_courses_per_student: 3,
      max_travel_minutes: 120,
      seed: 20261123,
      created_by: admin.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const offerings = await tx
    .selectFrom('offering')
    .leftJoin('site', 'site.id', 'offering.site_id')
    .select(['offering.id', 'capacity', 'seats_for_partners', 'seats_taken', 'provider_id', 'mode', 'target_groups', 'site.lat', 'site.lon', 'site.municipality_code'])
    .where('offering.region_id', '=', regionId)
    .where('status', '=', 'published')
    .where('academic_year', '=', DEMO_ACADEMIC_YEAR)
    .where(({ eb }) => eb(eb.val(ROUND_PERIOD), '=', eb.fn.any('periods')))
    .orderBy('offering.id')
    .execute();
  await addRoundOfferings(tx, round.id, regionId, offerings);

  const schools = await tx
    .selectFrom('organization')
    .select(['id', 'municipality_code'])
    .where('region_id', '=', regionId)
    .where('kind', '=', 'school')
    .where('municipality_code', 'in', SCHOOL_MUNICIPALITIES)
    .where('name', 'like', '%lukio%')
    .orderBy('id')
    .execute();
  const students = await tx
    .insertInto('app_user')
    .values(
      Array.from({ length: ROUND_STUDENTS }, (_, i) => {
        const school = schools[i % schools.length]!;
        const n = String(i + 1).padStart(2, '0');
        return {
          email: `valinta${n}@tarjotin.example`,
          name: `Valintakierroksen opiskelija ${n} (demo)`,
          role: 'student',
          password_hash: passwordHash,
          region_id: regionId,
          organization_id: school.id,
          home_municipality_code: school.municipality_code,
          is_demo: true,
        };
      }),
    )
    .returning(['id', 'organization_id'])
    .execute();
  await tx
    .insertInto('study_right')
    .values(
      students.map((s, i) => ({
        region_id: regionId,
        student_id: s.id,
        kind: i % 4 === 0 ? 'vocational' : 'general_upper_secondary',
        qualification: i % 4 === 0 ? 'Sosiaali- ja terveysalan perustutkinto' : 'Lukion oppimäärä',
        target_credits: i % 4 === 0 ? 180 : 150,
      })),
    )
    .execute();

  // Students wish mostly what they can reach from home; a few popular offerings draw many wishes, so that some are oversubscribed.
  const centres = new Map((await tx.selectFrom('municipality').select(['code', 'lat', 'lon']).where('code', 'in', SCHOOL_MUNICIPALITIES).execute()).map((m) => [m.code, m]));
  const partnerOfferings = offerings.filter((o) => o.seats_for_partners > 0);
  const popular = random.sample(
    partnerOfferings.filter((o) => o.target_groups.includes('young') && (o.lat === null || ['851', '976', '854'].includes(o.municipality_code ?? ''))),
    4,
  );
  // The organizer keeps only two seats of each popular offering for this round.
  await tx
    .updateTable('round_offering')
    .set((eb) => ({ partner_seats: eb.fn('least', [eb.ref('partner_seats'), eb.val(2)]) }))
    .where('round_id', '=', round.id)
    .where('offering_id', 'in', popular.map((o) => o.id))
    .execute();
  const wishes = students.flatMap((student, i) => {
    const home = centres.get(schools[i % schools.length]!.municipality_code!)!;
    const reachable = partnerOfferings.filter(
      (o) => o.provider_id !== student.organization_id && o.target_groups.includes('young') && (o.lat === null || o.lon === null || estimateTravelMinutes(home as GeoPoint, o as GeoPoint, DEFAULT_TRAVEL_PARAMETERS) <= 100),
    );
    const nearbyPopular = [...popular, ...random.sample(reachable, 2)];
    const count = random.int(3, 6);
    const chosen = new Set<number>();
    while (chosen.size < count) chosen.add((random.next() < 0.5 ? random.pick(nearbyPopular) : random.next() < 0.9 ? random.pick(reachable) : random.pick(partnerOfferings)).id);
    return [...chosen].map((offeringId, k) => ({ round_id: round.id, region_id: regionId, student_id: student.id, offering_id: offeringId, rank: k + 1 }));
  });
  await tx.insertInto('round_wish').values(wishes).execute();
}
