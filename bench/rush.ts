/**
 * npm run bench:rush — course-selection day: the app on PostgreSQL over loopback, 2,000 students
 * submit enrolment requests for twenty popular partner offerings within 60 s (RUSH_WINDOW_MS); then
 * their counsellor approves and the host accepts them all at once, so that every seat is fought
 * over. Prints p50/p95/p99 and errors per phase, and an audit: requests acknowledged vs stored
 * (must be equal) and, per offering, seats taken vs partner seats (never above).
 * Targets: 0 lost, 0 overbooked, p99 ≤ 300 ms for the requests.
 */
import { cpus } from 'node:os';
import cliProgress from 'cli-progress';
import pg from 'pg';
import { Agent, request } from 'node:http';
import { DEFAULT_SESSION_LIFETIME, createSession } from '../src/features/auth/sessions.js';
import { seedDemo } from '../src/features/demo/seed-demo.js';
import { SEAT_HOLDING } from '../src/features/enrolment/enrolment-states.js';
import { buildApp } from '../src/server/app.js';
import { openMigratedDatabase } from '../src/server/bootstrap.js';
import { seededRandom } from '../src/features/demo/random.js';
import { startPostgresServer } from '../test/postgres-server.js';
import { summarize } from './percentiles.js';

const STUDENTS = 2000;
const OFFERINGS = 20;
const WINDOW_MS = Number(process.env.RUSH_WINDOW_MS ?? 60_000);
const TARGET_P99_MS = 300;

interface Client {
  cookie: string;
  csrf: string;
}

console.log(`bench:rush on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`);
const server = await startPostgresServer();
const admin = new pg.Client({ connectionString: server.url() });
await admin.connect();
await admin.query('create database rush');
await admin.end();
const db = await openMigratedDatabase({ kind: 'postgres', url: server.url('rush'), poolSize: 20 });
const app = await buildApp({ db, serveWeb: false });
let failed = true;
try {
  await seedDemo(db);
  const school = await db.selectFrom('organization').select(['id', 'region_id']).where('name', '=', 'Pellon lukio').executeTakeFirstOrThrow();
  const offerings = await db
    .selectFrom('offering as o')
    .innerJoin('organization as p', 'p.id', 'o.provider_id')
    .select(['o.id', 'o.seats_for_partners', 'o.seats_taken'])
    .where('p.name', 'like', 'Lappia%')
    .where('o.status', '=', 'published')
    .where('o.seats_for_partners', '>', 0)
    .orderBy('o.id')
    .limit(OFFERINGS)
    .execute();

  const setup = new cliProgress.SingleBar({ format: '  students and sessions [{bar}] {value}/{total}', hideCursor: true }, cliProgress.Presets.shades_classic);
  setup.start(STUDENTS + 2, 0);
  const students = await db
    .insertInto('app_user')
    .values(
      Array.from({ length: STUDENTS }, (_, i) => ({
        email: `rush${i}@bench.example`,
        name: `Rush ${i}`,
        role: 'student',
        password_hash: 'not-used: sessions are created directly',
        region_id: school.region_id,
        organization_id: school.id,
        home_municipality_code: '854',
      })),
    )
    .returning('id')
    .execute();
  const sessionOf = async (userId: number): Promise<Client> => {
    const session = await createSession(db, userId, DEFAULT_SESSION_LIFETIME);
    setup.increment();
    return { cookie: `tarjotin_session=${session.token}`, csrf: session.csrfToken };
  };
  const studentClients = await Promise.all(students.map((s) => sessionOf(s.id)));
  const userId = async (email: string) => (await db.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  const counsellor = await sessionOf(await userId('opo.pello@tarjotin.example'));
  const host = await sessionOf(await userId('koordinaattori.lappia@tarjotin.example'));
  setup.stop();

  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/api/v1`;
  const agent = new Agent({ keepAlive: true, maxSockets: STUDENTS });
  /** A JSON POST over a kept-alive loopback connection. */
  const post = (path: string, client: Client, body: unknown) =>
    new Promise<{ status: number; body: { id?: number; status?: string } }>((resolve, reject) => {
      const payload = JSON.stringify(body);
      const req = request(
        `${base}${path}`,
        { method: 'POST', agent, headers: { cookie: client.cookie, 'x-csrf-token': client.csrf, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : {} }));
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  const random = seededRandom(2000);

  /** Fires one call per item at a random moment of the window; returns latencies and answers. */
  async function phase<T>(name: string, items: T[], call: (item: T) => { client: Client; path: string; body: unknown }) {
    const bar = new cliProgress.SingleBar({ format: `  ${name} [{bar}] {value}/{total}`, hideCursor: true }, cliProgress.Presets.shades_classic);
    bar.start(items.length, 0);
    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    const bodies: { status: number; body: { id?: number; status?: string } }[] = [];
    const started = performance.now();
    await Promise.all(
      items.map(async (item) => {
        await new Promise((resolve) => setTimeout(resolve, random.next() * WINDOW_MS));
        const { client, path, body } = call(item);
        const t0 = performance.now();
        let status = 0;
        let answer = {};
        try {
          ({ status, body: answer } = await post(path, client, body));
        } catch {
          status = 0;
        }
        latencies.push(performance.now() - t0);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        bodies.push({ status, body: answer });
        bar.increment();
      }),
    );
    bar.stop();
    const stats = summarize(latencies);
    const errors = [...statuses].filter(([s]) => s < 200 || s >= 300).reduce((n, [, c]) => n + c, 0);
    console.log(
      `  ${name}: ${items.length} in ${((performance.now() - started) / 1000).toFixed(1)} s; p50 ${stats.p50.toFixed(0)} ms, p95 ${stats.p95.toFixed(0)} ms, p99 ${stats.p99.toFixed(0)} ms, max ${stats.max.toFixed(0)} ms; errors ${errors} ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    return { stats, errors, bodies };
  }

  const requests = await phase('requests', studentClients, (client) => ({ client, path: '/enrolments', body: { offeringId: random.pick(offerings).id } }));
  const acknowledged = requests.bodies.filter((b) => b.status === 201).map((b) => b.body.id!);
  const approvals = await phase('approvals', acknowledged, (id) => ({ client: counsellor, path: `/enrolments/${id}/transitions`, body: { to: 'approved' } }));
  const acceptances = await phase('acceptances', acknowledged, (id) => ({ client: host, path: `/enrolments/${id}/transitions`, body: { to: 'accepted' } }));
  agent.destroy();

  const stored = await db.selectFrom('enrolment').select((eb) => eb.fn.countAll<number>().as('n')).where('student_id', 'in', students.map((s) => s.id)).executeTakeFirstOrThrow();
  const seats = await db
    .selectFrom('offering as o')
    .select((eb) => [
      'o.id',
      'o.seats_for_partners',
      'o.seats_taken',
      eb.selectFrom('enrolment as e').select(eb.fn.countAll<number>().as('n')).whereRef('e.offering_id', '=', 'o.id').where('e.status', 'in', SEAT_HOLDING).as('holding'),
    ])
    .where('o.id', 'in', offerings.map((o) => o.id))
    .execute();
  const overbooked = seats.filter((s) => s.seats_taken > s.seats_for_partners || Number(s.holding) !== s.seats_taken);
  const accepted = acceptances.bodies.filter((b) => b.body.status === 'accepted').length;
  const waitlisted = acceptances.bodies.filter((b) => b.body.status === 'waitlisted').length;
  const capacity = offerings.reduce((n, o) => n + o.seats_for_partners - o.seats_taken, 0);
  const lost = acknowledged.length - Number(stored.n);
  console.log(`  audit: requests acknowledged ${acknowledged.length}, stored ${stored.n} → lost ${lost}`);
  console.log(`  audit: ${accepted} accepted + ${waitlisted} waitlisted; free partner seats were ${capacity}; offerings over their seats or out of step: ${overbooked.length}`);
  const pass = lost === 0 && overbooked.length === 0 && accepted <= capacity && requests.errors === 0 && requests.stats.p99 <= TARGET_P99_MS;
  console.log(`requests p99 ${requests.stats.p99.toFixed(0)} ms vs target ${TARGET_P99_MS} ms; approvals errors ${approvals.errors}, acceptances errors ${acceptances.errors}: ${pass ? 'PASS' : 'FAIL'}`);
  failed = !pass;
} finally {
  await app.close();
  await db.destroy();
  server.stop();
}
process.exitCode = failed ? 1 : 0;
