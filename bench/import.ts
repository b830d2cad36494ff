/**
 * npm run bench:import — a coordinator imports 20,001 offerings from a CSV file through
 * `POST /api/v1/offerings/import` of a real `tarjotin serve` process, while visitors keep searching
 * the tray (one search every 100 ms, each visitor its own). Runs on the embedded database and on
 * PostgreSQL. Prints the import's time and the searches' p50/p95/p99/max, and fails unless every
 * row was written and the searches' p99 ≤ 500 ms. BENCH_ENGINES=pglite (or postgres) runs one.
 */
import { HttpClient } from '../test/cli-process.js';
import { reportLatencies, runServerBench, timed } from './server-bench.js';

const ROWS = 20_001;
const VISITORS = 3;
const SEARCH_EVERY_MS = 100;
const TARGET_P99_MS = 500;
const HEADER = 'course_code,site,mode,language,academic_year,periods,time_slots,capacity,seats_for_partners,target_groups,fee_euros,enrolment_start,enrolment_end,contact_name,contact_email';
const SEARCHES = ['matematiikka', 'englanti', 'hitsaus', 'logistiikka', 'historia'];

const csv = [
  HEADER,
  ...Array.from(
    { length: ROWS },
    (_, i) => `106109,"Lappia, Tornion kampus",onsite,fi,2026-2027,${1 + (i % 5)},"ti 08:30-14:30; to 08:30-14:30",${16 + (i % 10)},4,young;adult,0,2026-08-01,2026-09-30,Hakutoimisto ${i},haku@example.fi`,
  ),
].join('\n');

await runServerBench(
  {
    name: 'bench:import',
    async measure(server) {
      const coordinator = new HttpClient(server.url);
      await coordinator.login('koordinaattori.lappia@tarjotin.example');
      let importing = true;
      const searches: Awaited<ReturnType<typeof timed>>[] = [];
      const visitor = async (v: number) => {
        for (let n = v; importing; n += VISITORS) {
          searches.push(await timed(() => fetch(`${server.url}/api/v1/offerings?q=${SEARCHES[n % SEARCHES.length]}&home=854&limit=20`)));
          await new Promise((resolve) => setTimeout(resolve, SEARCH_EVERY_MS));
        }
      };
      const visitors = Array.from({ length: VISITORS }, (_, v) => visitor(v));
      const started = performance.now();
      const response = await fetch(`${server.url}/api/v1/offerings/import`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', ...coordinator.headers() },
        body: csv,
      });
      const result = await response.json();
      const seconds = (performance.now() - started) / 1000;
      importing = false;
      await Promise.all(visitors);
      const written = response.status === 200 && result.created === ROWS;
      console.log(`  import of ${ROWS} rows: ${response.status} ${JSON.stringify(result).slice(0, 120)} in ${seconds.toFixed(1)} s → ${written ? 'PASS' : 'FAIL'}`);
      return reportLatencies('searches meanwhile', searches, TARGET_P99_MS, seconds) && written;
    },
  },
  ['pglite', 'postgres'],
);
