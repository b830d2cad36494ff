import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient, runCli, startServer, type ServerProcess } from '../../test/cli-process.js';
import { openDemoDatabase, type TestDatabase } from '../../test/databases.js';
import { HOLDER_FILE } from '../server/db/data-dir-lock.js';

const LAPPIA_COORDINATOR = 'koordinaattori.lappia@tarjotin.example';

/**
 * One embedded database, one writer: real server and CLI processes on one data directory, the
 * server killed with SIGKILL in the middle. Every write that got an answer must survive.
 */
describe('the embedded database with a running server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tarjotin-single-writer-'));
  const dataDir = join(dir, 'pglite');
  const env = { DATA_DIR: dataDir, DATABASE_URL: '' };
  let server: ServerProcess;
  /** Lappia's offerings once the CLI has imported one more. */
  let expectedTotal = 0;

  beforeAll(async () => {
    server = await startServer(env);
  }, 120_000);

  afterAll(() => {
    server?.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a second server on the same directory at once, naming the one that holds it', async () => {
    const second = await runCli(['serve', '--port', '0', '--host', '127.0.0.1'], env);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`is in use by \`tarjotin serve\` (process ${server.pid}`);
    expect(second.stderr).toContain('Stop that server first');
    expect(second.stderr).not.toMatch(/\n\s+at /);
    // The holder file carries the token that lets the owner's CLI act with the server's rights: the owner's eyes only.
    expect(statSync(join(dataDir, HOLDER_FILE)).mode & 0o077).toBe(0);
  });

  it('hands CLI imports, exports and migrations to the server', async () => {
    const lappia = await lappiaId(server);
    const exported = join(dir, 'lappia.csv');
    const export1 = await runCli(['export', 'offerings', '--provider', String(lappia), '--out', exported], env);
    expect(export1.stderr).toContain(`running server (process ${server.pid})`);
    expect(export1.code).toBe(0);
    // A new offering: the first exported row without its id.
    const [header = '', first = '', ...rest] = readFileSync(exported, 'utf8').replace(/^\uFEFF/, '').trim().split('\n');
    const exportedCount = 1 + rest.length;
    // The first row has no quoted semicolons: its id is its first cell.
    const cells = first.split(';');
    expect(header.split(';')[0]).toBe('id');
    cells[0] = '';
    writeFileSync(join(dir, 'new.csv'), `${header}\n${cells.join(';')}\n`);
    const imported = await runCli(['import', 'offerings', join(dir, 'new.csv'), '--provider', String(lappia)], env);
    expect(imported.stdout).toContain('1 created');
    expect((await runCli(['migrate'], env)).stdout).toContain('up to date');
    expectedTotal = exportedCount + 1;
  });

  it('loses no write it acknowledged, the CLI\'s included, when killed with SIGKILL', async () => {
    expect(expectedTotal).toBeGreaterThan(1);
    const lappia = await lappiaId(server);
    const coordinator = new HttpClient(server.url);
    await coordinator.login(LAPPIA_COORDINATOR);
    const template = (await coordinator.request('GET', `/offerings?provider=${lappia}&limit=1`)).body.items[0];
    const acknowledged: number[] = [];
    for (let i = 0; i < 15; i++) {
      const created = await coordinator.request('POST', '/offerings', newOfferingLike(template, i));
      expect(created.status).toBe(201);
      acknowledged.push(created.body.id);
    }
    server.child.kill('SIGKILL');
    await server.exited;

    server = await startServer(env);
    const reader = new HttpClient(server.url);
    for (const id of acknowledged) expect((await reader.request('GET', `/offerings/${id}`)).status).toBe(200);
    // The exported ones, the one the CLI imported while the server ran, and the fifteen.
    const all = await reader.request('GET', `/offerings?provider=${lappia}&limit=200`);
    expect(all.body.total).toBe(expectedTotal + acknowledged.length);
  });

  let backedUp = { rows: '', tables: '' };
  it('backs up through the running server', async () => {
    const written = await runCli(['backup', '--out', join(dir, 'backup.jsonl.gz')], env);
    expect(written.code).toBe(0);
    const [, rows, tables] = /Wrote (\d+) rows of (\d+) tables/.exec(written.stdout)!;
    backedUp = { rows: rows!, tables: tables! };
  });

  it('restores into a new DATA_DIR', async () => {
    const backup = join(dir, 'backup.jsonl.gz');
    const { rows, tables } = backedUp;
    const restored = await runCli(['restore', backup], { ...env, DATA_DIR: join(dir, 'restored') });
    expect(restored.stdout).toContain(`Restored ${rows} rows of ${tables} tables.`);
  });

  it('restores over no database: not the server\'s, not one that holds data', async () => {
    const backup = join(dir, 'backup.jsonl.gz');
    expect(existsSync(backup)).toBe(true);
    const over = await runCli(['restore', backup], env);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('is in use by `tarjotin serve`');
    const again = await runCli(['restore', backup], { ...env, DATA_DIR: join(dir, 'restored') });
    expect(again.stderr).toContain('already holds data');
  });

  it('leaves no DATA_DIR it made when the backup file is bad or missing', async () => {
    for (const bad of [join(dir, 'lappia.csv'), join(dir, 'missing.gz')]) {
      const refused = await runCli(['restore', bad], { ...env, DATA_DIR: join(dir, 'never') });
      expect(refused.code).toBe(1);
      expect(refused.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(join(dir, 'never'))).toBe(false);
    }
  });

  it('erases a person through the running server, only when told to', async () => {
    const student = new HttpClient(server.url);
    await student.login('opiskelija3.pello@tarjotin.example');
    const { id } = (await student.request('GET', '/auth/session')).body.user;
    const declined = await runCli(['erase', 'person', String(id)], env, 'n\n');
    expect(declined.stdout).toContain('Nothing erased.');
    const erased = await runCli(['erase', 'person', String(id), '--yes'], env);
    expect(erased.stdout).toContain(`Erased person ${id}:`);
    expect((await student.request('GET', '/auth/session')).body.user).toBeNull();
  });

  it('refuses a mistyped DATA_DIR without creating anything there', async () => {
    const typo = join(dir, 'pglit');
    const result = await runCli(['export', 'offerings', '--out', join(dir, 'x.csv')], { ...env, DATA_DIR: typo });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`There is no Tarjotin database in ${typo}`);
    expect(existsSync(typo)).toBe(false);
  });
});

async function lappiaId(server: ServerProcess): Promise<number> {
  const organizations = (await new HttpClient(server.url).request('GET', '/organizations?kind=provider')).body.items as { id: number; name: string }[];
  return organizations.find((o) => o.name.startsWith('Lappia'))!.id;
}

function newOfferingLike(template: Record<string, any>, i: number) {
  return {
    courseCode: template.course.code,
    siteId: template.site?.id ?? null,
    mode: template.mode,
    language: template.language,
    academicYear: template.academicYear,
    periods: template.periods,
    timeSlots: [{ day: 1 + (i % 5), start: '08:30', end: '10:00' }],
    capacity: 10 + i,
    seatsForPartners: 2,
    targetGroups: template.targetGroups,
    feeEuros: 0,
    enrolmentStart: template.enrolmentStart,
    enrolmentEnd: template.enrolmentEnd,
    contactName: 'Hakutoimisto',
    contactEmail: 'haku@example.fi',
  };
}

describe('the CLI on PostgreSQL', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openDemoDatabase('postgres');
  });
  afterAll(() => database?.close());

  it('works on the database directly, beside any servers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tarjotin-cli-pg-'));
    try {
      const env = { DATABASE_URL: database.url!, DATA_DIR: join(dir, 'unused') };
      const lappia = (await database.db.selectFrom('organization').select('id').where('name', 'like', 'Lappia%').executeTakeFirstOrThrow()).id;
      const exported = await runCli(['export', 'offerings', '--provider', String(lappia), '--out', join(dir, 'lappia.csv')], env);
      expect(exported.code).toBe(0);
      expect(exported.stderr).not.toContain('running server');
      const imported = await runCli(['import', 'offerings', join(dir, 'lappia.csv'), '--provider', String(lappia)], env);
      expect(imported.stdout).toMatch(/Imported (\d+) rows: 0 created, \1 updated/);
      expect(existsSync(join(dir, 'unused'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
