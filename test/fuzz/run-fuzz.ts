/**
 * npm run fuzz — every route family of the API fuzzed from the routes' own schemas
 * (test/fuzz/api-fuzz.ts), FUZZ_RUNS requests per family (default 10,000) on the demo database,
 * on the embedded database and on PostgreSQL. Prints the answers by status per family, and fails
 * on any 5xx or any refused request that wrote a row. FUZZ_SEED repeats a run.
 */
import fc from 'fast-check';
import pg from 'pg';
import { seedDemo } from '../../src/features/demo/seed-demo.js';
import { buildApp } from '../../src/server/app.js';
import { openMigratedDatabase } from '../../src/server/bootstrap.js';
import { createMemoryPGlite, type DatabaseConfig } from '../../src/server/db/database.js';
import { startPostgresServer } from '../postgres-server.js';
import { describeRequest, fuzzerFor, requestsOf, type FuzzRequest } from './api-fuzz.js';
import { FAMILIES } from './families.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);

async function fuzz(engine: string, config: DatabaseConfig): Promise<number> {
  const db = await openMigratedDatabase(config);
  await seedDemo(db);
  const app = await buildApp({ db, serveWeb: false });
  let problems = 0;
  try {
    const fuzzer = await fuzzerFor(app, db);
    for (const family of FAMILIES) {
      const statuses = new Map<number, number>();
      const failures: string[] = [];
      const started = performance.now();
      await fc.assert(
        fc.asyncProperty(requestsOf(fuzzer.operations.filter((o) => o.family === family)), async (request: FuzzRequest) => {
          const outcome = await fuzzer.send(request);
          statuses.set(outcome.status, (statuses.get(outcome.status) ?? 0) + 1);
          if (outcome.status >= 500) failures.push(`${outcome.status}: ${describeRequest(request)}`);
          if (outcome.written.length > 0) failures.push(`refused (${outcome.status}) but wrote ${outcome.written.join(', ')}: ${describeRequest(request)}`);
        }),
        { numRuns: RUNS, seed: SEED + FAMILIES.indexOf(family) },
      );
      const byStatus = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ');
      console.log(`  ${engine} ${family.padEnd(12)} ${RUNS} in ${((performance.now() - started) / 1000).toFixed(0)} s: ${byStatus}; problems ${failures.length}`);
      for (const failure of failures.slice(0, 5)) console.log(`    ${failure}`);
      problems += failures.length;
    }
  } finally {
    await app.close();
    await db.destroy();
  }
  return problems;
}

console.log(`npm run fuzz: ${RUNS} requests per family, seed ${SEED}`);
const postgres = await startPostgresServer();
let problems = 0;
try {
  problems += await fuzz('pglite', { kind: 'pglite', pglite: await createMemoryPGlite() });
  const admin = new pg.Client({ connectionString: postgres.url() });
  await admin.connect();
  await admin.query('create database fuzz');
  await admin.end();
  problems += await fuzz('postgres', { kind: 'postgres', url: postgres.url('fuzz') });
} finally {
  postgres.stop();
}
console.log(problems === 0 ? 'fuzz: 0 answers of 5xx, 0 writes by refused requests' : `fuzz: ${problems} problems`);
process.exitCode = problems === 0 ? 0 : 1;
