import type { AddressInfo } from 'node:net';
import { seedDemo } from '../features/demo/seed-demo.js';
import { recoverAbandonedImports } from '../features/catalog/offering-import-journal.js';
import { applyRetention } from '../features/retention/retention.js';
import { startOutboxWorker } from '../features/notification/outbox-worker.js';
import { RoadNetworks } from '../features/roads/road-networks.js';
import { SiteTravelTimes } from '../features/travel/site-travel-times.js';
import { buildApp } from '../server/app.js';
import { openMigratedDatabase } from '../server/bootstrap.js';
import { runEvery } from '../server/periodic.js';
import { answerTasks, newControlToken, type TaskEvents } from '../server/control/task-channel.js';
import { lockDataDir, type DataDirLock } from '../server/db/data-dir-lock.js';
import { databaseLocationFromEnv, type DatabaseConfig, type Db } from '../server/db/database.js';
import { serverSettingsFromEnv } from './server-settings.js';
import { runTask } from './tasks.js';

export interface ServeOptions {
  port: number;
  host: string;
  demo: boolean;
}

/**
 * The server: on the embedded database it first takes the data directory's lock (creating the
 * directory on a first start) and answers the tasks that CLI commands hand it over the lock's socket.
 */
export async function serve(options: ServeOptions) {
  // Settings first: a mistyped one stops the start before the database is touched.
  const { sessionLifetime, secureCookies, trustProxy, oidc } = serverSettingsFromEnv(process.env);
  const location = databaseLocationFromEnv();
  let ready: (services: { db: Db; travelTimes: SiteTravelTimes }) => void;
  const services = new Promise<{ db: Db; travelTimes: SiteTravelTimes }>((resolve) => (ready = resolve));
  const config: DatabaseConfig = location.kind === 'postgres' ? location : { kind: 'pglite', lock: await lockDataDir(location.dataDir, 'serve', { create: true }) };
  if ('lock' in config) acceptTasks(config.lock, services);

  const db = await openMigratedDatabase(config);
  // The embedded database is this process's alone: any import still open was left by the last one.
  // A failure here is logged and left to maintenance: it must not keep the server from starting.
  if ('lock' in config) await recoverAbandonedImports(db, 0).catch((error: unknown) => console.error('finishing an import left by the last run failed', error));
  if (options.demo && process.env.TARJOTIN_DEMO !== 'off' && (await seedDemo(db))) console.log('Loaded the Lappi demo region.');
  const travelTimes = new SiteTravelTimes(db, new RoadNetworks(db).providerFor);
  const app = await buildApp({
    db,
    travelTimes,
    logLevel: process.env.LOG_LEVEL ?? 'warn',
    secureCookies,
    trustProxy,
    sessionLifetime,
    oidc,
    indicatorRefreshMs: 60_000,
  });
  ready!({ db, travelTimes });
  const stopOutbox = startOutboxWorker(db, process.env.SMTP_URL, process.env.SMTP_FROM ?? 'Tarjotin <noreply@tarjotin.example>');
  // Maintenance: what is kept no longer than its period goes, and imports a stopped process left are ended.
  const stopMaintenance = runEvery(
    MAINTENANCE_INTERVAL_MS,
    async () => {
      await applyRetention(db, sessionLifetime);
      await recoverAbandonedImports(db);
    },
    (error) => console.error('maintenance failed', error),
  );
  const close = async () => {
    stopMaintenance();
    stopOutbox();
    await app.close();
    await db.destroy();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port: options.port, host: options.host });
  const { port } = app.server.address() as AddressInfo;
  console.log(`Tarjotin on http://localhost:${port} (${'lock' in config ? `embedded database in ${config.lock.dataDir}` : 'PostgreSQL'})`);
}

const MAINTENANCE_INTERVAL_MS = 5 * 60_000;

function acceptTasks(lock: DataDirLock, services: Promise<{ db: Db; travelTimes: SiteTravelTimes }>) {
  const token = newControlToken();
  const run = async (task: string, args: unknown, events: TaskEvents) => runTask({ ...(await services), events }, task, args);
  answerTasks(lock.socket, token, run, (error, task) => console.error(`task ${task} handed over by the CLI failed`, error));
  lock.describe({ command: 'serve', controlToken: token });
}
