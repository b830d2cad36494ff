import { describe, expect, it } from 'vitest';
import { ApiClient } from '../../../test/api-client.js';
import { useDemoApp } from '../../../test/test-app.js';
import { createSystemAdmin } from '../people/system-admin.js';

const SYSTEM_ADMIN = { email: 'jarjestelma@tarjotin.example', name: 'Järjestelmä', password: 'kaksitoista merkkiä vähintään' };

describe('region templates', () => {
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

  it('refuses anyone else: a region admin gets 403, an anonymous visitor 401', async () => {
    const regionAdmin = new ApiClient(context.app);
    await regionAdmin.login('admin@tarjotin.example');
    expect((await regionAdmin.get('/regions/templates')).status).toBe(403);
    expect((await new ApiClient(context.app).get('/regions/templates')).status).toBe(401);
  });
});
