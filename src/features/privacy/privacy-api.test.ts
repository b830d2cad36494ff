import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { ApiClient } from '../../../test/api-client.js';
import { ENGINES } from '../../../test/databases.js';
import { useDemoApp } from '../../../test/test-app.js';
import { openBackup, restoreBackup, writeBackup } from '../../server/db/backup.js';
import { createMemoryPGlite, openDatabase, type Db } from '../../server/db/database.js';
import { DEFAULT_SESSION_LIFETIME } from '../auth/sessions.js';
import { applyRetention } from '../retention/retention.js';
import { ERASED_NAME } from './erasure.js';

const STUDENT = 'opiskelija.pello@tarjotin.example';
const COUNSELLOR = 'opo.pello@tarjotin.example';
const HOST = 'koordinaattori.lappia@tarjotin.example';
const ADMIN = 'admin@tarjotin.example';

/** Every row of a table, canonically: equal on two databases only if every value is. */
const checksum = async (db: Db, table: string) =>
  (await sql<{ s: string }>`select count(*) || ':' || coalesce(md5(string_agg(to_jsonb(t)::text, ',' order by to_jsonb(t)::text)), '') as s from ${sql.table(table)} t`.execute(db)).rows[0]!.s;

describe.each(ENGINES)('data protection on %s', (engine) => {
  const context = useDemoApp(engine);
  const signedIn = async (email: string) => {
    const client = new ApiClient(context.app);
    const session = await client.login(email);
    return { client, id: session.user.id as number };
  };
  const auditOf = (subjectId: number) => context.db.selectFrom('audit_event').selectAll().where('subject_id', '=', subjectId).orderBy('id').execute();

  it('logs who read a student’s plan, record and enrolments, but not the student’s own reads', async () => {
    const { client: student, id: studentId } = await signedIn(STUDENT);
    const { client: counsellor, id: counsellorId } = await signedIn(COUNSELLOR);
    const { client: host } = await signedIn(HOST);
    const before = (await auditOf(studentId)).length;
    await student.get(`/students/${studentId}/plan`);
    await student.get(`/students/${studentId}/record`);
    expect((await auditOf(studentId)).length).toBe(before);

    expect((await counsellor.get(`/students/${studentId}/plan`)).status).toBe(200);
    expect((await counsellor.get(`/students/${studentId}/record`)).status).toBe(200);
    const enrolment = (await student.get('/enrolments')).body.items[0];
    expect((await counsellor.get(`/enrolments/${enrolment.id}`)).status).toBe(200);
    expect((await host.get('/enrolments?limit=50')).status).toBe(200);
    const logged = (await auditOf(studentId)).slice(before);
    expect(logged.map((e) => [e.action, e.actor_kind])).toEqual([
      ['read_plan', 'person'],
      ['read_record', 'person'],
      ['read_enrolment', 'person'],
      ['read_enrolments', 'person'],
    ]);
    expect(logged.slice(0, 3).every((e) => e.actor_id === counsellorId)).toBe(true);
  });

  it('keeps the audit trail append-only in the database itself', async () => {
    const [row] = await context.db.selectFrom('audit_event').select('id').limit(1).execute();
    expect(row).toBeDefined();
    await expect(context.db.updateTable('audit_event').set({ action: 'x' }).where('id', '=', row!.id).execute()).rejects.toThrow(/append-only/);
    await expect(context.db.deleteFrom('audit_event').where('id', '=', row!.id).execute()).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_event`.execute(context.db)).rejects.toThrow(/append-only/);
    await expect(context.db.deleteFrom('enrolment_event').execute()).rejects.toThrow(/append-only/);
    await expect(sql`truncate enrolment_event cascade`.execute(context.db)).rejects.toThrow(/append-only/);
    // No cascade reaches it: an enrolment with steps cannot be deleted.
    await expect(context.db.deleteFrom('enrolment').execute()).rejects.toThrow();
    expect(await context.db.selectFrom('audit_event').select('id').where('id', '=', row!.id).executeTakeFirst()).toEqual(row);
  });

  it('gives a person everything stored about them, and an admin the same for people of their region only', async () => {
    const { client: student, id: studentId } = await signedIn(STUDENT);
    const mine = await student.get('/me/data');
    expect(mine.status).toBe(200);
    expect(mine.headers['content-disposition']).toContain('attachment');
    expect(mine.body.person).toMatchObject({ id: studentId, email: STUDENT });
    expect(mine.body.enrolments.length).toBeGreaterThan(2);
    expect(mine.body.enrolments[0].steps.length).toBeGreaterThan(0);
    expect(mine.body.plan.length).toBeGreaterThan(0);
    expect(mine.body.audit.some((e: { action: string }) => e.action === 'read_plan')).toBe(true);
    expect(JSON.stringify(mine.body)).not.toContain('$argon2');
    expect((await new ApiClient(context.app).get('/me/data')).status).toBe(401);

    const { client: admin, id: adminId } = await signedIn(ADMIN);
    expect((await admin.get(`/people/${studentId}/data`)).body.person.id).toBe(studentId);
    // Not an admin's: their own account (use /me/data), nor another admin's.
    expect((await admin.get(`/people/${adminId}/data`)).status).toBe(404);
    expect((await admin.post(`/people/${adminId}/erase`, { confirmEmail: ADMIN })).status).toBe(404);
    const { client: counsellor } = await signedIn(COUNSELLOR);
    expect((await counsellor.get(`/people/${studentId}/data`)).status).toBe(404);
    expect((await admin.get('/people/2147483000/data')).status).toBe(404);
  });

  it('erases a person: the credits and the trail stay, pseudonymised; everything else goes; the seats are freed', async () => {
    const { client: student, id: studentId } = await signedIn(STUDENT);
    const { client: admin } = await signedIn(ADMIN);
    const open = (await student.get('/enrolments')).body.items.filter((e: { status: string }) => ['requested', 'approved', 'accepted', 'enrolled', 'waitlisted'].includes(e.status));
    expect(open.length).toBeGreaterThan(0);

    const mistyped = await admin.post(`/people/${studentId}/erase`, { confirmEmail: 'someone@else.fi' });
    expect(mistyped.status).toBe(400);
    expect(mistyped.body.issues[0]).toMatchObject({ path: 'body.confirmEmail', code: 'confirmation_mismatch' });
    expect((await context.db.selectFrom('app_user').select('erased_at').where('id', '=', studentId).executeTakeFirstOrThrow()).erased_at).toBeNull();

    const erased = await admin.post(`/people/${studentId}/erase`, { confirmEmail: STUDENT });
    expect(erased.status).toBe(200);
    expect(erased.body.closedEnrolments).toBe(open.length);
    expect((await admin.post(`/people/${studentId}/erase`, { confirmEmail: `erased-${studentId}@erased.invalid` })).status).toBe(409);

    // Signed out, and cannot sign in again.
    expect((await student.get('/auth/session')).body.user).toBeNull();
    expect((await new ApiClient(context.app).post('/auth/login', { email: STUDENT, password: 'demo-salasana-2026' })).status).toBe(401);
    const account = await context.db.selectFrom('app_user').selectAll().where('id', '=', studentId).executeTakeFirstOrThrow();
    expect(account).toMatchObject({ name: ERASED_NAME, email: `erased-${studentId}@erased.invalid`, home_municipality_code: null });
    for (const table of ['plan_item', 'study_right', 'round_wish', 'plan_comment'] as const) {
      expect(await context.db.selectFrom(table).select('student_id').where('student_id', '=', studentId).execute(), table).toEqual([]);
    }
    // The completed credit stays in the home school's record, under the pseudonym.
    const record = (await admin.get(`/students/${studentId}/record`)).body.items;
    expect(record.length).toBeGreaterThan(0);
    expect(record.every((r: { student: string }) => r.student === ERASED_NAME)).toBe(true);
    const statuses = await context.db.selectFrom('enrolment').select('status').where('student_id', '=', studentId).execute();
    expect(statuses.map((s) => s.status).filter((s) => ['requested', 'approved', 'accepted', 'enrolled', 'waitlisted'].includes(s))).toEqual([]);
    expect((await auditOf(studentId)).find((e) => e.action === 'erase_person')).toMatchObject({ actor_kind: 'person', detail: erased.body });
  });

  it('applies each retention period, and leaves what is younger', async () => {
    const { id: counsellorId } = await signedIn(COUNSELLOR);
    const { regionId } = (await context.db.selectFrom('app_user').select('region_id as regionId').where('id', '=', counsellorId).executeTakeFirstOrThrow()) as { regionId: number };
    const student = await context.db.selectFrom('app_user').select('id').where('email', '=', 'opiskelija2.pello@tarjotin.example').executeTakeFirstOrThrow();
    const ago = (interval: string) => sql<Date>`now() - ${interval}::interval`;
    await context.db.insertInto('notification').values([
      { region_id: regionId, user_id: counsellorId, status: 'requested', created_at: ago('13 months') },
      { region_id: regionId, user_id: counsellorId, status: 'requested', created_at: ago('11 months') },
    ]).execute();
    await context.db.insertInto('outbox_email').values([
      { to_address: 'a@example.fi', subject: 'vanha', body: 'x', sent_at: ago('31 days'), created_at: ago('31 days') },
      { to_address: 'a@example.fi', subject: 'tuore', body: 'x', sent_at: ago('29 days'), created_at: ago('29 days') },
      { to_address: 'a@example.fi', subject: 'lähtemätön', body: 'x', created_at: ago('91 days') },
    ]).execute();
    await context.db.insertInto('plan_comment').values([
      { region_id: regionId, student_id: student.id, author_id: counsellorId, body: 'vanha', at: ago('37 months') },
      { region_id: regionId, student_id: student.id, author_id: counsellorId, body: 'tuore', at: ago('35 months') },
    ]).execute();
    const invitation = (email: string, at: { accepted_at?: ReturnType<typeof ago>; revoked_at?: ReturnType<typeof ago>; expires_at: ReturnType<typeof ago> }) =>
      ({ region_id: regionId, email, role: 'planner', token_hash: email, expires_at: at.expires_at, accepted_at: at.accepted_at ?? null, revoked_at: at.revoked_at ?? null });
    await context.db.insertInto('invitation').values([
      invitation('hyvaksytty-kauan-sitten@example.fi', { accepted_at: ago('91 days'), expires_at: ago('85 days') }),
      invitation('peruttu-kauan-sitten@example.fi', { revoked_at: ago('91 days'), expires_at: ago('85 days') }),
      invitation('vanhentunut-kauan-sitten@example.fi', { expires_at: ago('91 days') }),
      invitation('hyvaksytty-askettain@example.fi', { accepted_at: ago('89 days'), expires_at: ago('83 days') }),
      invitation('vanhentunut-askettain@example.fi', { expires_at: ago('89 days') }),
    ]).execute();
    await context.db.insertInto('password_reset').values([
      { token_hash: 'vanha', user_id: counsellorId, created_at: ago('8 days'), expires_at: ago('8 days'), used_at: null },
      { token_hash: 'tuore', user_id: counsellorId, created_at: ago('6 days'), expires_at: ago('6 days'), used_at: null },
    ]).execute();
    await applyRetention(context.db, DEFAULT_SESSION_LIFETIME);
    expect((await context.db.selectFrom('invitation').select('email').where('email', 'like', '%sitten@%').orderBy('email').execute()).map((i) => i.email)).toEqual([]);
    expect((await context.db.selectFrom('invitation').select('email').where('email', 'like', '%askettain@%').orderBy('email').execute()).map((i) => i.email)).toEqual(['hyvaksytty-askettain@example.fi', 'vanhentunut-askettain@example.fi']);
    expect((await context.db.selectFrom('password_reset').select('token_hash').where('user_id', '=', counsellorId).execute()).map((r) => r.token_hash)).toEqual(['tuore']);
    const notifications = context.db.selectFrom('notification').select('id').where('user_id', '=', counsellorId);
    expect(await notifications.where('created_at', '<', ago('12 months')).execute()).toEqual([]);
    expect((await notifications.where('created_at', '<', ago('10 months')).execute()).length).toBe(1);
    expect((await context.db.selectFrom('outbox_email').select('subject').where('to_address', '=', 'a@example.fi').execute()).map((e) => e.subject)).toEqual(['tuore']);
    expect((await context.db.selectFrom('plan_comment').select('body').where('student_id', '=', student.id).execute()).map((c) => c.body)).toEqual(['tuore']);
    expect((await context.db.selectFrom('audit_event').select('id').execute()).length).toBeGreaterThan(0);
  });

  it('backs up the whole database and restores it, row for row, into an empty one on either engine', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tarjotin-backup-'));
    const file = join(dir, 'backup.jsonl.gz');
    const written = await writeBackup(context.db, file);
    const targets: { db: Db; close: () => Promise<void> }[] = [];
    try {
      const memory = await openDatabase({ kind: 'pglite', pglite: await createMemoryPGlite() });
      targets.push({ db: memory, close: () => memory.destroy() });
      const name = `restore_${engine}_${Date.now()}`;
      const admin = new pg.Client({ connectionString: inject('postgresUrl') });
      await admin.connect();
      await admin.query(`create database ${name}`);
      const postgres = await openDatabase({ kind: 'postgres', url: inject('postgresUrl').replace(/\/postgres$/, `/${name}`) });
      targets.push({ db: postgres, close: async () => { await postgres.destroy(); await admin.query(`drop database ${name}`); await admin.end(); } });
      for (const { db } of targets) {
        expect(await restoreBackup(db, await openBackup(file))).toEqual(written);
        for (const table of Object.keys(written)) expect(await checksum(db, table), table).toBe(await checksum(context.db, table));
        // The sequences go on after the restored rows.
        const next = await db.insertInto('audit_event').values({ actor_kind: 'cli', action: 'restore' }).returning('id').executeTakeFirstOrThrow();
        expect(next.id).toBeGreaterThan(written.audit_event!);
        await expect(restoreBackup(db, await openBackup(file))).rejects.toThrow(/already holds data/);
      }
    } finally {
      for (const target of targets) await target.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
