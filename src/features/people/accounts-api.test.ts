import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ApiClient } from '../../../test/api-client.js';
import { ENGINES } from '../../../test/databases.js';
import { linkTokenSentTo } from '../../../test/mailbox.js';
import { useDemoApp } from '../../../test/test-app.js';
import { DEMO_PASSWORD } from '../demo/seed-demo.js';

const ADMIN = 'admin@tarjotin.example';
const STUDENT = 'opiskelija.pello@tarjotin.example';
const COUNSELLOR = 'opo.pello@tarjotin.example';
const NEW_PASSWORD = 'Tunturin takana paistaa aurinko';

describe.each(ENGINES)('accounts and passwords on %s', (engine) => {
  const context = useDemoApp(engine);
  const signedIn = async (email: string, password?: string) => {
    const client = new ApiClient(context.app);
    await client.login(email, password);
    return client;
  };
  const lappiId = () => context.db.selectFrom('region').select('id').where('code', '=', 'lappi').executeTakeFirstOrThrow().then((r) => r.id);
  const personId = (email: string) => context.db.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirstOrThrow().then((r) => r.id);

  it('lists a region\'s people by name, 50 a page, with a search; a coordinator sees their organization only', async () => {
    const lappi = await lappiId();
    const admin = await signedIn(ADMIN);
    const all = await admin.get(`/people?region=${lappi}`);
    expect(all.status).toBe(200);
    expect(all.body.items.length).toBe(Math.min(50, all.body.total));
    const names = all.body.items.map((p: { name: string }) => p.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect((await admin.get(`/people?region=${lappi}&q=outi opinto`)).body.items).toEqual([expect.objectContaining({ email: COUNSELLOR, role: 'counsellor', organizationName: 'Pellon lukio', active: true })]);
    expect((await admin.get(`/people?region=${lappi}&role=planner`)).body.items.every((p: { role: string }) => p.role === 'planner')).toBe(true);
    const coordinator = await signedIn('koordinaattori.lappia@tarjotin.example');
    const own = (await coordinator.get(`/people?region=${lappi}`)).body.items;
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((p: { organizationName: string }) => p.organizationName.startsWith('Lappia'))).toBe(true);
    expect((await (await signedIn(STUDENT)).get(`/people?region=${lappi}`)).status).toBe(403);
  });

  it('deactivates an account (its sessions end at once, sign-in says why) and reactivates it; each change is audited', async () => {
    const student = await signedIn(STUDENT);
    const admin = await signedIn(ADMIN);
    const id = await personId(STUDENT);
    expect((await admin.patch(`/people/${id}`, { active: false })).status).toBe(204);
    expect((await student.get('/auth/session')).body.user).toBeNull();
    expect((await student.post('/auth/login', { email: STUDENT, password: DEMO_PASSWORD })).body.error).toBe('account_deactivated');
    expect((await student.post('/auth/login', { email: STUDENT, password: 'wrong' })).body.error).toBe('invalid_credentials');
    expect((await admin.get(`/people?region=${await lappiId()}&q=oona`)).body.items[0].active).toBe(false);
    expect((await admin.patch(`/people/${id}`, { active: true })).status).toBe(204);
    await signedIn(STUDENT);
    const audit = await context.db.selectFrom('audit_event').select('action').where('subject_id', '=', id).where('action', 'in', ['deactivate_account', 'reactivate_account']).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['deactivate_account', 'reactivate_account']);
  });

  it('changes a role with its organization; refuses a role without its organization, another admin, and anyone but admins', async () => {
    const admin = await signedIn(ADMIN);
    const counsellor = await personId(COUNSELLOR);
    const lappia = await context.db.selectFrom('organization').select('id').where('name', 'like', 'Lappia%').executeTakeFirstOrThrow();
    expect((await admin.patch(`/people/${counsellor}`, { role: 'planner', organizationId: 999_999 })).body.issues[0]).toMatchObject({ path: 'body.organizationId', code: 'unknown_organization' });
    expect((await admin.patch(`/people/${counsellor}`, {})).status).toBe(400);
    expect((await admin.patch(`/people/${counsellor}`, { role: 'coordinator', organizationId: lappia.id })).status).toBe(204);
    expect(await context.db.selectFrom('app_user').select(['role', 'organization_id']).where('id', '=', counsellor).executeTakeFirstOrThrow()).toEqual({ role: 'coordinator', organization_id: lappia.id });
    const audit = await context.db.selectFrom('audit_event').select('detail').where('subject_id', '=', counsellor).where('action', '=', 'change_role').executeTakeFirstOrThrow();
    expect(audit.detail).toEqual({ from: 'counsellor', to: 'coordinator', organization: lappia.id });
    // Another admin of the region, and the admin themselves, are not theirs to change: they do not exist to them.
    const otherAdmin = await context.db.insertInto('app_user').values({ email: 'toinen.admin@tarjotin.example', name: 'Toinen', password_hash: '!', role: 'admin', region_id: await lappiId(), organization_id: null, home_municipality_code: null, erased_at: null }).returning('id').executeTakeFirstOrThrow();
    expect((await admin.patch(`/people/${otherAdmin.id}`, { active: false })).status).toBe(404);
    expect((await admin.patch(`/people/${await personId(ADMIN)}`, { active: false })).status).toBe(404);
    expect((await (await signedIn('koordinaattori.redu@tarjotin.example')).patch(`/people/${counsellor}`, { active: false })).status).toBe(404);
  });

  it('changes a password with the current one; other sessions end, this one stays', async () => {
    const elsewhere = await signedIn(COUNSELLOR);
    const here = await signedIn(COUNSELLOR);
    const wrong = await here.post('/auth/password', { currentPassword: 'väärä', newPassword: NEW_PASSWORD });
    expect(wrong.body.issues).toEqual([expect.objectContaining({ path: 'body.currentPassword', code: 'wrong_password' })]);
    expect((await here.post('/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'opo.pello@tarjotin.example' })).status).toBe(400);
    expect((await here.post('/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(204);
    expect((await here.get('/auth/session')).body.user.email).toBe(COUNSELLOR);
    expect((await elsewhere.get('/auth/session')).body.user).toBeNull();
    await signedIn(COUNSELLOR, NEW_PASSWORD);
  });

  it('resets a password through an e-mailed link that works once and for an hour; unknown addresses get the same answer', async () => {
    const visitor = new ApiClient(context.app);
    const mails = () => context.db.selectFrom('outbox_email').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n));
    const before = await mails();
    expect((await visitor.post('/auth/password-reset', { email: 'nobody@example.fi' })).status).toBe(202);
    expect(await mails()).toBe(before);
    const session = await signedIn(ADMIN);
    expect((await visitor.post('/auth/password-reset', { email: ADMIN.toUpperCase() })).status).toBe(202);
    expect((await visitor.post('/auth/password-reset', { email: ADMIN })).status).toBe(202);
    expect(await mails()).toBe(before + 1);
    const token = await linkTokenSentTo(context.db, ADMIN, 'reset-password');
    expect((await visitor.post(`/auth/password-reset/${token}`, { password: 'admin' })).body.issues[0].path).toBe('body.password');
    expect((await visitor.post(`/auth/password-reset/${token}`, { password: NEW_PASSWORD })).status).toBe(204);
    expect((await session.get('/auth/session')).body.user).toBeNull();
    await signedIn(ADMIN, NEW_PASSWORD);
    expect((await visitor.post(`/auth/password-reset/${token}`, { password: NEW_PASSWORD })).body.error).toBe('reset_not_found');
    expect((await visitor.post('/auth/password-reset/made-up', { password: NEW_PASSWORD })).status).toBe(404);

    await context.db.updateTable('password_reset').set({ created_at: sql`now() - interval '2 hours'` }).execute();
    await visitor.post('/auth/password-reset', { email: ADMIN });
    const late = await linkTokenSentTo(context.db, ADMIN, 'reset-password');
    await context.db.updateTable('password_reset').set({ expires_at: sql`now() - interval '1 second'` }).where('used_at', 'is', null).execute();
    expect((await visitor.post(`/auth/password-reset/${late}`, { password: NEW_PASSWORD })).body.error).toBe('reset_expired');
  });
});
