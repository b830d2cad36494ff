/**
 * npm run bench:tray — a national-scale catalogue (308 municipalities, 2,000 sites, 50,000
 * offerings) served by a real `tarjotin serve` process, and over HTTP what the pages send:
 * 1. 1,000 tray searches, each as the tray page sends it: `/offerings` and `/offerings/sites`
 *    at once (a change of page only the first); the page's time is until both have answered;
 * 2. 300 loads of "what can I study living in X" (`/offerings/groups`), and opening one field;
 * 3. 20 concurrent clients searching as the tray page does, for throughput and p95.
 * On PostgreSQL, then on the embedded PGlite. Targets on PostgreSQL: a tray search p95 ≤ 20 ms,
 * the living-in page p95 ≤ 50 ms; PGlite reported beside them. Exits non-zero when one is missed.
 * See docs/benchmarks.md.
 */
import cliProgress from 'cli-progress';
import { sql } from 'kysely';
import { openMigratedDatabase } from '../src/server/bootstrap.js';
import type { DatabaseConfig } from '../src/server/db/database.js';
import { seededRandom } from '../src/features/demo/random.js';
import { DELIVERY_MODES, EDUCATION_FORMS, TEACHING_LANGUAGES } from '../src/features/catalog/vocabulary.js';
import type { ServerProcess } from '../test/cli-process.js';
import { generateNationalCatalogue } from './national-catalogue.js';
import { httpClient } from './http-client.js';
import { cpuByProcess, describeCpu } from './process-cpu.js';
import { describeLatencies, runServerBench, type Engine } from './server-bench.js';

const SIZE = { sites: 2000, offerings: 50_000, providersPerRegion: 6 };
const SEARCHES = 1000;
const LIVING_IN_LOADS = 300;
const WARM_UP = 100;
const CLIENTS = 20;
const CONCURRENT_SECONDS = 20;
const TARGET_TRAY_P95_MS = 20;
const TARGET_LIVING_IN_P95_MS = 50;
const WORDS = ['matematiikka', 'englanti', 'hitsaus', 'aidinkieli', 'sosiaali', 'logistiikka', 'biologia', 'ohjelmisto', 'maa2', 'matkailu'];

interface TraySearch {
  /** The filters, as the page puts them in both requests. */
  filters: string;
  offset: number;
}

function traySearches(municipalityCodes: string[], regionIds: number[], count: number): TraySearch[] {
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
    };
    const filters = Object.entries(params).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`);
    return { filters: filters.join('&'), offset: maybe(0.2, () => random.pick([20, 40])) as number | undefined ?? 0 };
  });
}

const call = httpClient();
const get = (url: string) => call('GET', url);

/** What the tray page sends for a search: the list and the map at once; turning a page, the list alone. */
async function searchAsThePage(base: string, { filters, offset }: TraySearch) {
  const get = (path: string) => call('GET', `${base}/api/v1${path}`);
  const started = performance.now();
  const requests = [get(`/offerings?${filters}&limit=20&offset=${offset}`), ...(offset === 0 ? [get(`/offerings/sites?${filters}`)] : [])];
  const answers = await Promise.all(requests);
  return { ms: performance.now() - started, status: answers.find((a) => a.status !== 200)?.status ?? 200, list: answers[0]!, map: answers[1] };
}

async function prepare(config: DatabaseConfig) {
  const db = await openMigratedDatabase(config);
  try {
    const bar = new cliProgress.SingleBar({ format: '  catalogue [{bar}] {value}/{total} offerings', hideCursor: true }, cliProgress.Presets.shades_classic);
    bar.start(SIZE.offerings, 0);
    const started = performance.now();
    await generateNationalCatalogue(db, SIZE, (done) => bar.update(done));
    bar.stop();
    // Steady state: autovacuum has run, so the visibility map lets index-only scans count cheaply.
    await sql`vacuum analyze`.execute(db);
    console.log(`  generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await db.destroy();
  }
}

function progress(label: string, total: number) {
  const bar = new cliProgress.SingleBar({ format: `  ${label} [{bar}] {value}/{total}`, hideCursor: true }, cliProgress.Presets.shades_classic);
  bar.start(total, 0);
  return bar;
}

async function measureTray(base: string, searches: TraySearch[], serverPid: number | undefined) {
  const bar = progress('tray searches', searches.length);
  const pages: Awaited<ReturnType<typeof searchAsThePage>>[] = [];
  let cpuBefore = cpuByProcess(serverPid);
  for (const [i, search] of searches.entries()) {
    if (i === WARM_UP) cpuBefore = cpuByProcess(serverPid);
    const page = await searchAsThePage(base, search);
    if (i >= WARM_UP) pages.push(page);
    bar.increment();
  }
  const cpuAfter = cpuByProcess(serverPid);
  bar.stop();
  console.log(`    ${describeCpu(cpuBefore, cpuAfter, pages.length, 'search')}`);
  const slowest = pages.map((p, i) => ({ ms: p.ms, search: searches[i + WARM_UP]! })).sort((a, b) => b.ms - a.ms).slice(0, 3);
  for (const { ms, search } of slowest) console.log(`    slow: ${ms.toFixed(1)} ms ?${search.filters}&offset=${search.offset}`);
  console.log(`    /offerings alone: ${describeLatencies(pages.map((p) => p.list)).line}`);
  console.log(`    /offerings/sites alone: ${describeLatencies(pages.flatMap((p) => (p.map ? [p.map] : []))).line}`);
  return describeLatencies(pages);
}

async function measureLivingIn(base: string, municipalityCodes: string[]) {
  const random = seededRandom(60);
  const bar = progress('living-in pages', WARM_UP + LIVING_IN_LOADS);
  const loads: { ms: number; status: number }[] = [];
  const opens: { ms: number; status: number }[] = [];
  for (let i = 0; i < WARM_UP + LIVING_IN_LOADS; i++) {
    const query = `home=${random.pick(municipalityCodes)}&maxMinutes=${random.pick([30, 45, 60, 90])}`;
    const load = await get(`${base}/api/v1/offerings/groups?${query}`);
    const groups = load.status === 200 ? (JSON.parse(load.text) as { items: { educationForm: string; field: string }[] }).items : [];
    const group = groups.length > 0 ? random.pick(groups) : undefined;
    const open = group ? await get(`${base}/api/v1/offerings?${query}&form=${group.educationForm}&field=${group.field}&sort=travel&limit=25&offset=0`) : undefined;
    if (i >= WARM_UP) {
      loads.push(load);
      if (open) opens.push(open);
    }
    bar.increment();
  }
  bar.stop();
  console.log(`    opening a field: ${describeLatencies(opens).line}`);
  return describeLatencies(loads);
}

async function measureConcurrent(base: string, searches: TraySearch[]) {
  const until = performance.now() + CONCURRENT_SECONDS * 1000;
  const pages: { ms: number; status: number }[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < until) pages.push(await searchAsThePage(base, searches[next++ % searches.length]!));
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { ...describeLatencies(pages), perSecond: pages.length / seconds };
}

await runServerBench({
  name: 'bench:tray',
  prepare,
  async measure(server: ServerProcess, engine: Engine) {
    const base = server.url;
    const municipalities = (JSON.parse((await get(`${base}/api/v1/municipalities`)).text) as { items: { code: string }[] }).items.map((m) => m.code);
    const regions = (JSON.parse((await get(`${base}/api/v1/regions`)).text) as { items: { id: number }[] }).items.map((r) => r.id);
    const searches = traySearches(municipalities, regions, WARM_UP + SEARCHES);

    const tray = await measureTray(base, searches, server.child.pid);
    const livingIn = await measureLivingIn(base, municipalities);
    console.log(`  ${CLIENTS} concurrent clients for ${CONCURRENT_SECONDS} s …`);
    const concurrent = await measureConcurrent(base, searches.slice(WARM_UP));

    const targets = engine === 'postgres';
    const verdict = (p95: number, target: number) => (targets ? ` (target ≤ ${target} ms: ${p95 <= target ? 'MET' : 'MISSED'})` : '');
    console.log(`  tray search as the page sends it: ${tray.line}${verdict(tray.stats.p95, TARGET_TRAY_P95_MS)}`);
    console.log(`  living-in page: ${livingIn.line}${verdict(livingIn.stats.p95, TARGET_LIVING_IN_P95_MS)}`);
    console.log(`  ${CLIENTS} concurrent clients: ${concurrent.perSecond.toFixed(0)} searches/s; ${concurrent.line}`);
    const answered = tray.failures + livingIn.failures + concurrent.failures === 0;
    if (!targets) return answered;
    return answered && tray.stats.p95 <= TARGET_TRAY_P95_MS && livingIn.stats.p95 <= TARGET_LIVING_IN_P95_MS;
  },
});
