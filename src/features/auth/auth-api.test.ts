import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ApiClient } from '../../../test/api-client.js';
import { ENGINES } from '../../../test/databases.js';
import { useDemoApp } from '../../../test/test-app.js';
import { buildApp } from '../../server/app.js';
import { DEMO_PASSWORD } from '../demo/seed-demo.js';
import type { LoginLimits } from './login-limits.js';
import { deleteEndedSessions, DEFAULT_SESSION_LIFETIME } from './sessions.js';

const COORDINATOR = 'koordinaattori.lappia@tarjotin.example';
const COUNSELLOR = 'opo.pello@tarjotin.example';
const STUDENT = 'opiskelija.pello@tarjotin.example';
const LIMITS: LoginLimits = {
  accountAtAddress: { attempts: 3, windowMinutes: 15 },
  account: { attempts: 5, windowMinutes: 60 },
  address: { attempts: 8, windowMinutes: 15 },
};
/** The demo password hashed by Tarjotin 0.1 (scrypt N=2^17, r=8, p=1). */
const LEGACY_SCRYPT_HASH = 'scrypt$131072$8$1$tXryjFAWDvnnDOf4HBSyOA$8L8dW-jfMqA_CclAuXIsQLCpt06vzCa08AGuArdL-nA';

describe.each(ENGINES)('sign-in on %s', (engine) => {
  const context = useDemoApp(engine, { loginLimits: LIMITS });
  const login = (email: string, password: string, { address = '203.0.113.1', headers = {} as Record<string, string>, host = 'localhost' } = {}) =>
    context.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress: address, headers: { host, ...headers } });
  const forgetAttempts = () => context.db.deleteFrom('login_attempt').execute();

  it('signs in and out; a wrong password or unknown e-mail gets 401', async () => {
    const client = new ApiClient(context.app);
    expect((await client.post('/auth/login', { email: COORDINATOR, password: 'wrong' })).body.error).toBe('invalid_credentials');
    expect((await client.post('/auth/login', { email: 'nobody@example.fi', password: 'x' })).status).toBe(401);
    const session = await client.login(COORDINATOR);
    expect(session.user).toMatchObject({ role: 'coordinator', email: COORDINATOR });
    expect((await client.get('/auth/session')).body.user.email).toBe(COORDINATOR);
    expect((await client.post('/auth/logout')).status).toBe(204);
    expect((await client.get('/auth/session')).body.user).toBeNull();
    await forgetAttempts();
  });

  it('refuses an account at an address after its failures, even with the right password and a forged X-Forwarded-For', async () => {
    for (let i = 0; i < 3; i++) expect((await login(COORDINATOR, 'guess')).statusCode).toBe(401);
    const blocked = await login(COORDINATOR, DEMO_PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error).toBe('too_many_attempts');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(14 * 60);
    // No proxy is configured, so the header is anybody's say-so.
    for (let i = 0; i < 5; i++) {
      expect((await login(COORDINATOR, DEMO_PASSWORD, { headers: { 'x-forwarded-for': `198.51.100.${i}` } })).statusCode).toBe(429);
    }
    // Another account from the same address is not blocked by it.
    expect((await login(COUNSELLOR, DEMO_PASSWORD)).statusCode).toBe(200);
    // The limit is kept in the database: a second server process on it refuses too.
    const secondProcess = await buildApp({ db: context.db, serveWeb: false, loginLimits: LIMITS });
    const elsewhere = await secondProcess.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: COORDINATOR, password: DEMO_PASSWORD }, remoteAddress: '203.0.113.1' });
    expect(elsewhere.statusCode).toBe(429);
    await secondProcess.close();
    // Once the window has passed, the right password gets in again.
    await context.db.updateTable('login_attempt').set({ at: sql`at - interval '16 minutes'` }).execute();
    expect((await login(COORDINATOR, DEMO_PASSWORD)).statusCode).toBe(200);
    await forgetAttempts();
  });

  it('limits guessing at one account from many addresses, and at many accounts from one address', async () => {
    for (let i = 0; i < 5; i++) expect((await login(STUDENT, 'guess', { address: `198.51.100.${10 + i}` })).statusCode).toBe(401);
    expect((await login(STUDENT, DEMO_PASSWORD, { address: '198.51.100.99' })).statusCode).toBe(429);
    await forgetAttempts();

    for (let i = 0; i < 8; i++) expect((await login(`guess${i}@example.fi`, 'Kesä2026!', { address: '192.0.2.7' })).statusCode).toBe(401);
    expect((await login(COUNSELLOR, DEMO_PASSWORD, { address: '192.0.2.7' })).statusCode).toBe(429);
    expect((await login(COUNSELLOR, DEMO_PASSWORD, { address: '192.0.2.8' })).statusCode).toBe(200);
    await forgetAttempts();
  });

  it('refuses a burst of simultaneous guesses beyond the limit', async () => {
    const burst = await Promise.all(Array.from({ length: 12 }, () => login(COORDINATOR, 'guess', { address: '192.0.2.50' })));
    const verified = burst.filter((r) => r.statusCode === 401).length;
    expect(verified).toBeLessThanOrEqual(3);
    expect(burst.filter((r) => r.statusCode === 429).length).toBe(12 - verified);
    await forgetAttempts();
  });

  it('believes X-Forwarded-For only from a configured proxy', async () => {
    const behindProxy = await buildApp({ db: context.db, serveWeb: false, loginLimits: LIMITS, trustProxy: ['10.0.0.1'] });
    const viaProxy = (address: string) =>
      behindProxy.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: COORDINATOR, password: 'guess' }, remoteAddress: '10.0.0.1', headers: { 'x-forwarded-for': address } });
    for (let i = 0; i < 3; i++) expect((await viaProxy('198.51.100.200')).statusCode).toBe(401);
    expect((await viaProxy('198.51.100.200')).statusCode).toBe(429);
    // Another pupil behind the same proxy is another address.
    expect((await viaProxy('198.51.100.201')).statusCode).toBe(401);
    await behindProxy.close();
    await forgetAttempts();
  });

  it('replaces an old scrypt hash with argon2id at the next successful sign-in', async () => {
    await context.db.updateTable('app_user').set({ password_hash: LEGACY_SCRYPT_HASH }).where('email', '=', COUNSELLOR).execute();
    expect((await login(COUNSELLOR, DEMO_PASSWORD)).statusCode).toBe(200);
    const { password_hash } = await context.db.selectFrom('app_user').select('password_hash').where('email', '=', COUNSELLOR).executeTakeFirstOrThrow();
    expect(password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect((await login(COUNSELLOR, DEMO_PASSWORD)).statusCode).toBe(200);
    await forgetAttempts();
  });

  it('marks the cookie Secure unless the app is reached as localhost', async () => {
    const cookieOf = (response: Awaited<ReturnType<typeof login>>) => String(response.headers['set-cookie']);
    expect(cookieOf(await login(STUDENT, DEMO_PASSWORD, { host: 'localhost:8080' }))).not.toContain('Secure');
    // Behind a proxy that keeps Host 127.0.0.1, the request still came from elsewhere.
    expect(cookieOf(await login(STUDENT, DEMO_PASSWORD, { host: '127.0.0.1:8080', headers: { 'x-forwarded-for': '198.51.100.4' } }))).toContain('Secure');
    const public_ = cookieOf(await login(STUDENT, DEMO_PASSWORD, { host: 'tarjotin.lappi.fi' }));
    for (const attribute of ['Secure', 'HttpOnly', 'SameSite=Strict']) expect(public_).toContain(attribute);
  });

  it('ends a session after 30 minutes unused and at its absolute end, and signs out everywhere', async () => {
    const phone = new ApiClient(context.app);
    const schoolComputer = new ApiClient(context.app);
    await phone.login(STUDENT);
    await schoolComputer.login(STUDENT);
    const userId = (await phone.get('/auth/session')).body.user.id;

    await context.db.updateTable('session').set({ last_seen_at: sql`now() - interval '31 minutes'` }).where('user_id', '=', userId).execute();
    expect((await phone.get('/auth/session')).body.user).toBeNull();
    await phone.login(STUDENT);
    await context.db.updateTable('session').set({ last_seen_at: sql`now() - interval '29 minutes'` }).where('user_id', '=', userId).execute();
    expect((await phone.get('/auth/session')).body.user.id).toBe(userId);
    // Using it kept it alive.
    const touched = await context.db.selectFrom('session').select(sql<boolean>`max(last_seen_at) > now() - interval '1 minute'`.as('fresh')).where('user_id', '=', userId).executeTakeFirstOrThrow();
    expect(touched.fresh).toBe(true);
    await context.db.updateTable('session').set({ expires_at: sql`now() - interval '1 second'` }).where('user_id', '=', userId).execute();
    expect((await phone.get('/auth/session')).body.user).toBeNull();

    await phone.login(STUDENT);
    await schoolComputer.login(STUDENT);
    expect((await phone.post('/auth/logout-everywhere')).status).toBe(204);
    expect((await schoolComputer.get('/auth/session')).body.user).toBeNull();
    expect((await phone.get('/auth/session')).body.user).toBeNull();
    expect((await new ApiClient(context.app).post('/auth/logout-everywhere')).status).toBe(401);
  });

  it('sweeps ended sessions by index', async () => {
    const client = new ApiClient(context.app);
    await client.login(COORDINATOR);
    await context.db.updateTable('session').set({ expires_at: sql`now() - interval '1 hour'` }).execute();
    await deleteEndedSessions(context.db, DEFAULT_SESSION_LIFETIME);
    expect(await context.db.selectFrom('session').select('id').execute()).toEqual([]);
    await context.db.transaction().execute(async (tx) => {
      await sql`set local enable_seqscan = off`.execute(tx);
      for (const column of ['expires_at', 'last_seen_at']) {
        const plan = await sql<{ 'QUERY PLAN': string }>`explain delete from session where ${sql.ref(column)} <= now()`.execute(tx);
        expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/Index/);
      }
    });
  });
});
