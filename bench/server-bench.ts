import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { lockDataDir } from '../src/server/db/data-dir-lock.js';
import type { DatabaseConfig } from '../src/server/db/database.js';
import { startServer, type ServerProcess } from '../test/cli-process.js';
import { startPostgresServer } from '../test/postgres-server.js';
import { summarize } from './percentiles.js';

/**
 * The frame of a benchmark that drives a real `tarjotin serve` process over HTTP, as users do: on
 * each engine a database of its own, written first by `prepare` (if given; the embedded database
 * has one writer, so before the server starts), then the server, then `measure`.
 */
export type Engine = 'postgres' | 'pglite';

export interface ServerBench {
  name: string;
  /** Writes what the run needs; the server then starts without loading the demo region itself. */
  prepare?: (config: DatabaseConfig) => Promise<void>;
  /** Returns whether every target was met. */
  measure: (server: ServerProcess, engine: Engine) => Promise<boolean>;
  /** Checks the database once the server has stopped (the embedded one has one user at a time); returns whether it holds. */
  audit?: (config: DatabaseConfig) => Promise<boolean>;
  /** Settings of the served process, e.g. TRUST_PROXY. */
  env?: NodeJS.ProcessEnv;
}

export async function runServerBench(bench: ServerBench, defaultEngines: Engine[] = ['postgres', 'pglite']) {
  const engines = (process.env.BENCH_ENGINES?.split(',') ?? defaultEngines) as Engine[];
  console.log(`${bench.name} on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`);
  let allPass = true;
  for (const engine of engines) {
    console.log(`\n${engine}:`);
    allPass = (await onEngine(bench, engine)) && allPass;
  }
  console.log(allPass ? `\n${bench.name}: every target met` : `\n${bench.name}: a target was missed`);
  process.exitCode = allPass ? 0 : 1;
}

async function onEngine(bench: ServerBench, engine: Engine): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'tarjotin-bench-'));
  const postgres = engine === 'postgres' ? await startPostgresServer() : undefined;
  try {
    let env: NodeJS.ProcessEnv = { DATA_DIR: join(dir, 'pglite'), DATABASE_URL: '' };
    if (postgres) {
      const admin = new pg.Client({ connectionString: postgres.url() });
      await admin.connect();
      await admin.query('create database bench');
      await admin.end();
      env = { DATABASE_URL: postgres.url('bench') };
    }
    const config = async (): Promise<DatabaseConfig> =>
      postgres ? { kind: 'postgres', url: postgres.url('bench') } : { kind: 'pglite', lock: await lockDataDir(join(dir, 'pglite'), 'bench', { create: true }) };
    if (bench.prepare) {
      await bench.prepare(await config());
      env.TARJOTIN_DEMO = 'off';
    }
    const server = await startServer({ ...env, ...bench.env });
    let pass: boolean;
    try {
      pass = await bench.measure(server, engine);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    return bench.audit ? (await bench.audit(await config())) && pass : pass;
  } finally {
    postgres?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One request's time and answer; a failed connection counts as status 0. */
export async function timed(call: () => Promise<Response>): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  try {
    const response = await call();
    await response.arrayBuffer();
    return { ms: performance.now() - started, status: response.status };
  } catch {
    return { ms: performance.now() - started, status: 0 };
  }
}

/** A line of latencies: count, p50/p95/p99/max and the answers that were not 200. */
export function describeLatencies(results: { ms: number; status: number }[]) {
  const stats = summarize(results.map((r) => r.ms));
  const failures = results.filter((r) => r.status !== 200).length;
  const line = `p50 ${stats.p50.toFixed(1)} ms, p95 ${stats.p95.toFixed(1)} ms, p99 ${stats.p99.toFixed(1)} ms, max ${stats.max.toFixed(1)} ms; not 200: ${failures}`;
  return { stats, failures, line };
}

/** Prints a line of latencies against a p99 target; passes when p99 meets it and every answer was 200. */
export function reportLatencies(name: string, results: { ms: number; status: number }[], targetP99Ms: number, seconds: number): boolean {
  const stats = summarize(results.map((r) => r.ms));
  const failures = results.filter((r) => r.status !== 200).length;
  const pass = failures === 0 && stats.p99 <= targetP99Ms;
  console.log(
    `  ${name}: ${results.length} in ${seconds.toFixed(1)} s; p50 ${stats.p50.toFixed(0)} ms, p95 ${stats.p95.toFixed(0)} ms, ` +
      `p99 ${stats.p99.toFixed(0)} ms (target ≤ ${targetP99Ms}), max ${stats.max.toFixed(0)} ms; not 200: ${failures} → ${pass ? 'PASS' : 'FAIL'}`,
  );
  return pass;
}
