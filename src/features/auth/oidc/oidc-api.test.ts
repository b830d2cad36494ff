import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openDemoDatabase, type TestDatabase } from '../../../../test/databases.js';
import { signInAtProvider, startIdentityProvider, type TestIdentityProvider } from '../../../../test/identity-provider.js';
import { ApiClient } from '../../../../test/api-client.js';
import { buildApp } from '../../../server/app.js';

const APP_URL = 'http://tarjotin.test';

describe.each(ENGINES)('single sign-on through an OpenID provider on %s', (engine) => {
  let idp: TestIdentityProvider;
  let database: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    idp = await startIdentityProvider(APP_URL, { codeTtlSeconds: 2 });
    database = await openDemoDatabase(engine);
    app = await buildApp({ db: database.db, serveWeb: false, oidc: { providers: [idp.config], appUrl: APP_URL } });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    await idp?.close();
  });

  /** The cookie that ties the sign-in under way to this (simulated) browser. */
  let browserCookie = '';
  /** Tarjotin's redirect to the provider, as the sign-in page's button starts it. */
  const begin = async (query = '') => {
    const response = await app.inject({ method: 'GET', url: `/api/v1/auth/oidc/testidp/login${query}` });
    expect(response.statusCode).toBe(302);
    const cookie = response.cookies.find((c) => c.name === 'tarjotin_sso')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/v1/auth/oidc/' });
    browserCookie = `tarjotin_sso=${cookie.value}`;
    return response.headers.location as string;
  };
  const callback = (url: URL, cookie = browserCookie) => app.inject({ method: 'GET', url: `${url.pathname}${url.search}`, headers: cookie ? { cookie } : {} });
  const sessionOf = async (response: Awaited<ReturnType<typeof callback>>) => {
    const cookie = response.cookies.find((c) => c.name === 'tarjotin_session');
    if (!cookie) return null;
    return (await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: `tarjotin_session=${cookie.value}` } })).json().user;
  };

  it('lists the providers, and signs in an existing account by the e-mail the provider vouches for; the identity stays linked', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/providers' })).json()).toEqual({ items: [{ id: 'testidp', name: 'Testitunnistus' }] });
    idp.accounts.set('mpass-oona', { email: 'opiskelija.pello@tarjotin.example', email_verified: true, name: 'Oona Opiskelija' });
    const start = await begin('?returnTo=/plan');
    expect(new URL(start).searchParams.get('code_challenge_method')).toBe('S256');
    const back = await callback(await signInAtProvider(start, 'mpass-oona', APP_URL));
    expect(back.statusCode).toBe(302);
    expect(back.headers.location).toBe('/plan');
    expect(await sessionOf(back)).toMatchObject({ email: 'opiskelija.pello@tarjotin.example', role: 'student' });
    // Linked: a changed address at the provider still reaches the same account.
    idp.accounts.set('mpass-oona', { email: 'oona@muualla.example', email_verified: false });
    const again = await callback(await signInAtProvider(await begin(), 'mpass-oona', APP_URL));
    expect(await sessionOf(again)).toMatchObject({ email: 'opiskelija.pello@tarjotin.example' });
  });

  it('refuses an unknown identity and an unverified address: no self-registration', async () => {
    idp.accounts.set('stranger', { email: 'stranger@example.fi', email_verified: true });
    const stranger = await callback(await signInAtProvider(await begin(), 'stranger', APP_URL));
    expect(stranger.headers.location).toBe('/login?sso_error=unknown_identity');
    expect(stranger.cookies.find((c) => c.name === 'tarjotin_session')).toBeUndefined();
    idp.accounts.set('unverified', { email: 'opo.pello@tarjotin.example', email_verified: false });
    expect((await callback(await signInAtProvider(await begin(), 'unverified', APP_URL))).headers.location).toBe('/login?sso_error=unknown_identity');
    expect(await database.db.selectFrom('oidc_identity').select('subject').where('subject', 'in', ['stranger', 'unverified']).execute()).toEqual([]);
  });

  it('checks MPASSid\'s school and role claims: a pupil\'s identity is no counsellor, another school\'s pupil not this one; nothing is linked', async () => {
    const linkedIdentities = async () => Number((await database.db.selectFrom('oidc_identity').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await linkedIdentities();
    idp.accounts.set('pupil-as-counsellor', { email: 'opo.pello@tarjotin.example', email_verified: true, 'urn:mpass.id:role': ['Pello;00640;2A;Oppilas'] });
    expect((await callback(await signInAtProvider(await begin(), 'pupil-as-counsellor', APP_URL))).headers.location).toBe('/login?sso_error=role_mismatch');
    idp.accounts.set('other-school', { email: 'opiskelija2.pello@tarjotin.example', email_verified: true, 'urn:mpass.id:schoolCode': ['00000'], 'urn:mpass.id:role': ['Demojärvi;00000;9A;Oppilas'] });
    expect((await callback(await signInAtProvider(await begin(), 'other-school', APP_URL))).headers.location).toBe('/login?sso_error=school_mismatch');
    expect(await linkedIdentities()).toBe(before);

    // Pellon lukio's register code is 00640: the pupil of that school signs in, and the teacher's identity is the counsellor's.
    idp.accounts.set('pello-pupil', { email: 'opiskelija2.pello@tarjotin.example', email_verified: true, 'urn:mpass.id:schoolCode': ['00640'], 'urn:mpass.id:role': ['Pello;00640;2A;Oppilas'] });
    expect(await sessionOf(await callback(await signInAtProvider(await begin(), 'pello-pupil', APP_URL)))).toMatchObject({ email: 'opiskelija2.pello@tarjotin.example', role: 'student' });
    idp.accounts.set('pello-teacher', { email: 'opo.pello@tarjotin.example', email_verified: true, 'urn:mpass.id:role': ['Pello;00640;;Opinto-ohjaaja'] });
    expect(await sessionOf(await callback(await signInAtProvider(await begin(), 'pello-teacher', APP_URL)))).toMatchObject({ email: 'opo.pello@tarjotin.example', role: 'counsellor' });
    // Moved to another school: the linked identity no longer fits the account until the new school imports the student.
    idp.accounts.set('pello-pupil', { 'urn:mpass.id:schoolCode': ['00000'], 'urn:mpass.id:role': ['Demojärvi;00000;1A;Oppilas'] });
    expect((await callback(await signInAtProvider(await begin(), 'pello-pupil', APP_URL))).headers.location).toBe('/login?sso_error=school_mismatch');
  });

  it('refuses a wrong state, a spent state, an expired code and a tampered ID token', async () => {
    idp.accounts.set('mpass-outi', { email: 'opo.pello@tarjotin.example', email_verified: true });
    // Handed to another browser (a victim signed in to the attacker's account): refused, and the state is spent.
    const handed = await signInAtProvider(await begin(), 'mpass-outi', APP_URL);
    expect((await callback(handed, '')).headers.location).toBe('/login?sso_error=sso_failed');
    expect((await callback(handed)).headers.location).toBe('/login?sso_error=sso_failed');
    const url = await signInAtProvider(await begin(), 'mpass-outi', APP_URL);
    const wrongState = new URL(url);
    wrongState.searchParams.set('state', 'forged-state');
    expect((await callback(wrongState)).headers.location).toBe('/login?sso_error=sso_failed');
    expect(await sessionOf(await callback(url))).toMatchObject({ email: 'opo.pello@tarjotin.example' });
    expect((await callback(url)).headers.location).toBe('/login?sso_error=sso_failed');

    const late = await signInAtProvider(await begin(), 'mpass-outi', APP_URL);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect((await callback(late)).headers.location).toBe('/login?sso_error=sso_failed');

    idp.tamperIdTokens = true;
    try {
      const tampered = await callback(await signInAtProvider(await begin(), 'mpass-outi', APP_URL));
      expect(tampered.headers.location).toBe('/login?sso_error=sso_failed');
      expect(tampered.cookies.find((c) => c.name === 'tarjotin_session')).toBeUndefined();
    } finally {
      idp.tamperIdTokens = false;
    }
    const cancelled = new URL(`${APP_URL}/api/v1/auth/oidc/testidp/callback`);
    cancelled.searchParams.set('error', 'access_denied');
    cancelled.searchParams.set('state', new URL(await begin()).searchParams.get('state')!);
    expect((await callback(cancelled)).headers.location).toBe('/login?sso_error=sso_cancelled');
  });

  it('an invitee signs in through the provider: the account is made with the invitation\'s role and linked; sign-out ends the provider\'s session too', async () => {
    const admin = new ApiClient(app);
    await admin.login('admin@tarjotin.example');
    const school = (await database.db.selectFrom('app_user').select('organization_id').where('email', '=', 'opo.pello@tarjotin.example').executeTakeFirstOrThrow()).organization_id;
    expect((await admin.post('/invitations', { email: 'uusi.opo@pello.example', role: 'counsellor', regionId: (await database.db.selectFrom('region').select('id').where('code', '=', 'lappi').executeTakeFirstOrThrow()).id, organizationId: school })).status).toBe(201);
    const mail = await database.db.selectFrom('outbox_email').select('body').where('to_address', '=', 'uusi.opo@pello.example').executeTakeFirstOrThrow();
    const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(mail.body)![1]!;
    idp.accounts.set('mpass-uusi', { name: 'Uusi Opo' });
    const back = await callback(await signInAtProvider(await begin(`?invitation=${token}`), 'mpass-uusi', APP_URL));
    expect(await sessionOf(back)).toMatchObject({ email: 'uusi.opo@pello.example', name: 'Uusi Opo', role: 'counsellor', organizationId: school });
    // Spent: the same invitation does not make a second account.
    idp.accounts.set('mpass-toinen', { name: 'Toinen' });
    expect((await callback(await signInAtProvider(await begin(`?invitation=${token}`), 'mpass-toinen', APP_URL))).headers.location).toBe('/login?sso_error=invitation_invalid');

    const cookie = back.cookies.find((c) => c.name === 'tarjotin_session')!;
    const session = (await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: `tarjotin_session=${cookie.value}` } })).json();
    const logout = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: `tarjotin_session=${cookie.value}`, 'x-csrf-token': session.csrfToken } });
    expect(logout.statusCode).toBe(200);
    const logoutUrl = new URL(logout.json().logoutUrl);
    expect(logoutUrl.origin).toBe(idp.issuer);
    expect(logoutUrl.searchParams.get('post_logout_redirect_uri')).toBe(`${APP_URL}/`);
  });

  it('never sends the browser off-site after signing in', async () => {
    idp.accounts.set('mpass-oona', { email: 'opiskelija.pello@tarjotin.example', email_verified: true });
    for (const returnTo of ['//evil.example/', 'https://evil.example/', '/\\evil.example', '/\t/evil.example', '/\n/x']) {
      const back = await callback(await signInAtProvider(await begin(`?returnTo=${encodeURIComponent(returnTo)}`), 'mpass-oona', APP_URL));
      expect(back.headers.location).toBe('/');
    }
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/oidc/nobody/login' })).statusCode).toBe(404);
  });
});
