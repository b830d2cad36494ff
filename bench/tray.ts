/**
 * npm run bench:tray — a national-scale catalogue (308 municipalities, 2,000 sites, 50,000
 * offerings), then 1,000 varied tray searches through the HTTP layer, on PostgreSQL and on PGlite.
 * Prints p50/p95/p99 per engine. Target: p95 ≤ 20 ms on PostgreSQL. See docs/benchmarks.md.
 */
import { cpus } from 'node:os';
import cliProgress from 'cli-progress';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { openMigratedDatabase } from '../src/server/bootstrap.js';
import { createMemoryPGlite, type Db } from '../src/server/db/database.js';
import { seededRandom } from '../src/features/demo/random.js';
import { DELIVERY_MODES, EDUCATION_FORMS, TEACHING_LANGUAGES } from '../src/features/catalog/vocabulary.js';
import { startPostgresServer } from '../test/postgres-server.js';
import { generateNationalCatalogue } from './national-catalogue.js';
import { summarize } from './percentiles.js';

const SIZE = { sites: 2000, offerings: 50_000, providersPerRegion: 6 };
const SEARCHES = 1000;
const WARM_UP = 100;
const WORDS = ['matematiikka', 'englanti', 'hitsaus', 'aidinkieli', 'sosiaali', 'logistiikka', 'biologia', 'ohjelmointi', 'maa2', 'matkailu'];

function searchQueries(municipalityCodes: string[], regionIds: number[], count: number): string[] {
  const random = seededRandom(2000);
  const maybe = (share: number, value: () => string | number) => (random.next() < share ? value() : undefined);
  return Array.from({ length: count }, () => {
    const home = maybe(0.6, () => random.pick(municipalityCodes));
    const params: Record<string, string | number | undefined> = {
      q: maybe(0.4, () => random.pick(WORDS)),
      home,
      maxMinutes: home ? maybe(0.7, () => random.pick([30, 45, 60, 90])) : undefined,
      region: maybe(0.4, () => random.pick(regionIds)),
      mode: maybe(0.25, () => random.pick(DELIVERY_MODES)),
      form: maybe(0.3, () => random.pick(EDUCATION_FORMS.slice(1, 3))),
      period: maybe(0.3, () => random.int(1, 5)),
      lang: maybe(0.1, () => random.pick(TEACHING_LANGUAGES)),
      seatsLeft: maybe(0.2, () => 'true'),
      sort: maybe(0.2, () => random.pick(['name', 'code'])),
      offset: maybe(0.2, () => random.pick([20, 40])),
    };
    const query = Object.entries(params).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`);
    return `/api/v1/offerings?${query.join('&')}`;
  });
}

async function run(engine: 'postgres' | 'pglite', db: Db) {
  const bar = new cliProgress.SingleBar({ format: `  ${engine} catalogue [{bar}] {value}/{total} offerings`, hideCursor: true }, cliProgress.Presets.shades_classic);
  bar.start(SIZE.offerings, 0);
  const started = performance.now();
  await generateNationalCatalogue(db, SIZE, (done) => bar.update(done));
  bar.stop();
  // Steady state: autovacuum has run, so the visibility map lets index-only scans count cheaply.
  await sql`vacuum analyze`.execute(db);
  console.log(`  generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const app = await buildApp({ db, serveWeb: false });
  const municipalities = (await db.selectFrom('municipality').select('code').execute()).map((m) => m.code);
  const regions = (await db.selectFrom('region').select('id').execute()).map((r) => r.id);
  const queries = searchQueries(municipalities, regions, WARM_UP + SEARCHES);
  const durations: number[] = [];
  const slowest: { url: string; ms: number }[] = [];
  let results = 0;
  const searchBar = new cliProgress.SingleBar({ format: `  ${engine} searches [{bar}] {value}/{total}`, hideCursor: true }, cliProgress.Presets.shades_classic);
  searchBar.start(queries.length, 0);
  for (const [i, url] of queries.entries()) {
    const t0 = performance.now();
    const response = await app.inject({ method: 'GET', url });
    const elapsed = performance.now() - t0;
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
    if (i >= WARM_UP) {
      durations.push(elapsed);
      slowest.push({ url, ms: elapsed });
      results += response.json().total;
    }
    searchBar.increment();
  }
  searchBar.stop();
  await app.close();
  const stats = summarize(durations);
  for (const { url, ms } of slowest.sort((a, b) => b.ms - a.ms).slice(0, 5)) console.log(`    slow: ${ms.toFixed(1)} ms ${url}`);
  console.log(`  ${engine}: p50 ${stats.p50.toFixed(1)} ms, p95 ${stats.p95.toFixed(1)} ms, p99 ${stats.p99.toFixed(1)} ms, max ${stats.max.toFixed(1)} ms; mean hits ${(results / SEARCHES).toFixed(0)}`);
  return stats;
}

console.log(`bench:tray on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`);
console.log(`catalogue: 308 municipalities, ${SIZE.sites} sites, ${SIZE.offerings} offerings; ${SEARCHES} searches after ${WARM_UP} warm-up`);
const server = await startPostgresServer();
const figures: Record<string, ReturnType<typeof summarize>> = {};
try {
  const admin = new pg.Client({ connectionString: server.url() });
  await admin.connect();
  await admin.query('create database bench');
  await admin.end();
  const postgres = await openMigratedDatabase({ kind: 'postgres', url: server.url('bench') });
  figures.postgres = await run('postgres', postgres);
  await postgres.destroy();
} finally {
  server.stop();
}
if (process.env.BENCH_ENGINES === "postgres") process.exit(0);
const pglite = await openMigratedDatabase({ kind: 'pglite', pglite: await createMemoryPGlite() });
figures.pglite = await run('pglite', pglite);
await pglite.destroy();

const target = 20;
console.log(`PostgreSQL p95 ${figures.postgres!.p95.toFixed(1)} ms vs target ${target} ms: ${figures.postgres!.p95 <= target ? 'MET' : 'MISSED'}`);
console.log(`PGlite / PostgreSQL p95 ratio: ${(figures.pglite!.p95 / figures.postgres!.p95).toFixed(2)}`);
