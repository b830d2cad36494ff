import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { Command, InvalidArgumentError, Option } from 'commander';
import { CODE_SET_NAMES, type CodeSetName } from '../features/catalog/code-sets/national-courses.js';
import { FIELDS, type Field } from '../features/catalog/vocabulary.js';
import { DataDirInUseError, NoDatabaseError } from '../server/db/data-dir-lock.js';
import { serve } from './serve.js';
import { CliFailure } from './cli-failure.js';
import { restoreFromBackup, runCliTask } from './task-runner.js';

const positiveInt = (value: string) => {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n <= 0) throw new InvalidArgumentError('a positive whole number');
  return n;
};

const portNumber = (value: string) => {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) throw new InvalidArgumentError('a port number, 0–65535 (0: any free port)');
  return n;
};

const program = new Command('tarjotin').description('The regional course tray of Tarjotin');

program
  .command('serve')
  .description('Serve the API and the web app (migrates and loads the demo region on first start)')
  .option('--port <port>', 'port to listen on', portNumber, Number(process.env.PORT ?? 8080))
  .option('--host <host>', 'address to listen on (HOST; default 127.0.0.1, this machine only)', process.env.HOST ?? '127.0.0.1')
  .option('--no-demo', 'do not load the Lappi demo region')
  .action((options: { port: number; host: string; demo: boolean }) => serve(options));

program
  .command('migrate')
  .description('Bring the database schema up to date')
  .action(async () => {
    await runCliTask('migrate', 'migrate', {});
    console.log('Database is up to date.');
  });

program
  .command('seed')
  .description('Load reference data, and with --demo the Lappi demo region')
  .option('--demo', 'load the demo region')
  .action(async (options: { demo?: boolean }) => {
    const { demoLoaded } = await runCliTask('seed', 'seed', { demo: options.demo === true });
    console.log('Reference data loaded.');
    if (options.demo) console.log(demoLoaded ? 'Demo region loaded.' : 'Demo region was already there.');
  });

const importCommand = program.command('import').description('Import data from files');
importCommand
  .command('offerings <file>')
  .description('Import a provider\'s offerings from CSV or XLSX: every row, or nothing when any row is bad')
  .requiredOption('--provider <id>', 'organization id of the provider', positiveInt)
  .action(async (file: string, options: { provider: number }) => {
    const result = await runCliTask('import offerings', 'importOfferings', { file: resolve(file), providerId: options.provider });
    console.log(`Imported ${result.rows} rows: ${result.created} created, ${result.updated} updated.`);
  });

importCommand
  .command('population <file>')
  .description('Import population statistics: PxWeb CSV or JSON-stat (Statistics Finland), Sotkanet or Paavo CSV; every figure, or nothing when any is bad')
  .option('--source <text>', 'where the figures come from, kept with them (default: the file name)')
  .action(async (file: string, options: { source?: string }) => {
    const result = await runCliTask('import population', 'importPopulation', { file: resolve(file), source: options.source });
    console.log(`Imported ${result.written} population figures${result.skippedAggregates ? ` (skipped ${result.skippedAggregates} for the whole country or regions)` : ''}, read as ${result.encoding}.`);
    for (const note of result.notes) console.log(`- ${note.message}`);
  });

importCommand
  .command('code-set [file]')
  .description(
    'Import courses from a national code set (Koodisto JSON), named as the set names them; without a file, the copy that ships with Tarjotin. ' +
      'Qualification units (--set tutkinnonosat): a CSV or XLSX of units with their osp, or the set\'s Koodisto JSON',
  )
  .addOption(new Option('--set <name>', 'the code set').choices(CODE_SET_NAMES).makeOptionMandatory())
  .option('--region <code or id>', 'the region whose courses these are (needed when there are several)')
  .option('--osp <number>', 'the scope of new units the file gives none (a Koodisto JSON carries none)', parseFloat)
  .addOption(new Option('--field <code>', 'the field of education (00–10) of new units the file names none').choices(FIELDS))
  .option('--qualification <name>', 'the qualification of units the file names none')
  .action(async (file: string | undefined, options: { set: CodeSetName; region?: string; osp?: number; field?: Field; qualification?: string }) => {
    const result = await runCliTask('import code-set', 'importCodeSet', {
      file: file === undefined ? undefined : resolve(file),
      codeSet: options.set,
      region: options.region,
      defaults: { credits: options.osp, field: options.field, qualification: options.qualification },
    });
    console.log(`Courses of ${result.region.name_fi} from ${options.set}: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged.`);
  });

importCommand
  .command('roads <file>')
  .description('Import a region\'s road network from an OpenStreetMap extract (.osm or .osm.pbf); travel times then follow the roads')
  .option('--region <code or id>', 'the region whose network this is (needed when there are several)')
  .action(async (file: string, options: { region?: string }) => {
    const result = await runCliTask('import roads', 'importRoads', { file: resolve(file), region: options.region });
    console.log(
      `Imported the road network of ${result.region.name_fi}: ${result.nodes} nodes, ${result.roads} road segments from ${result.roadWays} ways` +
        (result.disconnectedNodes ? `; left out ${result.disconnectedNodes} nodes not connected to the main network` : '') +
        (result.missingNodes ? `; ${result.missingNodes} node references outside the extract` : '') +
        '.',
    );
  });

program
  .command('remove')
  .description('Remove imported data')
  .command('roads')
  .description('Remove a region\'s road network; its travel times go back to the estimate')
  .option('--region <code or id>', 'the region (needed when there are several)')
  .option('--yes', 'do not ask for confirmation')
  .action(async (options: { region?: string; yes?: boolean }) => {
    const region = await runCliTask('remove roads', 'region', { name: options.region });
    if (!options.yes && !(await confirmed(`Remove the road network of ${region.name_fi}? Travel times go back to the estimate. [y/N] `))) {
      console.log('Nothing removed.');
      return;
    }
    const { removed } = await runCliTask('remove roads', 'removeRoads', { regionId: region.id });
    console.log(removed ? `Removed the road network of ${region.name_fi}.` : `${region.name_fi} has no road network.`);
  });

program
  .command('backup')
  .description('Write a backup of the whole database (gzip-compressed JSON lines, the same on both engines)')
  .requiredOption('--out <file>', 'file to write')
  .action(async (options: { out: string }) => {
    const { tables, rows } = await runCliTask('backup', 'backup', { out: resolve(options.out) });
    console.log(`Wrote ${rows} rows of ${tables} tables to ${options.out}.`);
  });

program
  .command('restore <file>')
  .description('Restore a backup into an empty database: a new DATA_DIR, or an empty PostgreSQL database (DATABASE_URL)')
  .action(async (file: string) => {
    const rows = await restoreFromBackup(resolve(file));
    console.log(`Restored ${Object.values(rows).reduce((a, b) => a + b, 0)} rows of ${Object.keys(rows).length} tables.`);
  });

program
  .command('create-admin')
  .description('Create a system admin, who creates regions and their admins: the first user of an installation without the demo')
  .requiredOption('--email <address>', 'the admin\'s e-mail address, used to sign in')
  .option('--name <name>', 'the admin\'s name (default: the e-mail address)')
  .option('--password-stdin', 'read the password from standard input (at least 12 characters)')
  .action(async (options: { email: string; name?: string; passwordStdin?: boolean }) => {
    if (!options.passwordStdin) throw new CliFailure('Give the password on standard input: printf %s "$PASSWORD" | tarjotin create-admin --email E --password-stdin');
    const password = (await readStandardInput()).replace(/\r?\n$/, '');
    const { id } = await runCliTask('create-admin', 'createSystemAdmin', { email: options.email, name: options.name ?? options.email.trim().toLowerCase(), password });
    console.log(`Created system admin ${options.email.trim().toLowerCase()} (person ${id}). Sign in at the web app with this e-mail and password.`);
  });

/** Everything on standard input, as text. */
async function readStandardInput(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

program
  .command('erase')
  .description('Erase personal data')
  .command('person <id>')
  .description('Erase a person (GDPR): completed credits and the audit trail stay, pseudonymised; everything else about them goes')
  .option('--yes', 'do not ask for confirmation')
  .action(async (id: string, options: { yes?: boolean }) => {
    const person = await runCliTask('erase person', 'person', { id: positiveInt(id) });
    if (person.erased) throw new CliFailure(`Person ${person.id} was erased already.`);
    if (!options.yes && !(await confirmed(`Erase ${person.name} <${person.email}> (${person.id})? This cannot be undone. [y/N] `))) {
      console.log('Nothing erased.');
      return;
    }
    const summary = await runCliTask('erase person', 'erasePerson', { id: person.id });
    console.log(`Erased person ${person.id}: ${Object.entries(summary).map(([what, n]) => `${what} ${n}`).join(', ')}.`);
  });

async function confirmed(question: string): Promise<boolean> {
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^(y|yes|k|kyllä)$/i.test((await prompt.question(question)).trim());
  } finally {
    prompt.close();
  }
}

const exportCommand = program.command('export').description('Export data to files');
exportCommand
  .command('offerings')
  .description('Export offerings in the import format')
  .option('--format <format>', 'csv or xlsx', 'csv')
  .option('--separator <separator>', 'CSV separator: semicolon (Excel in Finnish and Swedish) or comma', 'semicolon')
  .option('--provider <id>', 'only this provider', positiveInt)
  .option('--region <id>', 'only this region', positiveInt)
  .requiredOption('--out <file>', 'file to write')
  .action(async (options: { format: string; separator: string; provider?: number; region?: number; out: string }) => {
    if (options.format !== 'csv' && options.format !== 'xlsx') throw new CliFailure('--format is csv or xlsx');
    if (options.separator !== 'semicolon' && options.separator !== 'comma') throw new CliFailure('--separator is semicolon or comma');
    const { count, content } = await runCliTask('export offerings', 'exportOfferings', { format: options.format, separator: options.separator, provider: options.provider, region: options.region });
    writeOutput(options.out, Buffer.from(content, 'base64'));
    console.log(`Wrote ${count} offerings to ${options.out}.`);
  });

/** Writes a file the user named; a path that cannot be written is said in a line. */
function writeOutput(path: string, content: Buffer) {
  try {
    writeFileSync(path, content);
  } catch (error) {
    throw new CliFailure(`${path}: cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

/** What a person can act on, in a line or two; anything else is a bug and keeps its stack trace. */
function explain(error: unknown): string | undefined {
  if (error instanceof CliFailure) {
    return [error.message, ...error.issues.map((issue) => `  ${issue.row ? `row ${issue.row}, ` : ''}${issue.path}: ${issue.message}`)].join('\n');
  }
  if (error instanceof DataDirInUseError) {
    return error.holder?.command === 'serve'
      ? `${error.message} Stop that server first, or give this one its own DATA_DIR.`
      : `${error.message} Wait for it to finish, then try again.`;
  }
  if (error instanceof NoDatabaseError) return error.message;
  return undefined;
}

await program.parseAsync().catch((error: unknown) => {
  const explanation = explain(error);
  if (!explanation) throw error;
  console.error(explanation);
  process.exitCode = 1;
});
