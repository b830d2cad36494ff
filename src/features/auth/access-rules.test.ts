import { describe, expect, it } from 'vitest';
import { ApiClient } from '../../../test/api-client.js';
import { ENGINES } from '../../../test/databases.js';
import { useDemoApp, type TestApp } from '../../../test/test-app.js';
import { buildApp } from '../../server/app.js';

const LAPPI_ADMIN = 'admin@tarjotin.example';
const STUDENT = 'opiskelija.pello@tarjotin.example';
const OTHER_STUDENT = 'opiskelija2.pello@tarjotin.example';
const COUNSELLOR = 'opo.pello@tarjotin.example';
const LAPPIA = 'koordinaattori.lappia@tarjotin.example';

/** A person with the demo password (its hash copied: hashing is slow), in a role the demo lacks. */
async function addPerson(context: TestApp, email: string, fields: { role: string; region_id: number | null; organization_id?: number | null }) {
  const { password_hash } = await context.db.selectFrom('app_user').select('password_hash').where('email', '=', STUDENT).executeTakeFirstOrThrow();
  return context.db
    .insertInto('app_user')
    .values({ email, name: email, password_hash, organization_id: null, home_municipality_code: null, ...fields })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** A second region with a provider, an offering and a student of its own. */
async function otherRegion(context: TestApp) {
  const region = await context.db
    .insertInto('region')
    .values({ code: 'toinen', name_fi: 'Toinen alue', name_sv: 'Annan region', name_en: 'Other region', travel_circuity: 1.2, travel_speed_kmh: 80, travel_overhead_minutes: 5 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const provider = await context.db
    .insertInto('organization')
    .values({ region_id: region.id, kind: 'provider', name: 'Toisen alueen opisto', search_text: 'toisen alueen opisto' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const model = await context.db.selectFrom('offering').selectAll().where('mode', '=', 'online').orderBy('id').executeTakeFirstOrThrow();
  const course = await context.db.selectFrom('course').selectAll().where('id', '=', model.course_id).executeTakeFirstOrThrow();
  const { id: courseId } = await context.db
    .insertInto('course')
    .values({ region_id: region.id, code: course.code, name_fi: course.name_fi, name_sv: course.name_sv, name_en: course.name_en, education_form: course.education_form, field: course.field, credits: course.credits, credit_unit: course.credit_unit, search_text: course.search_text })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id, created_at, updated_at, course_code, course_sort_name, education_form, field, ...columns } = model;
  void [id, created_at, updated_at, course_code, course_sort_name, education_form, field];
  const offering = await context.db
    .insertInto('offering')
    .values({ ...columns, time_slots: JSON.stringify(model.time_slots), region_id: region.id, provider_id: provider.id, course_id: courseId, seats_taken: 0, is_demo: false })
    .returning('id')
    .executeTakeFirstOrThrow();
  const student = await addPerson(context, `oppilas@toinen.example`, { role: 'student', region_id: region.id, organization_id: provider.id });
  return { regionId: region.id, providerId: provider.id, offeringId: offering.id, studentId: student.id };
}

describe.each(ENGINES)('access rules on %s', (engine) => {
  const context = useDemoApp(engine);
  const signedIn = async (email: string) => {
    const client = new ApiClient(context.app);
    await client.login(email);
    return client;
  };

  it('sends a Content-Security-Policy without inline script, forbids framing, and HSTS only over TLS', async () => {
    const response = await new ApiClient(context.app).get('/offerings?limit=1');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toContain("object-src 'none'");
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('same-origin');
    expect(response.headers['strict-transport-security']).toBeUndefined();
    const behindProxy = await buildApp({ db: context.db, serveWeb: false, trustProxy: ['10.0.0.1'] });
    const overTls = await behindProxy.inject({ url: '/api/v1/health', remoteAddress: '10.0.0.1', headers: { 'x-forwarded-proto': 'https' } });
    expect(overTls.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    const spoofed = await behindProxy.inject({ url: '/api/v1/health', remoteAddress: '198.51.100.9', headers: { 'x-forwarded-proto': 'https' } });
    expect(spoofed.headers['strict-transport-security']).toBeUndefined();
    await behindProxy.close();
  });

  it('hides a withdrawn offering from the tray and from strangers, and shows it to the people it concerns', async () => {
    const student = await signedIn(STUDENT);
    const requested = (await student.get('/enrolments')).body.items.find((e: { status: string }) => e.status === 'requested');
    const offeringId = requested.offering.id;
    const host = await signedIn(LAPPIA);
    expect((await host.patch(`/offerings/${offeringId}`, { status: 'withdrawn' })).status).toBe(200);

    const anonymous = new ApiClient(context.app);
    expect((await anonymous.get(`/offerings/${offeringId}`)).status).toBe(404);
    expect((await anonymous.get(`/offerings?provider=${requested.host.id}&includeWithdrawn=true&limit=200`)).status).toBe(403);
    expect((await anonymous.get(`/offerings?provider=${requested.host.id}&limit=200`)).body.items.map((o: { id: number }) => o.id)).not.toContain(offeringId);
    expect((await (await signedIn(OTHER_STUDENT)).get(`/offerings/${offeringId}`)).status).toBe(404);
    expect((await (await signedIn('koordinaattori.redu@tarjotin.example')).get(`/offerings?provider=${requested.host.id}&includeWithdrawn=true`)).status).toBe(403);

    expect((await student.get(`/offerings/${offeringId}`)).body.status).toBe('withdrawn');
    expect((await (await signedIn(COUNSELLOR)).get(`/offerings/${offeringId}`)).status).toBe(200);
    expect((await host.get(`/offerings/${offeringId}`)).status).toBe(200);
    expect((await host.get(`/offerings?provider=${requested.host.id}&includeWithdrawn=true&limit=200`)).body.items.map((o: { id: number }) => o.id)).toContain(offeringId);
    await host.patch(`/offerings/${offeringId}`, { status: 'published' });
  });

  it('answers a stranger asking for a student exactly as for an id nobody has', async () => {
    const studentId = (await (await signedIn(STUDENT)).get('/auth/session')).body.user.id;
    const school = await context.db.selectFrom('organization').select(['id', 'region_id']).where('name', '=', 'Tornion yhteislyseon lukio').executeTakeFirst();
    const otherSchool = school ?? (await context.db.selectFrom('organization').select(['id', 'region_id']).where('kind', '=', 'school').where('name', '<>', 'Pellon lukio').executeTakeFirstOrThrow());
    await addPerson(context, 'opo.muualla@tarjotin.example', { role: 'counsellor', region_id: otherSchool.region_id, organization_id: otherSchool.id });
    const stranger = await signedIn('opo.muualla@tarjotin.example');
    for (const path of ['plan', 'record']) {
      const existing = await stranger.get(`/students/${studentId}/${path}`);
      const nobody = await stranger.get(`/students/2147483000/${path}`);
      expect(existing.status).toBe(404);
      expect(existing.body).toEqual(nobody.body);
    }
    expect((await stranger.post(`/students/${studentId}/plan/comments`, { body: 'Hei' })).status).toBe(404);
    expect((await (await signedIn(COUNSELLOR)).get(`/students/${studentId}/plan`)).status).toBe(200);
  });

  it('keeps a region admin to their region; only the system admin spans regions', async () => {
    const other = await otherRegion(context);
    const admin = await signedIn(LAPPI_ADMIN);
    expect((await admin.patch(`/offerings/${other.offeringId}`, { capacity: 99 })).status).toBe(403);
    expect((await admin.get(`/students/${other.studentId}/plan`)).status).toBe(404);
    expect((await admin.post('/organizations', { regionId: other.regionId, kind: 'school', name: 'Uusi koulu' })).status).toBe(403);
    expect((await admin.put(`/regions/${other.regionId}/time-frames/2026-2027`, { name: 'Kehys', periods: [{ number: 1, startsOn: '2026-08-10', endsOn: '2026-10-10' }], bars: [] })).status).toBe(403);
    const lappiRegion = (await admin.get('/auth/session')).body.user.regionId;
    expect((await admin.get('/enrolments?limit=200')).body.items.length).toBeGreaterThan(0);

    await addPerson(context, 'paakayttaja@tarjotin.example', { role: 'system_admin', region_id: null });
    const system = await signedIn('paakayttaja@tarjotin.example');
    expect((await system.patch(`/offerings/${other.offeringId}`, { capacity: 99 })).status).toBe(200);
    expect((await system.get(`/students/${other.studentId}/plan`)).status).toBe(200);
    expect(lappiRegion).not.toBe(other.regionId);
    // A region admin must have a region.
    await expect(addPerson(context, 'aluevapaa@tarjotin.example', { role: 'admin', region_id: null })).rejects.toThrow();
  });
});
