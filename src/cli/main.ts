import { readFileSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { createInterface } from 'node:readline/promises';
import cliProgress from 'cli-progress';
import { Command, InvalidArgumentError } from 'commander';
import { seedDemo } from '../features/demo/seed-demo.js';
import { writeOfferingFile } from '../features/catalog/offering-export.js';
import { importOfferings, readOfferingFile } from '../features/catalog/offering-import.js';
import { offeringSearchSchema, searchOfferings } from '../features/catalog/offering-search.js';
import { RoadNetworks } from '../features/roads/road-networks.js';
import { SiteTravelTimes } from '../features/travel/site-travel-times.js';
import { buildApp } from '../server/app.js';
import { openMigratedDatabase } from '../server/bootstrap.js';
import { databaseConfigFromEnv, type Db } from '../server/db/database.js';
import { HttpError } from '../server/http/errors.js';
import { startOutboxWorker } from '../features/notification/outbox-worker.js';
import { JsonStatError } from '../features/population/json-stat.js';
import { PopulationCsvError } from '../features/population/population-csv.js';
import { importPopulation } from '../features/population/population-import.js';
import { OsmFileError } from '../features/roads/osm-file.js';
import { importRoads, removeRoads, type RoadImportStage } from '../features/roads/road-import.js';

const positiveInt = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('a positive whole number');
  return n;
};

async function withDatabase<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const db = await openMigratedDatabase(databaseConfigFromEnv());
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

/** Prints an import's row errors the way a person fixing the file wants them: row, column, reason. */
function reportFailure(error: unknown): never {
  if (error instanceof HttpError) {
    console.error(error.message);
    for (const issue of error.issues) {
      console.error(`  ${issue.row ? `row ${issue.row}, ` : ''}${issue.path}: ${issue.message}`);
    }
    process.exit(1);
  }
  throw error;
}

const program = new Command('tarjotin').description('The regional course tray of Tarjotin');

program
  .command('serve')
  .description('Serve the API and the web app (migrates and loads the demo region on first start)')
  .option('--port <port>', 'port to listen on', positiveInt, Number(process.env.PORT ?? 8080))
  .option('--host <host>', 'address to listen on', process.env.HOST ?? '0.0.0.0')
  .option('--no-demo', 'do not load the Lappi demo region')
  .action(async (options: { port: number; host: string; demo: boolean }) => {
    const config = databaseConfigFromEnv();
    const db = await openMigratedDatabase(config);
    if (options.demo && process.env.TARJOTIN_DEMO !== 'off' && (await seedDemo(db))) {
      console.log('Loaded the Lappi demo region.');
    }
    const app = await buildApp({ db, logLevel: process.env.LOG_LEVEL ?? 'warn', secureCookies: process.env.SECURE_COOKIES === 'true', indicatorRefreshMs: 60_000 });
    const stopOutbox = startOutboxWorker(db, process.env.SMTP_URL, process.env.SMTP_FROM ?? 'Tarjotin <noreply@tarjotin.example>');
    const close = async () => {
      stopOutbox();
      await app.close();
      await db.destroy();
      process.exit(0);
    };
    process.once('SIGINT', close);
    process.once('SIGTERM', close);
    await app.listen({ port: options.port, host: options.host });
    console.log(`Tarjotin on http://localhost:${options.port} (${config.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'})`);
  });

program
  .command('migrate')
  .description('Bring the database schema up to date')
  .action(() => withDatabase(async () => console.log('Database is up to date.')));

program
  .command('seed')
  .description('Load reference data, and with --demo the Lappi demo region')
  .option('--demo', 'load the demo region')
  .action((options: { demo?: boolean }) =>
    withDatabase(async (db) => {
      console.log('Municipalities loaded.');
      if (options.demo) console.log((await seedDemo(db)) ? 'Demo region loaded.' : 'Demo region was already there.');
    }),
  );

const importCommand = program.command('import').description('Import data from files');
importCommand
  .command('offerings <file>')
  .description('Import a provider\'s offerings from CSV or XLSX: every row, or nothing when any row is bad')
  .requiredOption('--provider <id>', 'organization id of the provider', positiveInt)
  .action((file: string, options: { provider: number }) =>
    withDatabase(async (db) => {
      const format = extname(file).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv';
      const rows = await readOfferingFile(readFileSync(file), format).catch(reportFailure);
      const result = await importOfferings(db, options.provider, rows).catch(reportFailure);
      console.log(`Imported ${rows.length} rows: ${result.created} created, ${result.updated} updated.`);
    }),
  );

importCommand
  .command('population <file>')
  .description('Import population statistics: JSON-stat 2 (Statistics Finland PxWeb), or CSV; every figure, or nothing when any is bad')
  .option('--source <text>', 'where the figures come from, kept with them (default: the file name)')
  .action((file: string, options: { source?: string }) =>
    withDatabase(async (db) => {
      const bar = new cliProgress.SingleBar({ format: '  population [{bar}] {value}/{total} figures', hideCursor: true }, cliProgress.Presets.shades_classic);
      let started = false;
      const result = await importPopulation(db, { name: file, text: readFileSync(file, 'utf8') }, {
        source: options.source,
        onProgress: (done, total) => {
          if (!started) bar.start(total, 0);
          started = true;
          bar.update(done);
        },
      })
        .catch((error: unknown) => {
          if (error instanceof JsonStatError || error instanceof PopulationCsvError) {
            console.error(`${file}: ${error.message}`);
            process.exit(1);
          }
          return reportFailure(error);
        })
        .finally(() => started && bar.stop());
      console.log(`Imported ${result.written} population figures${result.skippedAggregates ? ` (skipped ${result.skippedAggregates} for the whole country or regions)` : ''}.`);
    }),
  );

importCommand
  .command('roads <file>')
  .description('Import a region\'s road network from an OpenStreetMap extract (.osm or .osm.pbf); travel times then follow the roads')
  .option('--region <code or id>', 'the region whose network this is (needed when there are several)')
  .action((file: string, options: { region?: string }) =>
    withDatabase(async (db) => {
      const region = await regionNamed(db, options.region);
      const bar = new cliProgress.SingleBar({ format: '  reading [{bar}] {percentage}% of {total} MB', hideCursor: true }, cliProgress.Presets.shades_classic);
      let stage: RoadImportStage | undefined;
      const result = await importRoads(db, region.id, file, (next, done, total) => {
        if (next === 'read') {
          if (stage !== 'read') bar.start(Math.ceil(total / 1e6), 0);
          bar.update(done / 1e6);
        } else if (next !== stage) {
          if (stage === 'read') bar.stop();
          console.log(next === 'build' ? '  building the road graph…' : '  storing…');
        }
        stage = next;
      }).catch((error: unknown) => {
        if (stage === 'read') bar.stop();
        if (error instanceof OsmFileError || (error as NodeJS.ErrnoException).code === 'ENOENT') {
          console.error(`${file}: ${error instanceof OsmFileError ? error.message : 'no such file'}`);
          process.exit(1);
        }
        throw error;
      });
      console.log(
        `Imported the road network of ${region.name_fi}: ${result.nodes} nodes, ${result.roads} road segments from ${result.roadWays} ways` +
          (result.disconnectedNodes ? `; left out ${result.disconnectedNodes} nodes not connected to the main network` : '') +
          (result.missingNodes ? `; ${result.missingNodes} node references outside the extract` : '') +
          '.',
      );
    }),
  );

program
  .command('remove')
  .description('Remove imported data')
  .command('roads')
  .description('Remove a region\'s road network; its travel times go back to the estimate')
  .option('--region <code or id>', 'the region (needed when there are several)')
  .option('--yes', 'do not ask for confirmation')
  .action((options: { region?: string; yes?: boolean }) =>
    withDatabase(async (db) => {
      const region = await regionNamed(db, options.region);
      if (!options.yes && !(await confirmed(`Remove the road network of ${region.name_fi}? Travel times go back to the estimate. [y/N] `))) {
        console.log('Nothing removed.');
        return;
      }
      console.log((await removeRoads(db, region.id)) ? `Removed the road network of ${region.name_fi}.` : `${region.name_fi} has no road network.`);
    }),
  );

async function confirmed(question: string): Promise<boolean> {
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^(y|yes|k|kyllä)$/i.test((await prompt.question(question)).trim());
  } finally {
    prompt.close();
  }
}

/** The region named by code or id, or the only region when none is named. */
async function regionNamed(db: Db, name: string | undefined) {
  const regions = await db.selectFrom('region').select(['id', 'code', 'name_fi']).orderBy('id').execute();
  const region = name === undefined ? (regions.length === 1 ? regions[0] : undefined) : regions.find((r) => r.code === name || String(r.id) === name);
  if (!region) {
    console.error(`${name === undefined ? 'Name the region with --region' : `No region ${name}`}; regions: ${regions.map((r) => `${r.code} (${r.id})`).join(', ') || 'none'}`);
    process.exit(1);
  }
  return region;
}

const exportCommand = program.command('export').description('Export data to files');
exportCommand
  .command('offerings')
  .description('Export offerings in the import format')
  .option('--format <format>', 'csv or xlsx', 'csv')
  .option('--provider <id>', 'only this provider', positiveInt)
  .option('--region <id>', 'only this region', positiveInt)
  .requiredOption('--out <file>', 'file to write')
  .action((options: { format: string; provider?: number; region?: number; out: string }) =>
    withDatabase(async (db) => {
      if (options.format !== 'csv' && options.format !== 'xlsx') throw new InvalidArgumentError('format is csv or xlsx');
      const search = offeringSearchSchema.parse({ provider: options.provider, region: options.region, includeWithdrawn: 'true' });
      const { items } = await searchOfferings(db, new SiteTravelTimes(db, new RoadNetworks(db).providerFor), { ...search, limit: 1_000_000, sort: 'code' });
      writeFileSync(options.out, await writeOfferingFile(items, options.format));
      console.log(`Wrote ${items.length} offerings to ${options.out}.`);
    }),
  );

await program.parseAsync();
