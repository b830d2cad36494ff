import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { openMigratedDatabase } from '../src/server/bootstrap.js';
import { createMemoryPGlite, openDatabase, type Db } from '../src/server/db/database.js';

export type Engine = 'pglite' | 'postgres';
/** Every integration suite runs on both engines. */
export const ENGINES: Engine[] = ['pglite', 'postgres'];

const TEMPLATE_DATABASE = 'tarjotin_template';

export interface TestDatabase {
  db: Db;
  /** On PostgreSQL: the copy's address, for processes of their own (the CLI). */
  url?: string;
  close(): Promise<void>;
}

/** A database with the demo region: an in-memory PGlite loaded from the run's demo dump, or a copy of the server's demo template. */
export async function openDemoDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const dump = new Blob([readFileSync(inject('pgliteDemoDump'))]);
    const db = await openDatabase({ kind: 'pglite', pglite: await createMemoryPGlite(dump) });
    return { db, close: () => db.destroy() };
  }
  return postgresDatabase(`template ${TEMPLATE_DATABASE}`, (url) => openDatabase({ kind: 'postgres', url }));
}

/**
 * A fresh install's database, without the demo (TARJOTIN_DEMO=off): migrated and holding the
 * national reference data only. Slower than a demo copy (built, not copied): for the few tests of
 * starting from nothing.
 */
export async function openFreshDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const db = await openMigratedDatabase({ kind: 'pglite', pglite: await createMemoryPGlite() });
    return { db, close: () => db.destroy() };
  }
  return postgresDatabase('', (url) => openMigratedDatabase({ kind: 'postgres', url }));
}

/** A database of its own on the run's PostgreSQL server (`options` of its CREATE DATABASE), dropped when closed. */
async function postgresDatabase(options: string, open: (url: string) => Promise<Db>): Promise<TestDatabase> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  const adminUrl = inject('postgresUrl');
  await withAdmin(adminUrl, (admin) => admin.query(`create database ${name} ${options}`));
  const url = adminUrl.replace(/\/postgres$/, `/${name}`);
  const db = await open(url);
  return {
    db,
    url,
    async close() {
      await db.destroy();
      await withAdmin(adminUrl, (admin) => admin.query(`drop database ${name}`));
    },
  };
}

async function withAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
