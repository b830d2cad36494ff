import { describe, expect, it } from 'vitest';
import { ApiClient } from '../../../test/api-client.js';
import { useDemoApp } from '../../../test/test-app.js';
import { createSystemAdmin } from '../people/system-admin.js';

const SYSTEM_ADMIN = { email: 'paakayttaja@tarjotin.example', name: 'Järjestelmä', password: 'kaksitoista merkkiä vähintään' };

describe('regions created by a system admin', () => {
  const context = useDemoApp('pglite');

  it('gives a system admin the 12 KOPA pilots with today\'s municipality codes and their named providers', async () => {
    await createSystemAdmin(context.db, SYSTEM_ADMIN);
    const client = new ApiClient(context.app);
    await client.login(SYSTEM_ADMIN.email, SYSTEM_ADMIN.password);
    const { status, body } = await client.get('/regions/templates');
    expect(status).toBe(200);
    expect(body.total).toBe(12);
    expect(body.items.find((t: { key: string }) => t.key === 'ita-uusimaa')).toEqual({
      key: 'ita-uusimaa',
      nameFi: 'Itä-Uusimaa',
      municipalityCodes: ['018', '407', '434', '753', '638'],
      providers: ['Careeria Oy'],
    });
  });

  const systemAdmin = async () => {
    const client = new ApiClient(context.app);
    await client.login(SYSTEM_ADMIN.email, SYSTEM_ADMIN.password);
    return client;
  };

  it('creates a region with its municipalities, and one from a template with its named providers', async () => {
    const client = await systemAdmin();
    const created = await client.post('/regions', { code: 'Tunturi-Lappi', nameFi: 'Tunturi-Lappi', nameSv: 'Fjäll-Lappland', municipalityCodes: ['261', '273', '498', '047'] });
    expect(created.status).toBe(201);
    expect((await client.get(`/regions/${created.body.id}`)).body).toMatchObject({ code: 'tunturi-lappi', nameSv: 'Fjäll-Lappland', nameEn: 'Tunturi-Lappi', municipalityCodes: ['047', '261', '273', '498'] });

    const suupohja = await client.post('/regions/from-template', { template: 'suupohja' });
    expect(suupohja.status).toBe(201);
    expect((await client.get(`/regions/${suupohja.body.id}`)).body).toMatchObject({ code: 'suupohja', nameFi: 'Suupohja', municipalityCodes: ['151', '218', '232', '846'] });
    const organizations = (await client.get(`/organizations?region=${suupohja.body.id}`)).body.items;
    expect(organizations).toEqual([expect.objectContaining({ name: 'Koulutuskuntayhtymä VUOKSI', kind: 'provider' })]);
    const audit = await context.db.selectFrom('audit_event').select(['actor_kind', 'detail']).where('action', '=', 'create_region').where('region_id', '=', suupohja.body.id).execute();
    expect(audit).toEqual([{ actor_kind: 'person', detail: { municipalities: 4, organizations: 1 } }]);
    // A new region without sites yet has a knowledge base already: its cohorts, and no offering within reach.
    const indicators = await client.get(`/regions/${suupohja.body.id}/indicators`);
    expect(indicators.status).toBe(200);
    // Loviisa, Porvoo and Sipoo are in two pilots: both regions can hold them.
    expect((await client.post('/regions/from-template', { template: 'ita-uusimaa', nameSv: 'Östra Nyland' })).status).toBe(201);
    expect((await client.post('/regions/from-template', { template: 'ostnylandska' })).status).toBe(201);
  });

  it('refuses bad input with field paths, a code in use with 409, and writes nothing', async () => {
    const client = await systemAdmin();
    const regionsBefore = (await client.get('/regions')).body.total;
    const bad = await client.post('/regions', { code: 'x', nameFi: '', municipalityCodes: [] });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(['body.code', 'body.nameFi', 'body.nameSv', 'body.municipalityCodes']));
    const unknown = await client.post('/regions', { code: 'uusi', nameFi: 'Uusi', nameSv: 'Ny', municipalityCodes: ['854', '999'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.issues).toEqual([expect.objectContaining({ path: 'body.municipalityCodes.1', code: 'unknown_municipality' })]);
    expect((await client.post('/regions', { code: 'lappi', nameFi: 'Lappi', nameSv: 'Lappland', municipalityCodes: ['854'] })).status).toBe(409);
    expect((await client.post('/regions/from-template', { template: 'suupohja' })).status).toBe(409);
    expect((await client.post('/regions/from-template', { template: 'atlantis' })).body.issues[0]).toMatchObject({ path: 'body.template', code: 'unknown_template' });
    expect((await client.get('/regions')).body.total).toBe(regionsBefore);
  });

  it('refuses anyone else: a region admin gets 403, an anonymous visitor 401, and nothing changes', async () => {
    const regionAdmin = new ApiClient(context.app);
    await regionAdmin.login('admin@tarjotin.example');
    const regionsBefore = (await regionAdmin.get('/regions')).body.total;
    expect((await regionAdmin.get('/regions/templates')).status).toBe(403);
    expect((await regionAdmin.post('/regions', { code: 'oma', nameFi: 'Oma', nameSv: 'Egen', municipalityCodes: ['854'] })).status).toBe(403);
    expect((await regionAdmin.post('/regions/from-template', { template: 'keski-suomi' })).status).toBe(403);
    expect((await new ApiClient(context.app).get('/regions/templates')).status).toBe(401);
    expect((await regionAdmin.get('/regions')).body.total).toBe(regionsBefore);
  });
});
