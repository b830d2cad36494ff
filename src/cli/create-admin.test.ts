import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../test/api-client.js';
import { runCli } from '../../test/cli-process.js';
import { openDemoDatabase, type TestDatabase } from '../../test/databases.js';
import { buildApp } from '../server/app.js';

const EMAIL = 'Paakayttaja@Lappi.example';
const PASSWORD = 'revontulet yli tunturin';

// On PostgreSQL, so that the CLI runs in its own process beside the app the test signs in to.
describe('tarjotin create-admin', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let env: NodeJS.ProcessEnv;
  let dir: string;
  beforeAll(async () => {
    database = await openDemoDatabase('postgres');
    app = await buildApp({ serveWeb: false, db: database.db });
    dir = mkdtempSync(join(tmpdir(), 'tarjotin-create-admin-'));
    env = { DATABASE_URL: database.url!, DATA_DIR: join(dir, 'unused') };
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const admins = () => database.db.selectFrom('app_user').select(['id', 'email', 'name', 'role', 'region_id']).where('email', '=', EMAIL.toLowerCase()).execute();

  it('creates a system admin from a password on standard input, who can then sign in', async () => {
    const result = await runCli(['create-admin', '--email', EMAIL, '--name', 'Pää Käyttäjä', '--password-stdin'], env, `${PASSWORD}\n`);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Created system admin paakayttaja@lappi\.example \(person \d+\)/);
    const [admin] = await admins();
    expect(admin).toMatchObject({ name: 'Pää Käyttäjä', role: 'system_admin', region_id: null });
    const session = await new ApiClient(app).login(EMAIL.toLowerCase(), PASSWORD);
    expect(session.user).toMatchObject({ role: 'system_admin' });
    const audit = await database.db.selectFrom('audit_event').select(['actor_kind']).where('action', '=', 'create_system_admin').where('subject_id', '=', admin!.id).execute();
    expect(audit).toEqual([{ actor_kind: 'cli' }]);
  });

  const nobodyElse = async () => {
    expect(await database.db.selectFrom('app_user').select('id').where('email', '=', 'toinen@lappi.example').execute()).toEqual([]);
    expect(await admins()).toHaveLength(1);
  };

  // Each CLI run starts a process (about 4 s on two busy cores): a few per test.
  it('refuses a weak password, changing nothing', async () => {
    const weak = await runCli(['create-admin', '--email', 'toinen@lappi.example', '--password-stdin'], env, 'Salasana2026!\n');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/password: this is one of the commonest passwords/);
    expect(weak.stderr).not.toMatch(/\n\s+at /);
    const short = await runCli(['create-admin', '--email', 'toinen@lappi.example', '--password-stdin'], env, 'lyhyt\n');
    expect(short.stderr).toMatch(/password: use at least 12 characters/);
    await nobodyElse();
  });

  it('refuses an e-mail in use, changing nothing', async () => {
    const taken = await runCli(['create-admin', '--email', EMAIL, '--password-stdin'], env, 'toinen pitkä salasana\n');
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/email: paakayttaja@lappi\.example already has an account/);
    await nobodyElse();
  });

  it('refuses a missing --password-stdin and a bad e-mail, each in a line', async () => {
    const noStdin = await runCli(['create-admin', '--email', 'toinen@lappi.example'], env);
    expect(noStdin.code).toBe(1);
    expect(noStdin.stderr.trim().split('\n')).toHaveLength(1);
    expect(noStdin.stderr).toMatch(/--password-stdin/);
    const badEmail = await runCli(['create-admin', '--email', 'ei-osoite', '--password-stdin'], env, `${PASSWORD}\n`);
    expect(badEmail.code).toBe(1);
    expect(badEmail.stderr).toMatch(/email/);
    await nobodyElse();
  });
});
