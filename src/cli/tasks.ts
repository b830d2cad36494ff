import { open, readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { z } from 'zod';
import { bundledCodeSet, CODE_SET_NAMES, writeNationalCourses, type CodeSetName, type NationalCourse, type NationalCourseDefaults } from '../features/catalog/code-sets/national-courses.js';
import { readUnitFile } from '../features/catalog/code-sets/qualification-unit-file.js';
import { FIELDS } from '../features/catalog/vocabulary.js';
import { CodeSetFormatError, readKoodistoCodeSet } from '../features/catalog/code-sets/koodisto-code-set.js';
import { writeOfferingFile } from '../features/catalog/offering-export.js';
import { importOfferings, readOfferingFile } from '../features/catalog/offering-import.js';
import { offeringSearchSchema, searchOfferings } from '../features/catalog/offering-search.js';
import { seedDemo } from '../features/demo/seed-demo.js';
import { importPopulation } from '../features/population/population-import.js';
import { createSystemAdmin, systemAdminSchema, type NewSystemAdmin } from '../features/people/system-admin.js';
import { erasePerson } from '../features/privacy/erasure.js';
import { recordAudit } from '../features/privacy/audit-log.js';
import { importRoads, removeRoads } from '../features/roads/road-import.js';
import type { SiteTravelTimes } from '../features/travel/site-travel-times.js';
import type { TaskEvents, TaskFailure, TaskOutcome } from '../server/control/task-channel.js';
import type { Db } from '../server/db/database.js';
import { writeBackup } from '../server/db/backup.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { UnreadableFileError } from '../server/files/unreadable-file-error.js';
import { csvSeparatorSchema, type CsvSeparator } from '../server/files/table-file.js';
import { HttpError } from '../server/http/errors.js';
import { idSchema } from '../server/http/input-schemas.js';

/**
 * The CLI's work on data, as tasks that run the same way in the CLI's own process or, when a
 * server holds the embedded database, inside that server (handed over by task-channel.ts).
 * Arguments are plain JSON; paths are absolute, since the server may run in another directory.
 */
export interface TaskContext {
  db: Db;
  travelTimes: SiteTravelTimes;
  events: TaskEvents;
}

/** A problem with the user's input or request, reported as one line (and its issues), never a stack trace. */
export class TaskError extends Error {}

const absolutePath = z.string().startsWith('/');
const regionName = z.string().min(1).optional();

const tasks = {
  migrate: {
    args: z.object({}),
    run: async ({ db }: TaskContext) => ({ applied: await migrateToLatest(db) }),
  },
  /** Opening the database has loaded the reference data; the demo region is loaded on request. */
  seed: {
    args: z.object({ demo: z.boolean() }),
    run: async ({ db }: TaskContext, { demo }: { demo: boolean }) => ({ demoLoaded: demo && (await seedDemo(db)) }),
  },
  region: {
    args: z.object({ name: regionName }),
    run: ({ db }: TaskContext, { name }: { name?: string }) => regionNamed(db, name),
  },
  importOfferings: {
    args: z.object({ file: absolutePath, providerId: idSchema }),
    run: async ({ db, events }: TaskContext, { file, providerId }: { file: string; providerId: number }) => {
      const rows = await readOfferingFile(await readInput(file), extname(file).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv');
      const result = await importOfferings(db, providerId, rows, (stage, done, total) => events.progress(`offerings-${stage}`, done, total));
      return { rows: rows.length, ...result };
    },
  },
  importPopulation: {
    args: z.object({ file: absolutePath, source: z.string().optional() }),
    run: async ({ db, events }: TaskContext, { file, source }: { file: string; source?: string }) =>
      namingFile(
        file,
        importPopulation(db, { name: file, content: await readInput(file) }, {
          source,
          onProgress: (done, total) => events.progress('population', done, total),
        }),
      ),
  },
  importRoads: {
    args: z.object({ file: absolutePath, region: regionName }),
    run: async ({ db, events }: TaskContext, { file, region }: { file: string; region?: string }) => {
      const target = await regionNamed(db, region);
      await checkReadable(file);
      const result = await namingFile(
        file,
        importRoads(db, target.id, file, (stage, done, total) => events.progress(`roads-${stage}`, done, total)),
      );
      return { region: target, ...result };
    },
  },
  /**
   * A national code set's codes as the region's courses: the bundled copy, or a newer one
   * Opetushallitus published; qualification units from the provider's list (CSV/XLSX with osp) or
   * the set's Koodisto JSON, which ships with no copy.
   */
  importCodeSet: {
    args: z.object({
      file: absolutePath.optional(),
      codeSet: z.enum(CODE_SET_NAMES),
      region: regionName,
      defaults: z.object({ credits: z.number().positive().max(300).optional(), field: z.enum(FIELDS).optional(), qualification: z.string().min(2).max(200).optional() }).default({}),
    }),
    run: async ({ db }: TaskContext, { file, codeSet, region, defaults }: { file?: string; codeSet: CodeSetName; region?: string; defaults: NationalCourseDefaults }) => {
      const target = await regionNamed(db, region);
      const elements = await codeSetElements(codeSet, file);
      const counts = await db.transaction().execute((tx) => writeNationalCourses(tx, { kind: 'cli' }, target.id, codeSet, elements, defaults));
      return { region: target, ...counts };
    },
  },
  removeRoads: {
    args: z.object({ regionId: idSchema }),
    run: async ({ db }: TaskContext, { regionId }: { regionId: number }) => ({ removed: await removeRoads(db, regionId) }),
  },
  createSystemAdmin: {
    args: systemAdminSchema,
    run: ({ db }: TaskContext, admin: NewSystemAdmin) => createSystemAdmin(db, admin),
  },
  person: {
    args: z.object({ id: idSchema }),
    run: async ({ db }: TaskContext, { id }: { id: number }) => {
      const person = await db.selectFrom('app_user').select(['id', 'email', 'name', 'erased_at']).where('id', '=', id).executeTakeFirst();
      if (!person) throw new TaskError(`No person ${id}`);
      return { id: person.id, email: person.email, name: person.name, erased: person.erased_at !== null };
    },
  },
  erasePerson: {
    args: z.object({ id: idSchema }),
    run: async ({ db }: TaskContext, { id }: { id: number }) => erasePerson(db, id, { kind: 'cli' }),
  },
  backup: {
    args: z.object({ out: absolutePath }),
    run: async ({ db, events }: TaskContext, { out }: { out: string }) => {
      const rows = await writeBackup(db, out, (table) => events.progress(`backing up ${table}`, 0, 0)).catch((error: NodeJS.ErrnoException) => {
        throw error.code ? new TaskError(`${out}: cannot be written (${error.code})`) : error;
      });
      await recordAudit(db, { kind: 'cli' }, 'backup', { detail: { tables: Object.keys(rows).length } });
      return { tables: Object.keys(rows).length, rows: Object.values(rows).reduce((a, b) => a + b, 0) };
    },
  },
  exportOfferings: {
    args: z.object({ format: z.enum(['csv', 'xlsx']), separator: csvSeparatorSchema, provider: idSchema.optional(), region: idSchema.optional() }),
    run: async ({ db, travelTimes }: TaskContext, options: { format: 'csv' | 'xlsx'; separator: CsvSeparator; provider?: number; region?: number }) => {
      const search = offeringSearchSchema.parse({ provider: options.provider, region: options.region, includeWithdrawn: 'true' });
      const { items } = await searchOfferings(db, travelTimes, { ...search, limit: 1_000_000, sort: 'code' });
      return { count: items.length, content: (await writeOfferingFile(items, options.format, options.separator)).toString('base64') };
    },
  },
} as const;

export type TaskName = keyof typeof tasks;
export type TaskArgs<N extends TaskName> = z.input<(typeof tasks)[N]['args']>;
export type TaskResult<N extends TaskName> = Awaited<ReturnType<(typeof tasks)[N]['run']>>;

export const isTaskName = (name: string): name is TaskName => Object.hasOwn(tasks, name);

/** Runs a task on this process's database. A failure of the user's making becomes a failed outcome; anything else is thrown. */
export async function runTask(context: TaskContext, name: string, args: unknown): Promise<TaskOutcome> {
  if (!isTaskName(name)) return { ok: false, failure: { message: `No task ${name}` } };
  const task = tasks[name];
  try {
    const parsed = task.args.parse(args);
    return { ok: true, result: await (task.run as (context: TaskContext, args: unknown) => Promise<unknown>)(context, parsed) };
  } catch (error) {
    const failure = failureOf(error);
    if (failure) return { ok: false, failure };
    throw error;
  }
}

function failureOf(error: unknown): TaskFailure | undefined {
  if (error instanceof HttpError) return { message: error.message, issues: error.issues };
  if (error instanceof TaskError) return { message: error.message };
  if (error instanceof z.ZodError) return { message: error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  return undefined;
}

/** The elements to import: the file's (a unit list or a Koodisto JSON), or the set's bundled copy. */
async function codeSetElements(codeSet: CodeSetName, file: string | undefined): Promise<NationalCourse[]> {
  if (!file) {
    if (codeSet === 'tutkinnonosat') throw new TaskError('tutkinnonosat ships with no copy: give the file (a CSV or XLSX of units with their osp, or the code set\'s Koodisto JSON)');
    return bundledCodeSet(codeSet);
  }
  const content = await readInput(file);
  if (codeSet === 'tutkinnonosat') return readUnitFile(content, extname(file).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv');
  try {
    return readKoodistoCodeSet(content.toString('utf8'));
  } catch (error) {
    throw error instanceof CodeSetFormatError ? new TaskError(`${file}: ${error.message}`) : error;
  }
}

async function readInput(file: string): Promise<Buffer> {
  return readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw inputError(file, error);
  });
}

/** Checks that a file a reader will stream can be opened, before anything else is done. */
async function checkReadable(file: string): Promise<void> {
  const handle = await open(file).catch((error: NodeJS.ErrnoException) => {
    throw inputError(file, error);
  });
  const isFile = (await handle.stat()).isFile();
  await handle.close();
  if (!isFile) throw new TaskError(`${file}: not a file`);
}

/** An unreadable file's error, with the file's name in front. */
function namingFile<T>(file: string, work: Promise<T>): Promise<T> {
  return work.catch((error: unknown) => {
    throw error instanceof UnreadableFileError ? new TaskError(`${file}: ${error.message}`) : error;
  });
}

function inputError(file: string, error: NodeJS.ErrnoException) {
  const reason = { ENOENT: 'no such file', EACCES: 'not readable (permission denied)', EISDIR: 'not a file' }[error.code ?? ''] ?? 'cannot be read';
  return new TaskError(`${file}: ${reason}`);
}

/** The region named by code or id, or the only region when none is named. */
async function regionNamed(db: Db, name: string | undefined) {
  const regions = await db.selectFrom('region').select(['id', 'code', 'name_fi']).orderBy('id').execute();
  const region = name === undefined ? (regions.length === 1 ? regions[0] : undefined) : regions.find((r) => r.code === name || String(r.id) === name);
  if (!region) {
    const known = regions.map((r) => `${r.code} (${r.id})`).join(', ') || 'none';
    throw new TaskError(`${name === undefined ? 'Name the region with --region' : `No region ${name}`}; regions: ${known}`);
  }
  return region;
}
