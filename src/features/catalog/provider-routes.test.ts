import { describe, expect, it } from 'vitest';
import { ApiClient } from '../../../test/api-client.js';
import { ENGINES } from '../../../test/databases.js';
import { useDemoApp } from '../../../test/test-app.js';

describe.each(ENGINES)('organizations and sites on %s', (engine) => {
  const context = useDemoApp(engine);
  const lappiId = async () => (await context.db.selectFrom('region').select('id').where('code', '=', 'lappi').executeTakeFirstOrThrow()).id;

  it('lets an admin add an organization, checking the business ID', async () => {
    const admin = new ApiClient(context.app);
    await admin.login('admin@tarjotin.example');
    const regionId = await lappiId();
    const bad = await admin.post('/organizations', { regionId, kind: 'company', name: 'Pellon Puu Oy', businessId: '0737546-3' });
    expect(bad.status).toBe(400);
    expect(bad.body.issues[0]).toMatchObject({ path: 'body.businessId', code: 'invalid_business_id' });
    const created = await admin.post('/organizations', { regionId, kind: 'company', name: 'Pellon Puu Oy', businessId: '0737546-2', municipalityCode: '854' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Pellon Puu Oy', businessId: '0737546-2', kind: 'company' });
    const again = await admin.post('/organizations', { regionId, kind: 'company', name: 'Pellon Puu Oy' });
    expect(again.status).toBe(409);
    const coordinator = new ApiClient(context.app);
    await coordinator.login('koordinaattori.lappia@tarjotin.example');
    expect((await coordinator.post('/organizations', { regionId, kind: 'company', name: 'Toinen Oy' })).status).toBe(403);
  });

  it('lets a coordinator add a site of their own organization, approximate without coordinates', async () => {
    const coordinator = new ApiClient(context.app);
    const { user } = await coordinator.login('koordinaattori.lappia@tarjotin.example');
    const site = await coordinator.post('/sites', { organizationId: user.organizationId, name: 'Lappia, Pellon toimipiste', municipalityCode: '854' });
    expect(site.status).toBe(201);
    expect(site.body).toMatchObject({ municipalityCode: '854', locationApproximate: true });
    const exact = await coordinator.post('/sites', { organizationId: user.organizationId, name: 'Lappia, Ylitornion piste', municipalityCode: '976', lat: 66.31, lon: 23.67 });
    expect(exact.body).toMatchObject({ lat: 66.31, lon: 23.67, locationApproximate: false });
    // The new site is timed at once: an offering there shows up within reach of Pello.
    const offering = await coordinator.post('/offerings', {
      courseCode: '102013', siteId: site.body.id, mode: 'onsite', language: 'fi', academicYear: '2026-2027', periods: [1], timeSlots: [],
      capacity: 10, seatsForPartners: 5, targetGroups: ['young'], feeEuros: 0, enrolmentStart: null, enrolmentEnd: null, contactName: null, contactEmail: null,
    });
    const reachable = await coordinator.get(`/offerings?home=854&maxMinutes=10&mode=onsite&limit=200`);
    expect(reachable.body.items.map((o: { id: number }) => o.id)).toContain(offering.body.id);

    const redu = await context.db.selectFrom('organization').select('id').where('name', 'like', 'Lapin koulutuskeskus REDU%').executeTakeFirstOrThrow();
    expect((await coordinator.post('/sites', { organizationId: redu.id, name: 'Vieras', municipalityCode: '854' })).status).toBe(403);
    const invalid = await coordinator.post('/sites', { organizationId: user.organizationId, name: 'X', municipalityCode: '999', lat: 66 });
    expect(invalid.status).toBe(400);
  });

  it('finds schools of the national register by name and adds one with its site at the register\'s coordinates, all or nothing', async () => {
    const admin = new ApiClient(context.app);
    await admin.login('admin@tarjotin.example');
    const regionId = await lappiId();
    const found = await admin.get(`/schools?q=kolarin&region=${regionId}`);
    expect(found.status).toBe(200);
    // Upper secondary schools first.
    expect(found.body.items.map((s: { name: string }) => s.name)).toEqual(['Kolarin lukio', 'Kolarin koulu']);
    const kolari = found.body.items[1];
    expect(kolari).toMatchObject({ code: '04143', municipalityCode: '273', lat: 67.33124, lon: 23.77702 });
    // Accent-insensitive, and a region keeps its own municipalities' schools: no Helsinki school in Lappi.
    expect((await admin.get('/schools?q=sieppijarven')).body.items.map((s: { name: string }) => s.name)).toEqual(['Sieppijärven koulu']);
    expect((await admin.get(`/schools?q=helsingin&region=${regionId}`)).body.items).toEqual([]);
    expect((await admin.get('/schools?q=x')).status).toBe(400);
    const added = await admin.post('/organizations/from-school', { regionId, schoolCode: kolari.code });
    expect(added.status).toBe(201);
    expect(added.body.organization).toMatchObject({ kind: 'school', name: kolari.name, municipalityCode: '273' });
    expect(added.body.site).toMatchObject({ organizationId: added.body.organization.id, lat: kolari.lat, lon: kolari.lon, locationApproximate: false });
    // The register's code stays with the school: MPASSid names a pupil's school by it.
    expect((await context.db.selectFrom('organization').select('school_code').where('id', '=', added.body.organization.id).executeTakeFirstOrThrow()).school_code).toBe(kolari.code);
    const sites = () => context.db.selectFrom('site').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n));
    const before = await sites();
    // Added twice: the organization's name is taken, and no site is left behind.
    expect((await admin.post('/organizations/from-school', { regionId, schoolCode: kolari.code })).status).toBe(409);
    expect((await admin.post('/organizations/from-school', { regionId, schoolCode: '99999' })).body.issues[0]).toMatchObject({ path: 'body.schoolCode', code: 'unknown_school' });
    expect(await sites()).toBe(before);
    const coordinator = new ApiClient(context.app);
    await coordinator.login('koordinaattori.lappia@tarjotin.example');
    expect((await coordinator.post('/organizations/from-school', { regionId, schoolCode: kolari.code })).status).toBe(403);
  });
});
