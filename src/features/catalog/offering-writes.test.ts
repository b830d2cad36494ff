import { describe, expect, it } from 'vitest';
import { ApiClient } from '../../../test/api-client.js';
import { ENGINES } from '../../../test/databases.js';
import { useDemoApp } from '../../../test/test-app.js';

const LAPPIA_COORDINATOR = 'koordinaattori.lappia@tarjotin.example';
const REDU_COORDINATOR = 'koordinaattori.redu@tarjotin.example';

describe.each(ENGINES)('offering writes on %s', (engine) => {
  const context = useDemoApp(engine);
  const organizationId = async (name: string) =>
    (await context.db.selectFrom('organization').select('id').where('name', 'like', `${name}%`).executeTakeFirstOrThrow()).id;
  const siteId = async (name: string) =>
    (await context.db.selectFrom('site').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  const offeringCount = async () => Number((await context.db.selectFrom('offering').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  const newOffering = async () => ({
    courseCode: '106109',
    siteId: await siteId('Lappia, Tornion kampus'),
    mode: 'onsite',
    language: 'fi',
    academicYear: '2026-2027',
    periods: [3],
    timeSlots: [{ day: 2, start: '08:30', end: '14:30' }],
    capacity: 16,
    seatsForPartners: 6,
    targetGroups: ['young', 'adult'],
    feeEuros: 0,
    enrolmentStart: '2026-09-01',
    enrolmentEnd: '2026-11-30',
    contactName: 'Hakutoimisto',
    contactEmail: 'haku@example.fi',
  });

  it('lets a coordinator publish an offering of their own organization', async () => {
    const client = new ApiClient(context.app);
    await client.login(LAPPIA_COORDINATOR);
    const created = await client.post('/offerings', await newOffering());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ course: { code: '106109' }, provider: { id: await organizationId('Lappia') }, seatsForPartners: 6, status: 'published', isDemo: false });
    const fetched = await client.get(`/offerings/${created.body.id}`);
    expect(fetched.body.timeSlots).toEqual([{ day: 2, start: '08:30', end: '14:30' }]);
  });

  it('refuses writes without a session (401) and without the CSRF token (403)', async () => {
    const before = await offeringCount();
    const anonymous = await new ApiClient(context.app).post('/offerings', await newOffering());
    expect(anonymous.status).toBe(401);
    const client = new ApiClient(context.app);
    await client.login(LAPPIA_COORDINATOR);
    const withoutToken = await client.request('POST', '/offerings', await newOffering(), { 'x-csrf-token': 'wrong' });
    expect(withoutToken.status).toBe(403);
    expect(withoutToken.body.error).toBe('csrf_failed');
    expect(await offeringCount()).toBe(before);
  });

  it('answers 403 and changes nothing when a coordinator edits another provider\'s offering', async () => {
    const lappia = new ApiClient(context.app);
    await lappia.login(LAPPIA_COORDINATOR);
    const created = await lappia.post('/offerings', await newOffering());
    const redu = new ApiClient(context.app);
    await redu.login(REDU_COORDINATOR);
    const attempt = await redu.patch(`/offerings/${created.body.id}`, { capacity: 99, seatsForPartners: 50 });
    expect(attempt.status).toBe(403);
    const after = await lappia.get(`/offerings/${created.body.id}`);
    expect(after.body).toMatchObject({ capacity: 16, seatsForPartners: 6 });
    const foreignCreate = await redu.post('/offerings', { ...(await newOffering()), providerId: await organizationId('Lappia') });
    expect(foreignCreate.status).toBe(403);
  });

  it('refuses students and other roles', async () => {
    const student = new ApiClient(context.app);
    await student.login('opiskelija.pello@tarjotin.example');
    expect((await student.post('/offerings', await newOffering())).status).toBe(403);
  });

  it('reports each invalid field with its path and saves nothing', async () => {
    const client = new ApiClient(context.app);
    await client.login(LAPPIA_COORDINATOR);
    const before = await offeringCount();
    const invalid = await client.post('/offerings', { ...(await newOffering()), capacity: -2, mode: 'teleport', contactEmail: 'not-an-email' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(['body.capacity', 'body.mode', 'body.contactEmail']));
    const rules = await client.post('/offerings', { ...(await newOffering()), siteId: null, seatsForPartners: 20, courseCode: 'NOPE-1' });
    expect(rules.status).toBe(400);
    expect(rules.body.issues.map((i: { path: string; code: string }) => [i.path, i.code])).toEqual(
      expect.arrayContaining([
        ['body.siteId', 'site_required_for_mode'],
        ['body.seatsForPartners', 'exceeds_capacity'],
        ['body.courseCode', 'unknown_course'],
      ]),
    );
    expect(await offeringCount()).toBe(before);
  });

  it('edits and withdraws an offering; a withdrawn one leaves the tray', async () => {
    const client = new ApiClient(context.app);
    await client.login(LAPPIA_COORDINATOR);
    const created = await client.post('/offerings', await newOffering());
    const edited = await client.patch(`/offerings/${created.body.id}`, { capacity: 20, seatsForPartners: 10 });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ capacity: 20, seatsForPartners: 10 });
    const invalidEdit = await client.patch(`/offerings/${created.body.id}`, { seatsForPartners: 30 });
    expect(invalidEdit.status).toBe(400);
    expect((await client.get(`/offerings/${created.body.id}`)).body.seatsForPartners).toBe(10);
    const withdrawn = await client.patch(`/offerings/${created.body.id}`, { status: 'withdrawn' });
    expect(withdrawn.body.status).toBe('withdrawn');
    const tray = await client.get(`/offerings?provider=${created.body.provider.id}&limit=200`);
    expect(tray.body.items.map((o: { id: number }) => o.id)).not.toContain(created.body.id);
    expect((await client.patch('/offerings/999999', { capacity: 1 })).status).toBe(404);
  });
});

