import { describe, expect, it } from 'vitest';
import { ApiClient } from '../../../test/api-client.js';
import { ENGINES } from '../../../test/databases.js';
import { useDemoApp } from '../../../test/test-app.js';

describe.each(ENGINES)('a region\'s travel settings on %s', (engine) => {
  const context = useDemoApp(engine);
  const signedIn = (email: string) => ApiClient.signedIn(context.app, email);
  const regionIds = async () => {
    const rows = await context.db.selectFrom('region').select(['id', 'code']).execute();
    return { lappi: rows.find((r) => r.code === 'lappi')!.id, pilot: rows.find((r) => r.code === 'kemi-tornionlaakso')!.id };
  };
  const stored = (id: number) => context.db.selectFrom('region').select(['travel_circuity', 'travel_speed_kmh', 'travel_overhead_minutes', 'daily_travel_limit_minutes']).where('id', '=', id).executeTakeFirstOrThrow();

  it('lets the region\'s admin change them; travel times and the knowledge base follow at once, and the audit trail keeps both values', async () => {
    const { lappi } = await regionIds();
    const admin = await signedIn('admin@tarjotin.example');
    const before = (await admin.get(`/regions/${lappi}/indicators`)).body;
    expect(before.totals.dailyTravelLimitMinutes).toBe(60);
    // At the default limit of 60 minutes, the share within the limit is the share within 60.
    expect(before.totals.share16to18WithinDailyLimit.lukio).toBe(before.totals.share16to18Within.lukio['60']);
    const minutesToNearest = (body: { municipalities: { nearestMinutes: { any: number | null } }[] }) => body.municipalities.reduce((sum, m) => sum + (m.nearestMinutes.any ?? 0), 0);

    const changed = await admin.patch(`/regions/${lappi}/settings`, { travelSpeedKmh: 40, dailyTravelLimitMinutes: 90 });
    expect(changed).toMatchObject({ status: 200, body: { travelCircuity: 1.2, travelSpeedKmh: 40, travelOverheadMinutes: 5, dailyTravelLimitMinutes: 90 } });
    expect(await stored(lappi)).toEqual({ travel_circuity: 1.2, travel_speed_kmh: 40, travel_overhead_minutes: 5, daily_travel_limit_minutes: 90 });

    const after = (await admin.get(`/regions/${lappi}/indicators`)).body;
    expect(after.computedAt).not.toBe(before.computedAt);
    expect(after.totals.dailyTravelLimitMinutes).toBe(90);
    // Half the speed: the trips to the nearest sites take longer (most are within the municipality, where only the fixed 5 minutes count).
    expect(minutesToNearest(after)).toBeGreaterThan(minutesToNearest(before));
    expect((await admin.get(`/regions/${lappi}`)).body).toMatchObject({ travel: { speedKmh: 40 }, dailyTravelLimitMinutes: 90 });
    const tray = await admin.get('/offerings?home=854&maxMinutes=60&limit=5');
    expect(tray.status).toBe(200);

    const audit = await context.db.selectFrom('audit_event').select('detail').where('action', '=', 'change_region_settings').where('actor_kind', '=', 'person').executeTakeFirstOrThrow();
    expect(audit.detail).toEqual({ travelSpeedKmh: 40, travelSpeedKmhBefore: 80, dailyTravelLimitMinutes: 90, dailyTravelLimitMinutesBefore: 60 });
  });

  it('refuses bad values with field paths, and anyone but the region\'s admins, changing nothing', async () => {
    const { lappi, pilot } = await regionIds();
    const before = [await stored(lappi), await stored(pilot)];
    const admin = await signedIn('admin@tarjotin.example');
    const bad = await admin.patch(`/regions/${lappi}/settings`, { travelCircuity: 0.5, travelSpeedKmh: 'fast', dailyTravelLimitMinutes: 45.5 });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(['body.dailyTravelLimitMinutes', 'body.travelCircuity', 'body.travelSpeedKmh']);
    expect((await admin.patch(`/regions/${lappi}/settings`, {})).status).toBe(400);
    expect((await admin.patch(`/regions/${pilot}/settings`, { travelSpeedKmh: 60 })).status).toBe(403);
    expect((await admin.patch('/regions/999999/settings', { travelSpeedKmh: 60 })).status).toBe(404);
    for (const email of ['suunnittelija.pello@tarjotin.example', 'koordinaattori.lappia@tarjotin.example', 'opiskelija.pello@tarjotin.example']) {
      expect((await (await signedIn(email)).patch(`/regions/${lappi}/settings`, { travelSpeedKmh: 60 })).status).toBe(403);
    }
    expect((await new ApiClient(context.app).patch(`/regions/${lappi}/settings`, { travelSpeedKmh: 60 })).status).toBe(401);
    expect([await stored(lappi), await stored(pilot)]).toEqual(before);
  });
});
