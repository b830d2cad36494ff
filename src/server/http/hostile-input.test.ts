import { describe, expect, it } from 'vitest';
import { ApiClient } from '../../../test/api-client.js';
import { ENGINES } from '../../../test/databases.js';
import { useDemoApp } from '../../../test/test-app.js';

/** The inputs that used to reach the database and come back as 500: huge integers, loose number syntax, NUL characters. */
describe.each(ENGINES)('hostile input on %s', (engine) => {
  const context = useDemoApp(engine);

  it('refuses ids beyond a PostgreSQL integer and numbers not written in decimal digits, anonymously too', async () => {
    const anonymous = new ApiClient(context.app);
    for (const id of ['2147483648', '9007199254740993', '99999999999999999999', '0x10', '1e3', '+16', '16.0', '-1', '0']) {
      const response = await anonymous.get(`/offerings/${id}`);
      expect(response.status, id).toBe(400);
      expect(response.body.issues[0].path).toBe('params.id');
    }
    expect((await anonymous.get('/offerings/2147483647')).status).toBe(404);
    for (const query of ['limit=1e1', 'limit=0x10', 'offset=2147483648', 'region=4294967296', 'provider= 1']) {
      expect((await anonymous.get(`/offerings?${query}`)).status, query).toBe(400);
    }
    const student = new ApiClient(context.app);
    await student.login('opiskelija.pello@tarjotin.example');
    const request = await student.post('/enrolments', { offeringId: 2 ** 31 });
    expect(request.status).toBe(400);
    expect(request.body.issues[0].path).toBe('body.offeringId');
  });

  it('refuses a NUL character anywhere, with its path, and changes nothing', async () => {
    const anonymous = new ApiClient(context.app);
    const search = await anonymous.get('/offerings?q=matikka%00');
    expect(search.status).toBe(400);
    expect(search.body.issues).toEqual([{ path: 'querystring.q', code: 'nul_character', message: 'contains a NUL character' }]);
    expect((await anonymous.post('/auth/login', { email: 'admin@tarjotin.example\u0000', password: 'x' })).status).toBe(400);

    const coordinator = new ApiClient(context.app);
    await coordinator.login('koordinaattori.lappia@tarjotin.example');
    const providerId = (await coordinator.get('/auth/session')).body.user.organizationId;
    const offering = (await coordinator.get(`/offerings?provider=${providerId}&limit=1`)).body.items[0];
    const edit = await coordinator.patch(`/offerings/${offering.id}`, { contactName: 'Haku\u0000toimisto', timeSlots: [{ day: 1, start: '08:00', end: '09:00' }] });
    expect(edit.status).toBe(400);
    expect(edit.body.issues.map((i: { path: string }) => i.path)).toEqual(['body.contactName']);
    expect((await coordinator.get(`/offerings/${offering.id}`)).body.contactName).toBe(offering.contactName);

    const csv = 'course_code,mode,language,academic_year,capacity,seats_for_partners,target_groups,contact_name\n101053,online,fi,2026-2027,40,20,young,Haku\u0000';
    const imported = await coordinator.request('POST', '/offerings/import', csv, { 'content-type': 'text/csv' });
    expect(imported.status).toBe(400);
    expect(imported.body.issues[0]).toMatchObject({ row: 2, path: 'contact_name', code: 'nul_character' });
  });
});
