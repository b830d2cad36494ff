import { describe, expect, it } from 'vitest';
import { ApiClient } from '../../../test/api-client.js';
import { ENGINES } from '../../../test/databases.js';
import { useDemoApp } from '../../../test/test-app.js';
import { createSystemAdmin } from '../people/system-admin.js';

const COORDINATOR = 'koordinaattori.lappia@tarjotin.example';
const SYSTEM_ADMIN = { email: 'paakayttaja@tarjotin.example', name: 'Järjestelmä', password: 'kaksitoista merkkiä vähintään' };

describe.each(ENGINES)('the course catalogue on %s', (engine) => {
  const context = useDemoApp(engine);
  const signedIn = (email: string) => ApiClient.signedIn(context.app, email);
  const regionIds = async () => {
    const rows = await context.db.selectFrom('region').select(['id', 'code']).execute();
    const idOf = (code: string) => rows.find((r) => r.code === code)!.id;
    return { lappi: idOf('lappi'), pilot: idOf('kemi-tornionlaakso') };
  };
  const courseCount = async (regionId: number) => Number((await context.db.selectFrom('course').select((eb) => eb.fn.countAll().as('n')).where('region_id', '=', regionId).executeTakeFirstOrThrow()).n);

  it('names the demo\'s lukio modules as the national code set does, with their scope', async () => {
    const { lappi } = await regionIds();
    const client = await signedIn('opiskelija.pello@tarjotin.example');
    const { status, body } = await client.get(`/courses?region=${lappi}&code=MAA3`);
    expect(status).toBe(200);
    expect(body.items).toEqual([
      expect.objectContaining({ code: 'MAA3', nameFi: 'Geometria', nameSv: 'Geometri', nameEn: 'Geometry', credits: 2, creditUnit: 'op', nameSource: 'national', codeSet: 'moduulikoodistolops2021' }),
    ]);
    const maa2 = (await client.get(`/courses?region=${lappi}&code=MAA2`)).body.items[0];
    expect(maa2).toMatchObject({ nameFi: 'Funktiot ja yhtälöt 1', credits: 3 });
    // The subject is in the search text though not in the national name.
    const mathematics = (await client.get(`/courses?region=${lappi}&q=matematiikka&limit=100`)).body.items.map((c: { code: string }) => c.code);
    expect(mathematics).toEqual(expect.arrayContaining(['MAA3', 'MAB2', 'MAY1']));
    const local = (await client.get(`/courses?region=${lappi}&code=KIV-101`)).body.items[0];
    expect(local).toMatchObject({ nameSource: 'local', codeSet: null });
  });

  it('imports the whole set into a region: new codes created, the demo\'s unchanged and their scope kept; again, nothing changes', async () => {
    const { lappi } = await regionIds();
    const client = await signedIn(COORDINATOR);
    const first = await client.post('/courses/national', { regionId: lappi, codeSet: 'moduulikoodistolops2021' });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ created: 386, updated: 0, unchanged: 37 });
    expect((await client.get(`/courses?region=${lappi}&code=MAA2`)).body.items[0].credits).toBe(3);
    expect(await client.post('/courses/national', { regionId: lappi, codeSet: 'moduulikoodistolops2021' })).toMatchObject({ status: 200, body: { created: 0, updated: 0, unchanged: 423 } });
    const audit = await context.db.selectFrom('audit_event').select(['actor_kind', 'detail']).where('action', '=', 'import_code_set').where('actor_kind', '=', 'person').execute();
    expect(audit[0]).toEqual({ actor_kind: 'person', detail: { codeSet: 'moduulikoodistolops2021', created: 386, updated: 0, unchanged: 37 } });
  });

  it('adds a local course that the national set later names; a code in use is a 409', async () => {
    const { pilot } = await regionIds();
    await createSystemAdmin(context.db, SYSTEM_ADMIN);
    const admin = new ApiClient(context.app);
    await admin.login(SYSTEM_ADMIN.email, SYSTEM_ADMIN.password);
    const course = { regionId: pilot, code: 'MAA7', nameFi: 'Trigonometriaa', educationForm: 'general_upper_secondary', field: '05', credits: 3, creditUnit: 'op' };
    const created = await admin.post('/courses', course);
    expect(created.status).toBe(201);
    expect((await admin.post('/courses', { ...course, nameFi: 'Toinen' })).body.issues).toEqual([expect.objectContaining({ path: 'body.code', code: 'code_in_use' })]);
    const before = (await admin.get(`/courses?region=${pilot}&code=MAA7`)).body.items[0];
    expect(before).toMatchObject({ id: created.body.id, nameFi: 'Trigonometriaa', nameSv: 'Trigonometriaa', nameSource: 'local' });

    const imported = await admin.post('/courses/national', { regionId: pilot, codeSet: 'moduulikoodistolops2021', codes: ['MAA7', 'MAA8'] });
    expect(imported.body).toEqual({ created: 1, updated: 1, unchanged: 0 });
    const after = (await admin.get(`/courses?region=${pilot}&code=MAA7`)).body.items[0];
    expect(after).toMatchObject({ id: created.body.id, nameSource: 'national', codeSet: 'moduulikoodistolops2021', credits: 3 });
    expect(after.nameFi).not.toBe('Trigonometriaa');

    expect((await admin.patch(`/courses/${created.body.id}`, { credits: 2 })).status).toBe(204);
    expect((await admin.get(`/courses?region=${pilot}&code=MAA7`)).body.items[0].credits).toBe(2);
  });

  it('refuses bad input with field paths and writes nothing', async () => {
    const { lappi } = await regionIds();
    const client = await signedIn(COORDINATOR);
    const before = await courseCount(lappi);
    const unknown = await client.post('/courses/national', { regionId: lappi, codeSet: 'moduulikoodistolops2021', codes: ['MAA3', 'XYZ9', 'MAA99'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.issues.map((i: { path: string }) => i.path)).toEqual(['body.codes.1', 'body.codes.2']);
    expect((await client.post('/courses/national', { regionId: lappi, codeSet: 'tutkinnot' })).body.issues[0].path).toBe('body.codeSet');
    expect((await client.post('/courses/national', { regionId: 999999, codeSet: 'moduulikoodistolops2021' })).body.issues[0]).toMatchObject({ path: 'body.regionId', code: 'unknown_region' });

    const unit = await client.post('/courses', { regionId: lappi, code: 'LAP-1', nameFi: 'Hitsaus', educationForm: 'vocational', field: '07', credits: 15, creditUnit: 'op' });
    expect(unit.status).toBe(400);
    expect(unit.body.issues).toEqual([expect.objectContaining({ path: 'body.creditUnit' })]);
    const bad = await client.post('/courses', { regionId: lappi, code: 'a b', nameFi: 'x', educationForm: 'general', field: '99', credits: -1, creditUnit: 'op' });
    expect(bad.body.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(['body.code', 'body.nameFi', 'body.educationForm', 'body.field', 'body.credits']));
    expect((await client.patch('/courses/999999', { credits: 2 })).status).toBe(404);
    expect((await client.patch(`/courses/1`, { credits: 0 })).body.issues[0].path).toBe('body.credits');
    expect(await courseCount(lappi)).toBe(before);
  });

  it('imports qualification units with their osp from a provider\'s CSV, and from the Koodisto JSON with the scope the request gives', async () => {
    const { lappi, pilot } = await regionIds();
    const client = await signedIn(COORDINATOR);
    const units = (type: string, body: unknown, query = '') => client.request('POST', `/courses/units/import?region=${lappi}${query}`, body, { 'content-type': type });
    const unit = async (code: string) => (await client.get(`/courses?region=${lappi}&code=${code}`)).body.items[0];
    // The demo's units came the same way: real codes, names as the set publishes them.
    expect(await unit('106101')).toMatchObject({ nameFi: 'Sähköasennukset', nameSv: 'Elinstallationer', credits: 40, creditUnit: 'osp', nameSource: 'national', codeSet: 'tutkinnonosat', qualification: 'Sähkö- ja automaatioalan perustutkinto' });

    const csv = Buffer.from(['Koodi;Nimi;Osp;Tutkinto;Koulutusala', 'tutkinnonosat_105950;Manuaalikoneistus;15;Kone- ja tuotantotekniikan perustutkinto;07', '106101;Sähköasennukset;35;;'].join('\r\n'), 'latin1');
    expect((await units('text/csv', csv)).body).toEqual({ created: 1, updated: 1, unchanged: 0 });
    expect(await unit('105950')).toMatchObject({ nameFi: 'Manuaalikoneistus', credits: 15, field: '07', educationForm: 'vocational', qualification: 'Kone- ja tuotantotekniikan perustutkinto' });
    expect(await unit('106101')).toMatchObject({ credits: 35, qualification: 'Sähkö- ja automaatioalan perustutkinto' });

    const koodisto = [{ koodiUri: 'tutkinnonosat_105952', koodiArvo: '105952', versio: 1, metadata: [{ nimi: 'Moniakselinen CNC-koneistus', kieli: 'FI' }] }];
    const scopeless = await units('application/json', koodisto);
    expect(scopeless.status).toBe(400);
    expect(scopeless.body.rows).toEqual([
      { row: 1, field: 'credits', message: expect.stringContaining('105952 is new') },
      { row: 1, field: 'field', message: expect.stringContaining('105952 is new') },
    ]);
    expect(await unit('105952')).toBeUndefined();
    expect((await units('application/json', koodisto, '&osp=10&field=07')).body).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(await unit('105952')).toMatchObject({ nameFi: 'Moniakselinen CNC-koneistus', nameEn: 'Moniakselinen CNC-koneistus', credits: 10, field: '07' });
    // Again: the names and scope stay as they are.
    expect((await units('application/json', koodisto, '&osp=20')).body).toEqual({ created: 0, updated: 0, unchanged: 1 });

    const before = [await courseCount(lappi), await courseCount(pilot)];
    expect((await client.request('POST', `/courses/units/import?region=${pilot}`, csv, { 'content-type': 'text/csv' })).status).toBe(403);
    const student = await signedIn('opiskelija.pello@tarjotin.example');
    expect((await student.request('POST', `/courses/units/import?region=${lappi}`, csv, { 'content-type': 'text/csv' })).status).toBe(403);
    expect((await units('text/csv', csv, '&field=99')).body).toMatchObject({ error: 'validation_failed', issues: [expect.objectContaining({ path: 'querystring.field' })] });
    expect([await courseCount(lappi), await courseCount(pilot)]).toEqual(before);
  });

  it('lets only the region\'s admins and coordinators write its courses (403, nothing written)', async () => {
    const { lappi, pilot } = await regionIds();
    const lappiBefore = await courseCount(lappi);
    const pilotBefore = await courseCount(pilot);
    const local = { code: 'OMA-1', nameFi: 'Oma kurssi', educationForm: 'liberal_adult', field: '02', credits: 1, creditUnit: 'op' };
    for (const email of ['opo.pello@tarjotin.example', 'opiskelija.pello@tarjotin.example', 'suunnittelija.pello@tarjotin.example']) {
      const client = await signedIn(email);
      expect((await client.post('/courses/national', { regionId: lappi, codeSet: 'moduulikoodistolops2021' })).status).toBe(403);
      expect((await client.post('/courses', { regionId: lappi, ...local })).status).toBe(403);
    }
    const coordinator = await signedIn(COORDINATOR);
    expect((await coordinator.post('/courses/national', { regionId: pilot, codeSet: 'moduulikoodistolops2021' })).status).toBe(403);
    expect((await coordinator.post('/courses', { regionId: pilot, ...local })).status).toBe(403);
    // The pilot's MAA7, added by its admin above.
    const pilotCourse = await context.db.selectFrom('course').select('id').where('region_id', '=', pilot).executeTakeFirstOrThrow();
    expect((await coordinator.patch(`/courses/${pilotCourse.id}`, { credits: 9 })).status).toBe(403);
    const lappiAdmin = await signedIn('admin@tarjotin.example');
    expect((await lappiAdmin.post('/courses', { regionId: pilot, ...local })).status).toBe(403);
    expect((await new ApiClient(context.app).post('/courses', { regionId: lappi, ...local })).status).toBe(401);
    expect([await courseCount(lappi), await courseCount(pilot)]).toEqual([lappiBefore, pilotBefore]);
  });
});
