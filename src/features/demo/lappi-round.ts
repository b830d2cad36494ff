import type { Db } from '../../server/db/database.js';
import type { SessionUser } from '../auth/roles.js';
import { createRound, replaceWishes } from '../round/round-service.js';
import { DEFAULT_TRAVEL_PARAMETERS, estimateTravelMinutes, type GeoPoint } from '../travel/estimate.js';
import { DEMO_ACADEMIC_YEAR } from './lappi-offerings.js';
import { accountsByEmail } from './demo-people.js';
import { seededRandom } from './random.js';

const ROUND_PERIOD = 3;
const DAY_MS = 86_400_000;
const ROUND_STUDENTS = 40;
/** The schools the generated round students come from (Pello, Ylitornio, Tornio, Kemi, Kolari lukio). */
const SCHOOL_MUNICIPALITIES = ['854', '976', '851', '240', '273'];

/** The round's students: forty generated students of the region's lukios, a quarter of them in vocational education. */
export function roundStudents(schools: readonly { id: number; municipalityCode: string }[]) {
  return Array.from({ length: ROUND_STUDENTS }, (_, i) => {
    const school = schools[i % schools.length]!;
    const n = String(i + 1).padStart(2, '0');
    return {
      schoolId: school.id,
      row: {
        name: `Valintakierroksen opiskelija ${n} (demo)`,
        email: `valinta${n}@tarjotin.example`,
        studentNumber: `VAL-00${n}`,
        programme: i % 4 === 0 ? 'Sosiaali- ja terveysalan perustutkinto' : 'Lukio',
        startDate: '2025-08-11',
        homeMunicipalityCode: school.municipalityCode,
      },
    };
  });
}

/** The lukios whose students the round's students are. */
export async function roundSchools(tx: Db, regionId: number) {
  const schools = await tx
    .selectFrom('organization')
    .select(['id', 'municipality_code'])
    .where('region_id', '=', regionId)
    .where('kind', '=', 'school')
    .where('municipality_code', 'in', SCHOOL_MUNICIPALITIES)
    .where('name', 'like', '%lukio%')
    .orderBy('id')
    .execute();
  return schools.map((s) => ({ id: s.id, municipalityCode: s.municipality_code! }));
}

/**
 * One open, region-wide selection round for period 3, opened by the region's admin, with the
 * wishes the forty round students submit: mostly what they can reach from home, and a few
 * offerings with only a couple of partner seats wanted by far more students, so that the
 * organizer can close it, allocate and see every reason. It stays open for four weeks from the
 * day the demo is loaded.
 */
export async function seedDemoRound(tx: Db, admin: SessionUser, regionId: number) {
  const random = seededRandom(3);
  const now = Date.now();
  const roundId = await createRound(tx, admin, {
    regionId,
    name: 'Jakson 3 ristiinopiskelun valintakierros (demo)',
    academicYear: DEMO_ACADEMIC_YEAR,
    period: ROUND_PERIOD,
    opensAt: new Date(now - 2 * DAY_MS).toISOString(),
    closesAt: new Date(now + 28 * DAY_MS).toISOString(),
    maxCoursesPerStudent: 3,
    maxTravelMinutes: 120,
    seed: 20261123,
  });
  const offerings = await tx
    .selectFrom('round_offering as r')
    .innerJoin('offering', 'offering.id', 'r.offering_id')
    .leftJoin('site', 'site.id', 'offering.site_id')
    .select(['offering.id', 'r.partner_seats', 'provider_id', 'target_groups', 'site.lat', 'site.lon', 'site.municipality_code'])
    .where('r.round_id', '=', roundId)
    .orderBy('offering.id')
    .execute();
  const schools = await roundSchools(tx, regionId);
  const listed = roundStudents(schools);
  const students = await accountsByEmail(tx, listed.map((s) => s.row.email));
  const centres = new Map((await tx.selectFrom('municipality').select(['code', 'lat', 'lon']).where('code', 'in', SCHOOL_MUNICIPALITIES).execute()).map((m) => [m.code, m]));
  const partnerOfferings = offerings.filter((o) => o.partner_seats > 0);
  const popular = random.sample(
    partnerOfferings.filter((o) => o.partner_seats <= 3 && o.target_groups.includes('young') && (o.lat === null || ['851', '976', '854'].includes(o.municipality_code ?? ''))),
    4,
  );
  for (const [i, { row }] of listed.entries()) {
    const student = students.get(row.email)!;
    const home = centres.get(schools[i % schools.length]!.municipalityCode)!;
    const reachable = partnerOfferings.filter(
      (o) => o.provider_id !== student.organizationId && o.target_groups.includes('young') && (o.lat === null || o.lon === null || estimateTravelMinutes(home as GeoPoint, o as GeoPoint, DEFAULT_TRAVEL_PARAMETERS) <= 100),
    );
    const nearbyPopular = [...popular, ...random.sample(reachable, 2)];
    const count = random.int(3, 6);
    const chosen = new Set<number>();
    while (chosen.size < count) chosen.add((random.next() < 0.5 ? random.pick(nearbyPopular) : random.next() < 0.9 ? random.pick(reachable) : random.pick(partnerOfferings)).id);
    await replaceWishes(tx, student, roundId, [...chosen]);
  }
}
