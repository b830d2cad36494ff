import { execFileSync } from 'node:child_process';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { seedDemo } from '../src/features/demo/seed-demo.js';
import { openMigratedDatabase } from '../src/server/bootstrap.js';
import { startPostgresServer } from './postgres-server.js';

export const TEMPLATE_DATABASE = 'tarjotin_template';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

/**
 * Once per run: build the web app for the browser tests, and start a PostgreSQL server holding a
 * migrated demo database that each test file copies (CREATE DATABASE … TEMPLATE is fast).
 */
export default async function setup(project: TestProject) {
  execFileSync(process.execPath, ['scripts/build-web-if-stale.mjs'], { stdio: 'inherit' });
  const server = await startPostgresServer();
  const admin = new pg.Client({ connectionString: server.url() });
  await admin.connect();
  await admin.query(`create database ${TEMPLATE_DATABASE}`);
  await admin.end();
  const db = await openMigratedDatabase({ kind: 'postgres', url: server.url(TEMPLATE_DATABASE) });
  await seedDemo(db);
  await db.destroy();
  project.provide('postgresUrl', server.url());
  return () => server.stop();
}
