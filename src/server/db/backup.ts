import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { sql, type Transaction } from 'kysely';
import type { Db } from './database.js';
import { migrateTo, migrateToLatest, migrationNames } from './migrate.js';
import type { Database } from './schema.js';

/**
 * A logical backup of the whole database, the same on both engines: gzip-compressed JSON lines,
 * a header (format, schema version), then every row of every table in foreign-key order, each
 * row as PostgreSQL's own `to_jsonb` of it, read in one snapshot. Restoring builds the schema
 * of the backup's version, loads the rows with `jsonb_populate_recordset` (so every type comes
 * back exactly), sets the sequences, and migrates to the current version. A backup of the
 * embedded database restores on PostgreSQL and the other way round.
 */
export const BACKUP_FORMAT = 'tarjotin-backup';
const BATCH = 500;
/** Kysely's own bookkeeping: the schema version travels in the header, the lock is nobody's data. */
const NOT_BACKED_UP = new Set(['kysely_migration', 'kysely_migration_lock']);

export class BackupError extends Error {}

interface Header {
  format: typeof BACKUP_FORMAT;
  version: 1;
  createdAt: string;
  migrations: string[];
}

type Line = Header | { table: string; row: unknown } | { end: true; rows: Record<string, number> };

/** The application's tables, each after the tables it references. */
async function tablesInDependencyOrder(db: Db | Transaction<Database>): Promise<string[]> {
  const tables = (await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = 'public' order by tablename`.execute(db)).rows
    .map((t) => t.name)
    .filter((t) => !NOT_BACKED_UP.has(t));
  const references = (
    await sql<{ child: string; parent: string }>`
      select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
      from pg_constraint c where c.contype = 'f' and c.conrelid <> c.confrelid`.execute(db)
  ).rows;
  const ordered: string[] = [];
  const visit = (table: string, path: Set<string>) => {
    if (ordered.includes(table) || path.has(table)) return;
    path.add(table);
    for (const r of references) if (r.child === table && tables.includes(r.parent)) visit(r.parent, path);
    ordered.push(table);
  };
  for (const table of tables) visit(table, new Set());
  return ordered;
}

/** Writes a backup of `db` to `file`; returns the rows written per table. */
export async function writeBackup(db: Db, file: string, onProgress?: (table: string, rows: number) => void): Promise<Record<string, number>> {
  // The file is opened before anything is read, so that a path that cannot be written fails at once.
  const out = createWriteStream(file, { mode: 0o600 });
  await Promise.race([once(out, 'open'), once(out, 'error').then(([error]) => Promise.reject(error))]);
  const gzip = createGzip();
  const written = pipeline(gzip, out);
  written.catch(() => {}); // awaited below; a failure meanwhile must not go unhandled
  const write = async (line: Line) => {
    if (!gzip.write(`${JSON.stringify(line)}\n`)) await once(gzip, 'drain');
  };
  const counts: Record<string, number> = {};
  await db.transaction().execute(async (tx) => {
    // One snapshot for every table (PGlite has one connection, so its transaction is one already).
    await sql`set transaction isolation level repeatable read`.execute(tx);
    const migrations = (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(tx)).rows.map((m) => m.name);
    await write({ format: BACKUP_FORMAT, version: 1, createdAt: new Date().toISOString(), migrations });
    for (const table of await tablesInDependencyOrder(tx)) {
      counts[table] = 0;
      // Walked by row address: any table, no primary key needed, each batch an index-free range scan.
      for (let after = '(0,0)'; ; ) {
        // Ordered by the tid itself: an output column named after it would sort as text.
        const batch = await sql<{ address: string; row: unknown }>`
          select t.ctid::text as address, to_jsonb(t) as row from ${sql.table(table)} t
          where t.ctid > ${after}::tid order by t.ctid limit ${BATCH}`.execute(tx);
        for (const { row } of batch.rows) await write({ table, row });
        counts[table] += batch.rows.length;
        if (batch.rows.length < BATCH) break;
        after = batch.rows.at(-1)!.address;
      }
      onProgress?.(table, counts[table]);
    }
    await write({ end: true, rows: counts });
  });
  gzip.end();
  await written;
  return counts;
}

/** A backup file opened and its header checked: the rows are still to be read. */
export interface OpenedBackup {
  header: Header;
  lines: AsyncIterator<string>;
  close(): void;
}

/**
 * Opens a backup file and checks its header, before any database is touched: a missing, foreign
 * or broken file fails here with a BackupError.
 */
export async function openBackup(file: string): Promise<OpenedBackup> {
  const gunzip = createGunzip();
  // A file that cannot be read fails the stream the lines come from, instead of throwing elsewhere.
  pipeline(createReadStream(file), gunzip).catch((error: unknown) => gunzip.destroy(error as Error));
  const reader = createInterface({ input: gunzip, crlfDelay: Infinity });
  const lines = reader[Symbol.asyncIterator]();
  const close = () => {
    reader.close();
    gunzip.destroy();
  };
  try {
    const first = await lines.next();
    if (first.done) throw new BackupError('The file is empty');
    return { header: checkHeader(parseLine(first.value)), lines, close };
  } catch (error) {
    close();
    throw backupErrorOf(error);
  }
}

/**
 * Restores an opened backup into `db`, which must be empty (no tables at all). The rows load in one
 * transaction; if anything fails — a broken file, a bad row — the schema built for them is dropped
 * again, so the database is as empty as it was. Returns the rows restored per table.
 */
export async function restoreBackup(db: Db, backup: OpenedBackup, onProgress?: (table: string, rows: number) => void): Promise<Record<string, number>> {
  try {
    const tables = await sql<{ n: number }>`select count(*)::int as n from pg_tables where schemaname = 'public'`.execute(db);
    if (tables.rows[0]!.n > 0) throw new BackupError('The database to restore into already holds data; restore into a new DATA_DIR or an empty PostgreSQL database');
    try {
      await migrateTo(db, backup.header.migrations.at(-1)!);
      const counts = await db.transaction().execute(async (tx) => {
        const loaded = await loadRows(tx, backup.lines, onProgress);
        await resetSequences(tx);
        return loaded;
      });
      await migrateToLatest(db);
      return counts;
    } catch (error) {
      await sql`drop schema public cascade; create schema public`.execute(db);
      throw backupErrorOf(error);
    }
  } finally {
    backup.close();
  }
}

/** zlib's errors for a file that is not gzip, in words. */
function backupErrorOf(error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') return new BackupError('The file is not a Tarjotin backup (not gzip-compressed)');
  return error;
}

/** The rows after the header, a batch of a table at a time, checked against the counts of the last line. */
async function loadRows(tx: Transaction<Database>, lines: AsyncIterator<string>, onProgress?: (table: string, rows: number) => void) {
  const counts: Record<string, number> = {};
  let pending: { table: string; rows: unknown[] } | undefined;
  const flush = async () => {
    if (!pending || pending.rows.length === 0) return;
    await sql`insert into ${sql.table(pending.table)} select * from jsonb_populate_recordset(null::${sql.table(pending.table)}, ${JSON.stringify(pending.rows)}::jsonb)`.execute(tx);
    counts[pending.table] = (counts[pending.table] ?? 0) + pending.rows.length;
    onProgress?.(pending.table, counts[pending.table]!);
    pending.rows = [];
  };
  for (let next = await lines.next(); !next.done; next = await lines.next()) {
    const line = parseLine(next.value);
    if ('end' in line) {
      await flush();
      const wrong = Object.entries(line.rows).filter(([table, n]) => (counts[table] ?? 0) !== n);
      if (wrong.length > 0) throw new BackupError(`The backup is incomplete: ${wrong.map(([t, n]) => `${t} ${counts[t] ?? 0}/${n}`).join(', ')}`);
      return line.rows;
    }
    if (!('table' in line)) throw new BackupError('The backup has a line that is neither a row nor its end');
    if (pending?.table !== line.table) {
      await flush();
      pending = { table: line.table, rows: [] };
    }
    pending.rows.push(line.row);
    if (pending.rows.length >= BATCH) await flush();
  }
  throw new BackupError('The backup ends early: its last line is missing');
}

function parseLine(text: string): Line {
  try {
    return JSON.parse(text) as Line;
  } catch {
    throw new BackupError('The file is not a Tarjotin backup (a line is not JSON)');
  }
}

function checkHeader(line: Line): Header {
  if (!('format' in line) || line.format !== BACKUP_FORMAT || line.version !== 1 || !Array.isArray(line.migrations) || line.migrations.length === 0) {
    throw new BackupError('The file is not a Tarjotin backup (no header)');
  }
  const known = migrationNames();
  const unknown = line.migrations.filter((name, i) => known[i] !== name);
  if (unknown.length > 0) throw new BackupError(`The backup was made by another version of Tarjotin (schema ${unknown[0]}); restore it with that version`);
  return line;
}

/** Each serial column's sequence continues after the restored rows. */
async function resetSequences(tx: Transaction<Database>) {
  const serials = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = 'public' and column_default like 'nextval(%'`.execute(tx);
  for (const { table_name, column_name } of serials.rows) {
    await sql`select setval(pg_get_serial_sequence(${table_name}, ${column_name}), coalesce(max(${sql.ref(column_name)}), 1), max(${sql.ref(column_name)}) is not null) from ${sql.table(table_name)}`.execute(tx);
  }
}
