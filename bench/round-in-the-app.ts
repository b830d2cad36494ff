import cliProgress from 'cli-progress';
import pg from 'pg';
import { hashPassword } from '../src/features/auth/password.js';
import { createSession, DEFAULT_SESSION_LIFETIME, findSession } from '../src/features/auth/sessions.js';
import { foldForSearch } from '../src/features/catalog/search-text.js';
import { seedDemo } from '../src/features/demo/seed-demo.js';
import { allocateRound, createRound, publishRound } from '../src/features/round/round-service.js';
import { loadAllocationProblem } from '../src/features/round/round-problem.js';
import { SiteTravelTimes } from '../src/features/travel/site-travel-times.js';
import { openMigratedDatabase } from '../src/server/bootstrap.js';
import type { Db } from '../src/server/db/database.js';
import { startPostgresServer } from '../test/postgres-server.js';
import type { RoundWorld } from './allocation-instance.js';

const inBatches = async <T>(rows: T[], size: number, write: (batch: T[]) => Promise<unknown>) => {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
};

/**
 * Writes the generated round into the Lappi demo region: its organizations, sites (in the nearest
 * Lappi municipality), offerings on their bars, students living by their home sites, and the
 * round with every ranked wish. The round is opened by the region's admin through the product's
 * `createRound`; the wishes, 160,000 of them, are written directly (one `PUT /rounds/:id/wishes`
 * per student would only time the setup). Returns the round and its organizer.
 */
async function writeRound(db: Db, world: RoundWorld, maxCoursesPerStudent: number) {
  await seedDemo(db);
  const region = await db.selectFrom('region').select('id').where('code', '=', 'lappi').executeTakeFirstOrThrow();
  const municipalities = await db
    .selectFrom('region_municipality as rm')
    .innerJoin('municipality as m', 'm.code', 'rm.municipality_code')
    .select(['m.code', 'm.lat', 'm.lon'])
    .where('rm.region_id', '=', region.id)
    .execute();
  const nearestMunicipality = (lat: number, lon: number) =>
    municipalities.reduce((best, m) => ((m.lat! - lat) ** 2 + ((m.lon! - lon) / 2) ** 2 < (best.lat! - lat) ** 2 + ((best.lon! - lon) / 2) ** 2 ? m : best)).code;
  const organizationCount = Math.max(...world.sites.map((s) => s.organization)) + 1;
  const organizations = await db
    .insertInto('organization')
    .values(Array.from({ length: organizationCount }, (_, i) => ({ region_id: region.id, kind: 'provider', name: `Round bench provider ${i + 1}`, search_text: foldForSearch(`Round bench provider ${i + 1}`) })))
    .returning('id')
    .execute();
  const sites = await db
    .insertInto('site')
    .values(world.sites.map((s, i) => ({ region_id: region.id, organization_id: organizations[s.organization]!.id, name: `Round bench site ${i + 1}`, municipality_code: nearestMunicipality(s.lat, s.lon), lat: s.lat, lon: s.lon })))
    .returning(['id', 'municipality_code'])
    .execute();
  const courses = (await db.selectFrom('course').select('id').where('region_id', '=', region.id).execute()).map((c) => c.id);
  const offeringIds: number[] = [];
  await inBatches(world.scheduled, 1000, async (batch) => {
    const rows = await db
      .insertInto('offering')
      .values(
        batch.map((o) => {
          const seats = world.offerings[o.id - 1]!;
          return {
            region_id: region.id,
            course_id: courses[o.id % courses.length]!,
            provider_id: organizations[o.organization]!.id,
            status: 'published',
            site_id: sites[o.siteId!]!.id,
            mode: o.mode,
            language: 'fi',
            academic_year: '2026-2027',
            periods: [1],
            time_slots: JSON.stringify(o.timeSlots),
            bar_codes: [],
            capacity: seats.capacity,
            seats_for_partners: seats.partnerSeats,
            target_groups: ['young'],
            fee_cents: 0,
          };
        }),
      )
      .returning('id')
      .execute();
    offeringIds.push(...rows.map((r) => r.id));
  });
  const students: number[] = [];
  const passwordHash = await hashPassword('round-bench-student');
  await inBatches(world.homeSites, 2000, async (batch) => {
    const offset = students.length;
    const rows = await db
      .insertInto('app_user')
      .values(
        batch.map((site, i) => ({
          email: `round${offset + i}@bench.example`,
          name: `Round ${offset + i}`,
          role: 'student',
          password_hash: passwordHash,
          region_id: region.id,
          organization_id: organizations[world.sites[site]!.organization]!.id,
          home_municipality_code: sites[site]!.municipality_code,
        })),
      )
      .returning('id')
      .execute();
    students.push(...rows.map((r) => r.id));
  });

  const adminRow = await db.selectFrom('app_user').select('id').where('email', '=', 'admin@tarjotin.example').executeTakeFirstOrThrow();
  const { token } = await createSession(db, adminRow.id, DEFAULT_SESSION_LIFETIME);
  const admin = (await findSession(db, token, DEFAULT_SESSION_LIFETIME))!.user;
  const now = Date.now();
  const roundId = await createRound(db, admin, {
    regionId: region.id,
    name: 'Bench round',
    academicYear: '2026-2027',
    period: 1,
    opensAt: new Date(now - 3_600_000).toISOString(),
    closesAt: new Date(now + 3_600_000).toISOString(),
    maxCoursesPerStudent,
    maxTravelMinutes: null,
    offeringIds,
    seed: 2026,
  });
  await inBatches(world.wishes, 5000, (batch) =>
    db
      .insertInto('round_wish')
      .values(batch.map((w) => ({ round_id: roundId, region_id: region.id, student_id: students[w.studentId - 1]!, offering_id: offeringIds[w.offeringId - 1]!, rank: w.rank })))
      .execute(),
  );
  // The deadline passes: the round is closed and ready to allocate.
  await db.updateTable('selection_round').set({ closes_at: new Date(now - 1000) }).where('id', '=', roundId).execute();
  return { roundId, admin };
}

export interface RoundInTheAppFigures {
  readSeconds: number;
  allocateSeconds: number;
  publishSeconds: number;
  studentsServed: number;
  met: number;
  wishes: number;
}

/**
 * The whole round as the app runs it, on PostgreSQL: the organizer's `POST /rounds/:id/allocate`
 * (read the round, solve in a worker thread, write every outcome) and `POST /rounds/:id/publish`
 * (enrolments, audit rows and notifications for every partner seat), through the service functions
 * those routes call. The read is also timed on its own.
 */
export async function timeRoundInTheApp(world: RoundWorld, maxCoursesPerStudent: number): Promise<RoundInTheAppFigures> {
  const server = await startPostgresServer();
  try {
    const admin = new pg.Client({ connectionString: server.url() });
    await admin.connect();
    await admin.query('create database round');
    await admin.end();
    const db = await openMigratedDatabase({ kind: 'postgres', url: server.url('round') });
    try {
      const bar = new cliProgress.SingleBar({ format: '  writing the round into PostgreSQL {bar}', hideCursor: true }, cliProgress.Presets.shades_classic);
      bar.start(1, 0);
      const { roundId, admin: organizer } = await writeRound(db, world, maxCoursesPerStudent);
      bar.update(1);
      bar.stop();
      const travelTimes = new SiteTravelTimes(db);
      const round = await db.selectFrom('selection_round').selectAll().where('id', '=', roundId).executeTakeFirstOrThrow();
      let started = performance.now();
      await loadAllocationProblem(db, new SiteTravelTimes(db), round);
      const readSeconds = (performance.now() - started) / 1000;
      started = performance.now();
      const summary = await allocateRound(db, travelTimes, organizer, roundId, { capacities: [] });
      const allocateSeconds = (performance.now() - started) / 1000;
      started = performance.now();
      await publishRound(db, organizer, roundId);
      const publishSeconds = (performance.now() - started) / 1000;
      return { readSeconds, allocateSeconds, publishSeconds, studentsServed: summary.studentsServed, met: summary.met, wishes: summary.wishes };
    } finally {
      await db.destroy();
    }
  } finally {
    server.stop();
  }
}
