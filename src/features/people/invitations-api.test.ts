import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ApiClient } from '../../../test/api-client.js';
import { ENGINES } from '../../../test/databases.js';
import { linkTokenSentTo } from '../../../test/mailbox.js';
import { useDemoApp } from '../../../test/test-app.js';

const ADMIN = 'admin@tarjotin.example';
const COORDINATOR = 'koordinaattori.lappia@tarjotin.example';
const STRONG = 'Revontulet tanssivat Pellossa';

describe.each(ENGINES)('invitations on %s', (engine) => {
  const context = useDemoApp(engine);
  const ids = async () => {
    const lappi = await context.db.selectFrom('region').select('id').where('code', '=', 'lappi').executeTakeFirstOrThrow();
    const pilot = await context.db.selectFrom('region').select('id').where('code', '=', 'kemi-tornionlaakso').executeTakeFirstOrThrow();
    const organization = (name: string) => context.db.selectFrom('organization').select('id').where('region_id', '=', lappi.id).where('name', 'like', `${name}%`).executeTakeFirstOrThrow().then((o) => o.id);
    return { lappi: lappi.id, pilot: pilot.id, pelloSchool: await organization('Pellon lukio'), lappia: await organization('Lappia'), redu: await organization('Lapin koulutuskeskus REDU') };
  };
  const signedIn = async (email: string, password?: string) => {
    const client = new ApiClient(context.app);
    await client.login(email, password);
    return client;
  };

  it('invites a counsellor by e-mail; the link shows the invitation, accepts once with a strong password and signs in', async () => {
    const { lappi, pelloSchool } = await ids();
    const admin = await signedIn(ADMIN);
    const created = await admin.post('/invitations', { email: ' Uusi.Opo@Pello.example ', role: 'counsellor', regionId: lappi, organizationId: pelloSchool });
    expect(created.status).toBe(201);
    const mail = await context.db.selectFrom('outbox_email').select(['subject', 'body']).where('to_address', '=', 'uusi.opo@pello.example').executeTakeFirstOrThrow();
    expect(mail.subject).toBe('Tarjotin: kutsu palveluun');
    expect(mail.body).toContain('roolissa Opinto-ohjaaja');
    expect(mail.body).toContain('i rollen Studiehandledare');
    const token = await linkTokenSentTo(context.db, 'uusi.opo@pello.example', 'invitations');
    // Only the token's hash is kept.
    expect((await context.db.selectFrom('invitation').select('token_hash').where('id', '=', created.body.id).executeTakeFirstOrThrow()).token_hash).not.toBe(token);

    const visitor = new ApiClient(context.app);
    const shown = await visitor.get(`/invitations/${token}`);
    expect(shown.body).toMatchObject({ email: 'uusi.opo@pello.example', role: 'counsellor', region: { nameFi: 'Lappi' }, organizationName: 'Pellon lukio', invitedBy: 'Ylläpitäjä (demo)' });
    const weak = await visitor.post(`/invitations/${token}/accept`, { name: 'Uusi Opo', password: 'lyhyt' });
    expect(weak.status).toBe(400);
    expect(weak.body.issues).toEqual([expect.objectContaining({ path: 'body.password', code: 'password_too_short' })]);
    const accepted = await visitor.post(`/invitations/${token}/accept`, { name: 'Uusi Opo', password: STRONG });
    expect(accepted.status).toBe(201);
    expect(accepted.body.user).toMatchObject({ email: 'uusi.opo@pello.example', role: 'counsellor', regionId: lappi, organizationId: pelloSchool });
    expect(accepted.headers['set-cookie']).toEqual(expect.stringContaining('tarjotin_session='));
    expect((await visitor.post(`/invitations/${token}/accept`, { name: 'Toinen', password: STRONG })).body.error).toBe('invitation_not_found');
    expect((await visitor.get(`/invitations/${token}`)).status).toBe(404);
    expect((await signedIn('uusi.opo@pello.example', STRONG).then((c) => c.get('/auth/session'))).body.user.role).toBe('counsellor');
    // The demo's own invitations come first; this test's are the last two.
    const audit = (await context.db.selectFrom('audit_event').select(['action', 'actor_id']).where('action', 'in', ['invite_person', 'accept_invitation']).orderBy('id').execute()).slice(-2);
    expect(audit.map((a) => a.action)).toEqual(['invite_person', 'accept_invitation']);
    expect(audit[1]!.actor_id).toBe(accepted.body.user.id);
  });

  it('checks the role as it would be held, and who may give it; refused invitations write nothing', async () => {
    const { lappi, pilot, pelloSchool, lappia, redu } = await ids();
    const admin = await signedIn(ADMIN);
    const before = await context.db.selectFrom('invitation').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const issueOf = async (client: ApiClient, body: object) => {
      const response = await client.post('/invitations', body);
      return { status: response.status, issue: response.body.issues?.[0] && `${response.body.issues[0].path} ${response.body.issues[0].code}`, error: response.body.error };
    };
    expect(await issueOf(admin, { email: 'a@example.fi', role: 'counsellor', regionId: lappi })).toMatchObject({ status: 400, issue: 'body.organizationId organization_required' });
    expect(await issueOf(admin, { email: 'a@example.fi', role: 'admin', regionId: lappi, organizationId: lappia })).toMatchObject({ status: 400, issue: 'body.organizationId organization_not_for_role' });
    expect(await issueOf(admin, { email: 'a@example.fi', role: 'system_admin', regionId: lappi })).toMatchObject({ status: 400, issue: 'body.role invalid_value' });
    expect(await issueOf(admin, { email: 'ei-osoite', role: 'planner', regionId: lappi })).toMatchObject({ status: 400, issue: 'body.email invalid_format' });
    expect(await issueOf(admin, { email: 'a@example.fi', role: 'planner', regionId: 999_999 })).toMatchObject({ status: 400, issue: 'body.regionId unknown_region' });
    expect(await issueOf(admin, { email: COORDINATOR, role: 'planner', regionId: lappi })).toMatchObject({ status: 409, error: 'email_taken' });
    // A region admin of Lappi acting on the other region: 403.
    expect(await issueOf(admin, { email: 'a@example.fi', role: 'planner', regionId: pilot })).toMatchObject({ status: 403 });
    // A coordinator gives coordinators and counsellors of their own organization only.
    const coordinator = await signedIn(COORDINATOR);
    expect(await issueOf(coordinator, { email: 'a@example.fi', role: 'counsellor', regionId: lappi, organizationId: redu })).toMatchObject({ status: 403 });
    expect(await issueOf(coordinator, { email: 'a@example.fi', role: 'admin', regionId: lappi })).toMatchObject({ status: 403 });
    expect(await issueOf(await signedIn('opiskelija.pello@tarjotin.example'), { email: 'a@example.fi', role: 'student', regionId: lappi, organizationId: pelloSchool })).toMatchObject({ status: 403 });
    expect((await new ApiClient(context.app).post('/invitations', { email: 'a@example.fi', role: 'planner', regionId: lappi })).status).toBe(401);
    const after = await context.db.selectFrom('invitation').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect((await coordinator.post('/invitations', { email: 'uusi.koordinaattori@lappia.example', role: 'coordinator', regionId: lappi, organizationId: lappia })).status).toBe(201);
  });

  it('replaces an earlier invitation to the same address, withdraws on request, and refuses an expired link with 410', async () => {
    const { lappi } = await ids();
    const admin = await signedIn(ADMIN);
    await admin.post('/invitations', { email: 'suunnittelija@ylitornio.example', role: 'planner', regionId: lappi });
    const first = await linkTokenSentTo(context.db, 'suunnittelija@ylitornio.example', 'invitations');
    const second = await admin.post('/invitations', { email: 'suunnittelija@ylitornio.example', role: 'planner', regionId: lappi });
    const latest = await linkTokenSentTo(context.db, 'suunnittelija@ylitornio.example', 'invitations');
    const visitor = new ApiClient(context.app);
    expect((await visitor.get(`/invitations/${first}`)).status).toBe(404);
    expect((await visitor.get(`/invitations/${latest}`)).status).toBe(200);
    const open = await admin.get(`/invitations?region=${lappi}`);
    expect(open.body.items.filter((i: { email: string }) => i.email === 'suunnittelija@ylitornio.example')).toEqual([expect.objectContaining({ id: second.body.id, role: 'planner', expired: false })]);

    await context.db.updateTable('invitation').set({ expires_at: sql`now() - interval '1 minute'` }).where('id', '=', second.body.id).execute();
    expect((await visitor.get(`/invitations/${latest}`)).body.error).toBe('invitation_expired');
    expect((await visitor.post(`/invitations/${latest}/accept`, { name: 'Myöhässä', password: STRONG })).status).toBe(410);
    expect((await admin.get(`/invitations?region=${lappi}`)).body.items.find((i: { id: number }) => i.id === second.body.id).expired).toBe(true);

    expect((await admin.request('DELETE', `/invitations/${second.body.id}`)).status).toBe(204);
    expect((await admin.get(`/invitations?region=${lappi}`)).body.items.some((i: { id: number }) => i.id === second.body.id)).toBe(false);
    expect((await admin.request('DELETE', `/invitations/${second.body.id}`)).status).toBe(404);
    expect((await (await signedIn('suunnittelija.pello@tarjotin.example')).get(`/invitations?region=${lappi}`)).status).toBe(403);
  });
});
