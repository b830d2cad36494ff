/**
 * npm run bench:login — 08:00 on course-selection day: 500 distinct students sign in within 30 s
 * (each at a seeded random moment) through `POST /api/v1/auth/login` of a real `tarjotin serve`
 * process, while other visitors keep searching the tray (one search every 100 ms). Runs on
 * PostgreSQL and on the embedded database. Prints p50/p95/p99/max of both, and fails unless, on
 * each engine, sign-in p99 ≤ 1 s, the other requests' p99 ≤ 200 ms, and every answer is 200.
 * BENCH_ENGINES=postgres (or pglite) runs one engine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import cliProgress from 'cli-progress';
import pg from 'pg';
import { hashPassword } from '../src/features/auth/password.js';
import { seedDemo } from '../src/features/demo/seed-demo.js';
import { seededRandom } from '../src/features/demo/random.js';
import { openMigratedDatabase } from '../src/server/bootstrap.js';
import { lockDataDir } from '../src/server/db/data-dir-lock.js';
import type { DatabaseConfig } from '../src/server/db/database.js';
import { startServer } from '../test/cli-process.js';
import { startPostgresServer } from '../test/postgres-server.js';
import { summarize } from './percentiles.js';

const STUDENTS = 500;
const WINDOW_MS = 30_000;
const SEARCH_EVERY_MS = 100;
const TARGET_LOGIN_P99_MS = 1000;
const TARGET_OTHER_P99_MS = 200;
const PASSWORD = 'Kurssivalinta-2026';
const SEARCHES = ['matematiikka', 'englanti', 'hitsaus', 'logistiikka', 'historia', 'kemia', 'ruotsi', 'liiketoiminta'];

type Engine = 'postgres' | 'pglite';
const engines = (process.env.BENCH_ENGINES?.split(',') ?? ['postgres', 'pglite']) as Engine[];

console.log(`bench:login on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`);

/** The demo region and the students, written before the server starts (the embedded database has one writer). */
async function prepare(config: DatabaseConfig) {
  const db = await openMigratedDatabase(config);
  try {
    await seedDemo(db);
    const school = await db.selectFrom('organization').select(['id', 'region_id']).where('name', '=', 'Pellon lukio').executeTakeFirstOrThrow();
    const bar = new cliProgress.SingleBar({ format: '  students [{bar}] {value}/{total}', hideCursor: true }, cliProgress.Presets.shades_classic);
    bar.start(STUDENTS, 0);
    const hashes: string[] = [];
    for (let i = 0; i < STUDENTS; i += 20) {
      hashes.push(...(await Promise.all(Array.from({ length: Math.min(20, STUDENTS - i) }, () => hashPassword(PASSWORD)))));
      bar.update(hashes.length);
    }
    bar.stop();
    await db
      .insertInto('app_user')
      .values(hashes.map((password_hash, i) => ({
        email: `kirjautuja${i}@bench.example`,
        name: `Kirjautuja ${i}`,
        role: 'student',
        password_hash,
        region_id: school.region_id,
        organization_id: school.id,
        home_municipality_code: '854',
      })))
      .execute();
  } finally {
    await db.destroy();
  }
}

async function timed(call: () => Promise<Response>) {
  const started = performance.now();
  try {
    const response = await call();
    await response.arrayBuffer();
    return { ms: performance.now() - started, status: response.status };
  } catch {
    return { ms: performance.now() - started, status: 0 };
  }
}

async function run(engine: Engine): Promise<boolean> {
  console.log(`\n${engine}:`);
  const dir = mkdtempSync(join(tmpdir(), 'tarjotin-bench-login-'));
  const postgres = engine === 'postgres' ? await startPostgresServer() : undefined;
  let env: NodeJS.ProcessEnv;
  if (postgres) {
    const admin = new pg.Client({ connectionString: postgres.url() });
    await admin.connect();
    await admin.query('create database login');
    await admin.end();
    env = { DATABASE_URL: postgres.url('login') };
    await prepare({ kind: 'postgres', url: postgres.url('login') });
  } else {
    env = { DATA_DIR: join(dir, 'pglite'), DATABASE_URL: '' };
    await prepare({ kind: 'pglite', lock: await lockDataDir(join(dir, 'pglite'), 'bench', { create: true }) });
  }
  const server = await startServer({ ...env, TARJOTIN_DEMO: 'off' });
  try {
    const random = seededRandom(800);
    const login = (i: number) => () =>
      fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: `kirjautuja${i}@bench.example`, password: PASSWORD }),
      });
    const bar = new cliProgress.SingleBar({ format: '  sign-ins [{bar}] {value}/{total}', hideCursor: true }, cliProgress.Presets.shades_classic);
    bar.start(STUDENTS, 0);
    const started = performance.now();
    let signingIn = true;
    const others: Awaited<ReturnType<typeof timed>>[] = [];
    const searching = (async () => {
      for (let n = 0; signingIn; n++) {
        const q = SEARCHES[n % SEARCHES.length]!;
        others.push(await timed(() => fetch(`${server.url}/api/v1/offerings?q=${q}&home=854&limit=20`)));
        await new Promise((resolve) => setTimeout(resolve, SEARCH_EVERY_MS));
      }
    })();
    const logins = await Promise.all(
      Array.from({ length: STUDENTS }, async (_, i) => {
        await new Promise((resolve) => setTimeout(resolve, random.next() * WINDOW_MS));
        const result = await timed(login(i));
        bar.increment();
        return result;
      }),
    );
    signingIn = false;
    await searching;
    bar.stop();
    const elapsed = (performance.now() - started) / 1000;
    const report = (name: string, results: { ms: number; status: number }[], target: number) => {
      const stats = summarize(results.map((r) => r.ms));
      const failures = results.filter((r) => r.status !== 200).length;
      const pass = failures === 0 && stats.p99 <= target;
      console.log(
        `  ${name}: ${results.length} in ${elapsed.toFixed(1)} s; p50 ${stats.p50.toFixed(0)} ms, p95 ${stats.p95.toFixed(0)} ms, ` +
          `p99 ${stats.p99.toFixed(0)} ms (target ≤ ${target}), max ${stats.max.toFixed(0)} ms; not 200: ${failures} → ${pass ? 'PASS' : 'FAIL'}`,
      );
      return pass;
    };
    const loginsPass = report('sign-ins', logins, TARGET_LOGIN_P99_MS);
    const othersPass = report('tray searches meanwhile', others, TARGET_OTHER_P99_MS);
    return loginsPass && othersPass;
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    postgres?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

let allPass = true;
for (const engine of engines) allPass = (await run(engine)) && allPass;
console.log(allPass ? '\nbench:login: every target met' : '\nbench:login: a target was missed');
process.exitCode = allPass ? 0 : 1;
