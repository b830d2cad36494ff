/**
 * npm run bench:login — 08:00 on course-selection day: 500 distinct students sign in within 30 s
 * (each at a seeded random moment) through `POST /api/v1/auth/login` of a real `tarjotin serve`
 * process, while other visitors keep searching the tray (one search every 100 ms). Runs on
 * PostgreSQL and on the embedded database. Prints p50/p95/p99/max of both, and fails unless, on
 * each engine, sign-in p99 ≤ 1 s, the other requests' p99 ≤ 200 ms, and every answer is 200.
 * BENCH_ENGINES=postgres (or pglite) runs one engine.
 */
import cliProgress from 'cli-progress';
import { hashPassword } from '../src/features/auth/password.js';
import { seedDemo } from '../src/features/demo/seed-demo.js';
import { seededRandom } from '../src/features/demo/random.js';
import { openMigratedDatabase } from '../src/server/bootstrap.js';
import type { DatabaseConfig } from '../src/server/db/database.js';
import { addPelloStudents } from './bench-students.js';
import { reportLatencies, runServerBench, timed } from './server-bench.js';

const STUDENTS = 500;
const WINDOW_MS = 30_000;
const SEARCH_EVERY_MS = 100;
const TARGET_LOGIN_P99_MS = 1000;
const TARGET_OTHER_P99_MS = 200;
const PASSWORD = 'Kurssivalinta-2026';
const SEARCHES = ['matematiikka', 'englanti', 'hitsaus', 'logistiikka', 'historia', 'kemia', 'ruotsi', 'liiketoiminta'];

/** The demo region and the students, each password hashed by the product (distinct salts). */
async function prepare(config: DatabaseConfig) {
  const db = await openMigratedDatabase(config);
  try {
    await seedDemo(db);
    const bar = new cliProgress.SingleBar({ format: '  students [{bar}] {value}/{total}', hideCursor: true }, cliProgress.Presets.shades_classic);
    bar.start(STUDENTS, 0);
    const hashes: string[] = [];
    for (let i = 0; i < STUDENTS; i += 20) {
      hashes.push(...(await Promise.all(Array.from({ length: Math.min(20, STUDENTS - i) }, () => hashPassword(PASSWORD)))));
      bar.update(hashes.length);
    }
    bar.stop();
    await addPelloStudents(db, 'kirjautuja', hashes);
  } finally {
    await db.destroy();
  }
}

await runServerBench({
  name: 'bench:login',
  prepare,
  async measure(server) {
    const random = seededRandom(800);
    const bar = new cliProgress.SingleBar({ format: '  sign-ins [{bar}] {value}/{total}', hideCursor: true }, cliProgress.Presets.shades_classic);
    bar.start(STUDENTS, 0);
    const started = performance.now();
    let signingIn = true;
    const others: Awaited<ReturnType<typeof timed>>[] = [];
    const searching = (async () => {
      for (let n = 0; signingIn; n++) {
        others.push(await timed(() => fetch(`${server.url}/api/v1/offerings?q=${SEARCHES[n % SEARCHES.length]}&home=854&limit=20`)));
        await new Promise((resolve) => setTimeout(resolve, SEARCH_EVERY_MS));
      }
    })();
    const logins = await Promise.all(
      Array.from({ length: STUDENTS }, async (_, i) => {
        await new Promise((resolve) => setTimeout(resolve, random.next() * WINDOW_MS));
        const result = await timed(() =>
          fetch(`${server.url}/api/v1/auth/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ email: `kirjautuja${i}@bench.example`, password: PASSWORD }),
          }),
        );
        bar.increment();
        return result;
      }),
    );
    signingIn = false;
    await searching;
    bar.stop();
    const seconds = (performance.now() - started) / 1000;
    const loginsPass = reportLatencies('sign-ins', logins, TARGET_LOGIN_P99_MS, seconds);
    const othersPass = reportLatencies('tray searches meanwhile', others, TARGET_OTHER_P99_MS, seconds);
    return loginsPass && othersPass;
  },
});
