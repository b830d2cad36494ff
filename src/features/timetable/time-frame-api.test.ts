import { describe, expect, it } from 'vitest';
import { ApiClient } from '../../../test/api-client.js';
import { ENGINES } from '../../../test/databases.js';
import { useDemoApp } from '../../../test/test-app.js';
import { LAPPI_TIME_FRAME } from '../demo/lappi-offerings.js';

describe.each(ENGINES)('the region’s shared time frame on %s', (engine) => {
  const context = useDemoApp(engine);
  const signedIn = async (who: string) => {
    const client = new ApiClient(context.app);
    await client.login(`${who}@tarjotin.example`);
    return client;
  };
  const idOf = async (table: 'organization' | 'site' | 'region', column: 'name' | 'code', value: string) =>
    (await context.db.selectFrom(table).select('id').where(column, 'like', value).executeTakeFirstOrThrow()).id;
  const offeringOnBars = async (bars: string[], periods = [2]) => ({
    courseCode: '106109',
    siteId: await idOf('site', 'name', 'Lappia, Tornion kampus'),
    mode: 'onsite',
    language: 'fi',
    academicYear: '2026-2027',
    periods,
    timeSlots: [],
    bars,
    capacity: 16,
    seatsForPartners: 6,
    targetGroups: ['young'],
    feeEuros: 0,
    enrolmentStart: null,
    enrolmentEnd: null,
    contactName: null,
    contactEmail: null,
  });

  it('lists the periods and bars the schools and providers adopted', async () => {
    const regionId = await idOf('region', 'code', 'lappi');
    const frames = (await (await signedIn('opiskelija.pello')).get(`/regions/${regionId}/time-frames`)).body.items;
    expect(frames).toHaveLength(1);
    expect(frames[0].periods.map((p: { number: number }) => p.number)).toEqual([1, 2, 3, 4, 5]);
    expect(frames[0].bars.map((b: { code: string }) => b.code).sort()).toEqual(LAPPI_TIME_FRAME.bars.map((b) => b.code).sort());
    expect(frames[0].adopters.map((a: { name: string }) => a.name)).toEqual(expect.arrayContaining(['Pellon lukio', 'Lappia (Kemi-Tornionlaakson koulutuskuntayhtymä)']));
  });

  it('places an offering on bars, moves it when the bar moves, and refuses to drop a bar in use', async () => {
    const regionId = await idOf('region', 'code', 'lappi');
    const lappia = await signedIn('koordinaattori.lappia');
    const created = await lappia.post('/offerings', await offeringOnBars(['B', 'TO']));
    expect(created.status).toBe(201);
    const barB = LAPPI_TIME_FRAME.bars.find((b) => b.code === 'B')!.lessons;
    expect(created.body).toMatchObject({ bars: ['B', 'TO'], timeSlots: [...barB, { day: 4, start: '08:30', end: '14:30' }] });

    const wrong = await lappia.post('/offerings', await offeringOnBars(['B', 'Z'], [6]));
    expect(wrong.status).toBe(400);
    expect(wrong.body.issues.map((i: { path: string; code: string }) => [i.path, i.code])).toEqual([
      ['body.bars.1', 'unknown_bar'],
      ['body.periods.0', 'unknown_period'],
    ]);

    const admin = await signedIn('admin');
    const moved = LAPPI_TIME_FRAME.bars.map((b) => (b.code === 'B' ? { code: 'B', lessons: [{ day: 5, start: '12:15', end: '13:30' }] } : b));
    expect((await lappia.put(`/regions/${regionId}/time-frames/2026-2027`, { ...LAPPI_TIME_FRAME, bars: moved })).status).toBe(403);
    expect((await admin.put(`/regions/${regionId}/time-frames/2026-2027`, { ...LAPPI_TIME_FRAME, bars: moved })).status).toBe(200);
    expect((await lappia.get(`/offerings/${created.body.id}`)).body.timeSlots[0]).toEqual({ day: 5, start: '12:15', end: '13:30' });

    const dropped = await admin.put(`/regions/${regionId}/time-frames/2026-2027`, { ...LAPPI_TIME_FRAME, bars: moved.filter((b) => b.code !== 'B') });
    expect(dropped.status).toBe(409);
    expect(dropped.body.error).toBe('bar_in_use');
    expect((await admin.get(`/regions/${regionId}/time-frames`)).body.items[0].bars.some((b: { code: string }) => b.code === 'B')).toBe(true);

    const duplicate = await admin.put(`/regions/${regionId}/time-frames/2026-2027`, { ...LAPPI_TIME_FRAME, periods: [LAPPI_TIME_FRAME.periods[0], LAPPI_TIME_FRAME.periods[0]] });
    expect(duplicate.body.issues[0]).toMatchObject({ path: 'body.periods.1.number', code: 'duplicate' });

    // Times of its own take the offering off the bars.
    const own = await lappia.patch(`/offerings/${created.body.id}`, { timeSlots: [{ day: 1, start: '08:00', end: '12:00' }] });
    expect(own.status).toBe(200);
    expect((await lappia.get(`/offerings/${created.body.id}`)).body).toMatchObject({ bars: [], timeSlots: [{ day: 1, start: '08:00', end: '12:00' }] });
  });

  it('lets an organization adopt or leave the frame: its own coordinator or an admin, and not while its offerings use the bars', async () => {
    const regionId = await idOf('region', 'code', 'lappi');
    const frameId = (await (await signedIn('admin')).get(`/regions/${regionId}/time-frames`)).body.items[0].id;
    const lappiaId = await idOf('organization', 'name', 'Lappia%');
    const companyId = await idOf('organization', 'name', 'Tornionlaakson Konepaja%');
    const redu = await signedIn('koordinaattori.redu');
    expect((await redu.request('DELETE', `/time-frames/${frameId}/adopters/${lappiaId}`)).status).toBe(403);
    const lappia = await signedIn('koordinaattori.lappia');
    const leaving = await lappia.request('DELETE', `/time-frames/${frameId}/adopters/${lappiaId}`);
    expect(leaving.status).toBe(409);

    const admin = await signedIn('admin');
    const company = await admin.post('/offerings', { ...(await offeringOnBars(['A'])), providerId: companyId });
    expect(company.body.issues[0]).toMatchObject({ path: 'body.bars', code: 'no_time_frame' });
    expect((await admin.request('PUT', `/time-frames/${frameId}/adopters/${companyId}`)).status).toBe(204);
    expect((await admin.post('/offerings', { ...(await offeringOnBars(['A'])), providerId: companyId })).status).toBe(201);
  });
});
