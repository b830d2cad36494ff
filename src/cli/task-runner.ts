import { existsSync, rmSync } from 'node:fs';
import { RoadNetworks } from '../features/roads/road-networks.js';
import { SiteTravelTimes } from '../features/travel/site-travel-times.js';
import { recordAudit } from '../features/privacy/audit-log.js';
import { openMigratedDatabase } from '../server/bootstrap.js';
import { handOverTask, type TaskOutcome } from '../server/control/task-channel.js';
import { BackupError, openBackup, restoreBackup } from '../server/db/backup.js';
import { canonicalDataDir, DataDirInUseError, lockDataDir } from '../server/db/data-dir-lock.js';
import { databaseLocationFromEnv, openDatabase, type DatabaseConfig } from '../server/db/database.js';
import { CliFailure } from './cli-failure.js';
import { progressPrinter } from './progress.js';
import { runTask, type TaskArgs, type TaskName, type TaskResult } from './tasks.js';

/**
 * Runs a data task where the database allows it. On PostgreSQL the CLI opens the database itself,
 * beside any servers. The embedded database has one writer: the CLI takes its directory's lock and
 * works alone, or, when a server holds it, hands the task to that server; a directory without a
 * database is refused, so a mistyped DATA_DIR creates nothing.
 */
export async function runCliTask<N extends TaskName>(command: string, name: N, args: TaskArgs<N>): Promise<TaskResult<N>> {
  const events = progressPrinter();
  const location = databaseLocationFromEnv();
  let outcome: TaskOutcome;
  try {
    if (location.kind === 'postgres') {
      outcome = await runHere({ kind: 'postgres', url: location.url }, name, args, events);
    } else {
      const lock = await lockDataDir(location.dataDir, command).catch((error: unknown) => {
        if (error instanceof DataDirInUseError && error.holder?.controlToken) return error;
        throw error;
      });
      if (lock instanceof DataDirInUseError) {
        events.info(`Handing this to the running server (process ${lock.holder!.pid}), which holds the database.`);
        outcome = await handOverTask(lock.dataDir, lock.holder!, name, args, events);
      } else {
        outcome = await runHere({ kind: 'pglite', lock }, name, args, events);
      }
    }
  } finally {
    events.stop();
  }
  if (!outcome.ok) throw new CliFailure(outcome.failure.message, outcome.failure.issues);
  return outcome.result as TaskResult<N>;
}

async function runHere(config: DatabaseConfig, name: string, args: unknown, events: ReturnType<typeof progressPrinter>) {
  const db = await openMigratedDatabase(config);
  try {
    return await runTask({ db, travelTimes: new SiteTravelTimes(db, new RoadNetworks(db).providerFor), events }, name, args);
  } finally {
    await db.destroy();
  }
}

/**
 * Restores a backup into an empty database: a new DATA_DIR (created here, like the server would),
 * or an empty PostgreSQL database. Not a task for a running server: its database is not empty.
 */
export async function restoreFromBackup(file: string) {
  // The file is checked before a database is opened or a DATA_DIR made.
  const backup = await openBackup(file).catch((error: unknown) => {
    if (error instanceof BackupError) throw new CliFailure(`${file}: ${error.message}`);
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new CliFailure(`${file}: no such file`);
    throw error;
  });
  const events = progressPrinter();
  const location = databaseLocationFromEnv();
  const createdDir = location.kind === 'pglite' && !existsSync(location.dataDir) ? canonicalDataDir(location.dataDir) : undefined;
  let rows: Record<string, number> | undefined;
  let failure: unknown;
  try {
    const config: DatabaseConfig = location.kind === 'postgres' ? location : { kind: 'pglite', lock: await lockDataDir(location.dataDir, 'restore', { create: true }) };
    const db = await openDatabase(config);
    try {
      rows = await restoreBackup(db, backup, (table) => events.progress(`restoring ${table}`, 0, 0));
      await recordAudit(db, { kind: 'cli' }, 'restore', { detail: { tables: Object.keys(rows).length } });
    } finally {
      await db.destroy();
    }
  } catch (error) {
    failure = error;
  } finally {
    backup.close();
    events.stop();
  }
  if (rows) return rows;
  // A failed restore leaves no half-made DATA_DIR behind (only one this command made).
  if (createdDir) rmSync(createdDir, { recursive: true, force: true });
  if (failure instanceof BackupError) throw new CliFailure(`${file}: ${failure.message}`);
  throw failure;
}
