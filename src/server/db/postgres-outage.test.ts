import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient, startServer, type ServerProcess } from '../../../test/cli-process.js';
import { startPostgresServer } from '../../../test/postgres-server.js';

const LAPPIA_COORDINATOR = 'koordinaattori.lappia@tarjotin.example';

/**
 * The server as its own process on a PostgreSQL server of its own, which the test cuts off and
 * crashes in the middle of a burst of writes: the process must stay up, answer 503 while the
 * database is away, come back by itself, and keep every write it acknowledged.
 */
describe('a server whose PostgreSQL goes away', () => {
  let postgres: Awaited<ReturnType<typeof startPostgresServer>>;
  let server: ServerProcess;

  beforeAll(async () => {
    postgres = await startPostgresServer({ durable: true });
    const admin = new pg.Client({ connectionString: postgres.url() });
    await admin.connect();
    await admin.query('create database outage');
    await admin.end();
    server = await startServer({ DATABASE_URL: postgres.url('outage') });
  }, 90_000);

  afterAll(() => {
    server?.child.kill('SIGKILL');
    postgres?.stop();
  });

  it('stays up through terminated connections and a crash, answers 503 meanwhile, recovers and loses nothing acknowledged', async () => {
    const client = new HttpClient(server.url);
    await client.login(LAPPIA_COORDINATOR);
    const lappia = (await client.request('GET', '/organizations?kind=provider')).body.items.find((o: { name: string }) => o.name.startsWith('Lappia')).id;
    const body = {
      courseCode: '106109',
      siteId: (await client.request('GET', `/sites?organization=${lappia}`)).body.items[0].id,
      mode: 'onsite',
      language: 'fi',
      academicYear: '2026-2027',
      periods: [2],
      timeSlots: [{ day: 3, start: '08:30', end: '10:00' }],
      capacity: 12,
      seatsForPartners: 2,
      targetGroups: ['young'],
      feeEuros: 0,
      enrolmentStart: '2026-09-01',
      enrolmentEnd: '2026-11-30',
      contactName: 'Hakutoimisto',
      contactEmail: 'haku@example.fi',
    };
    const write = () => client.request('POST', '/offerings', body);

    const acknowledged: number[] = [];
    const statuses = new Map<number, number>();
    let bursting = true;
    const writer = async () => {
      while (bursting) {
        const response = await write();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (response.status === 201) acknowledged.push(response.body.id);
        if (response.status === 503) await new Promise((r) => setTimeout(r, 50));
      }
    };
    const writers = [writer(), writer(), writer()];
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

    await pause(400);
    const admin = new pg.Client({ connectionString: postgres.url() });
    await admin.connect();
    const terminated = await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = 'outage'`);
    await admin.end();
    expect(terminated.rowCount).toBeGreaterThan(0);
    await pause(300);

    postgres.halt();
    // Probed as a load balancer would: without a session.
    const health = await new HttpClient(server.url).request('GET', '/health');
    expect(health.status).toBe(503);
    expect(health.body).toEqual({ status: 'degraded', database: 'unavailable' });
    const refused = await write();
    expect(refused.status).toBe(503);
    expect(refused.body.error).toBe('database_unavailable');
    expect(refused.headers.get('retry-after')).toBe('5');
    await pause(500);

    postgres.start();
    const recoveredBy = Date.now() + 15_000;
    while ((await client.request('GET', '/health')).status !== 200) {
      expect(Date.now()).toBeLessThan(recoveredBy);
      await pause(200);
    }
    const afterRecovery = acknowledged.length;
    await pause(800);
    bursting = false;
    await Promise.all(writers);

    expect([...statuses.keys()].sort()).toEqual([201, 503]);
    expect(acknowledged.length).toBeGreaterThan(afterRecovery);
    expect(server.child.exitCode).toBeNull();

    const check = new pg.Client({ connectionString: postgres.url('outage') });
    await check.connect();
    const stored = await check.query<{ id: number }>('select id from offering where id = any($1)', [acknowledged]);
    await check.end();
    expect(stored.rowCount).toBe(acknowledged.length);
  });
});
