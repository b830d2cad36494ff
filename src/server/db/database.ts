import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DataDirLock } from './data-dir-lock.js';
import { PGliteDialect } from './pglite-dialect.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

/** Where the database is, as the environment says: a PostgreSQL server, or the embedded database's directory. */
export type DatabaseLocation = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };

/**
 * What to open: a PostgreSQL server, an embedded database in a directory this process holds the
 * lock of (so that no second process ever writes it), or a given (in-memory) PGlite.
 */
export type DatabaseConfig =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; lock: DataDirLock }
  | { kind: 'pglite'; pglite: PGlite };

const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

/**
 * Both engines return the same JavaScript types: dates as 'YYYY-MM-DD' text (no time-zone shift),
 * and count(*) (int8) and numeric as numbers.
 */
const parsers = {
  [DATE_OID]: (value: string) => value,
  [INT8_OID]: (value: string) => Number(value),
  [NUMERIC_OID]: (value: string) => Number(value),
};

/** PostgreSQL's contrib extensions the migrations create; PGlite loads them only when asked. */
const pgliteOptions = { parsers, extensions: { pg_trgm } };

export function databaseLocationFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseLocation {
  if (env.DATABASE_URL) return { kind: 'postgres', url: env.DATABASE_URL };
  return { kind: 'pglite', dataDir: env.DATA_DIR ?? 'data/pglite' };
}

export async function openDatabase(config: DatabaseConfig): Promise<Db> {
  if (config.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: config.url,
      max: config.poolSize ?? 10,
      // A database that does not answer fails the request (503) instead of holding it.
      connectionTimeoutMillis: 10_000,
      types: { getTypeParser: (oid, format) => parsers[oid as keyof typeof parsers] ?? pg.types.getTypeParser(oid, format) },
    });
    survivesLostConnections(pool);
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  if ('pglite' in config) return new Kysely<Database>({ dialect: new PGliteDialect(config.pglite) });
  const { lock } = config;
  try {
    const pglite = await PGlite.create(lock.dataDir, pgliteOptions);
    return new Kysely<Database>({ dialect: new PGliteDialect(pglite, () => lock.release()) });
  } catch (error) {
    await lock.release();
    throw error;
  }
}

/**
 * A connection closed by the server (pg_terminate_backend, a restart) is reported as an 'error'
 * event, which would end the process if nobody listened: the pool, for idle connections, and each
 * client, for one checked out between queries. The broken connection is dropped by the pool and
 * a new one opened on the next request; the query it was running fails on its own.
 */
function survivesLostConnections(pool: pg.Pool) {
  let lastWarning = 0;
  const warn = (error: Error) => {
    // One line every few seconds is enough while the database is away.
    if (Date.now() - lastWarning < 5_000) return;
    lastWarning = Date.now();
    console.warn(`PostgreSQL connection lost (${error.message}); reconnecting on demand`);
  };
  pool.on('error', warn);
  pool.on('connect', (client) => client.on('error', warn));
}

/** An in-memory PGlite with the same type parsers as a persisted one: fresh, or loaded from a `dumpDataDir` tarball. */
export function createMemoryPGlite(loadDataDir?: Blob): Promise<PGlite> {
  return PGlite.create({ ...pgliteOptions, ...(loadDataDir ? { loadDataDir } : {}) });
}
