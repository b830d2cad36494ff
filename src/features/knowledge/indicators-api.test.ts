import { describe, expect, it } from 'vitest';
import { ApiClient } from '../../../test/api-client.js';
import { ENGINES } from '../../../test/databases.js';
import { pdfText } from '../../../test/pdf-text.js';
import { useDemoApp } from '../../../test/test-app.js';
import { RoadNetworks } from '../roads/road-networks.js';
import { estimateTravelMinutes } from '../travel/estimate.js';
import { SiteTravelTimes } from '../travel/site-travel-times.js';
import { computeRegionIndicators, type KeptAccessibility } from './region-indicators.js';

interface MunicipalityIndicators {
  code: string;
  cohort16to18: number;
  projection: Record<string, number>;
  nearestMinutes: { lukio: number | null; vocational: number | null; any: number | null };
  reachable60: { lukio: number; vocational: number };
}

describe.each(ENGINES)('region indicators on %s', (engine) => {
  const context = useDemoApp(engine);

  it('gives every Lappi municipality its cohort, a projection to 2035 and its nearest lukio and vocational offering', async () => {
    const region = await context.db.selectFrom('region').selectAll().where('code', '=', 'lappi').executeTakeFirstOrThrow();
    const client = new ApiClient(context.app);
    const response = await client.get(`/regions/${region.id}/indicators`);
    expect(response.status).toBe(200);
    const { municipalities, totals } = response.body as { municipalities: MunicipalityIndicators[]; totals: { share16to18Within: Record<string, Record<string, number>> } };
    expect(municipalities).toHaveLength(21);
    for (const m of municipalities) {
      expect(m.cohort16to18).toBeGreaterThan(0);
      expect(Object.keys(m.projection)).toContain('2035');
    }

    const pello = municipalities.find((m) => m.code === '854')!;
    // Paavo 2018: the 16–17 band and half of the 18–19 band.
    const bands = await context.db.selectFrom('population').selectAll().where('municipality_code', '=', '854').where('year', '=', 2018).execute();
    const band = (from: number) => bands.find((b) => b.age_from === from)!.count;
    expect(pello.cohort16to18).toBe(Math.round(band(16) + band(18) / 2));
    // Pellon lukio is in Pello: the trip from the centre to the school by the region's estimate.
    const centre = await context.db.selectFrom('municipality').select(['lat', 'lon']).where('code', '=', '854').executeTakeFirstOrThrow();
    const school = await context.db.selectFrom('site').select(['lat', 'lon']).where('name', '=', 'Pellon lukio').executeTakeFirstOrThrow();
    const parameters = { circuity: region.travel_circuity, speedKmh: region.travel_speed_kmh, overheadMinutes: region.travel_overhead_minutes };
    expect(pello.nearestMinutes.lukio).toBe(estimateTravelMinutes({ lat: centre.lat!, lon: centre.lon! }, school, parameters));
    // Workplace learning at Tornionlaakson Konepaja in Pello (placed at the centre): only the 5-minute overhead.
    expect(pello.nearestMinutes.vocational).toBe(5);
    expect(pello.reachable60.vocational).toBeGreaterThan(0);

    for (const form of ['lukio', 'vocational', 'any']) {
      const shares = totals.share16to18Within[form]!;
      expect(shares['30']).toBeLessThanOrEqual(shares['45']!);
      expect(shares['45']).toBeLessThanOrEqual(shares['60']!);
      expect(shares['60']).toBeLessThanOrEqual(1);
    }
  });

  it('recomputes when the tray changes, and not otherwise', async () => {
    const region = await context.db.selectFrom('region').select('id').where('code', '=', 'lappi').executeTakeFirstOrThrow();
    const client = new ApiClient(context.app);
    const first = (await client.get(`/regions/${region.id}/indicators`)).body.computedAt;
    expect((await client.get(`/regions/${region.id}/indicators`)).body.computedAt).toBe(first);
    const admin = new ApiClient(context.app);
    await admin.login('admin@tarjotin.example');
    const offering = await context.db.selectFrom('offering').select('id').where('status', '=', 'published').orderBy('id').executeTakeFirstOrThrow();
    expect((await admin.patch(`/offerings/${offering.id}`, { status: 'withdrawn' })).status).toBe(200);
    expect((await client.get(`/regions/${region.id}/indicators`)).body.computedAt).not.toBe(first);
    expect((await client.get('/regions/99999/indicators')).status).toBe(404);
  });

  it('when a site closes, updates the kept figures to what computing afresh gives', async () => {
    const region = await context.db.selectFrom('region').select('id').where('code', '=', 'lappi').executeTakeFirstOrThrow();
    const client = new ApiClient(context.app);
    const pelloBefore = ((await client.get(`/regions/${region.id}/indicators`)).body.municipalities as MunicipalityIndicators[]).find((m) => m.code === '854')!;
    // The cache's path, watched directly: the fields kept from the first computation are repaired, not rebuilt.
    const kept: KeptAccessibility = new Map();
    const travelTimes = new SiteTravelTimes(context.db, new RoadNetworks(context.db).providerFor);
    await computeRegionIndicators(context.db, travelTimes, region.id, kept);
    const keptFields = kept.get(region.id);
    const admin = new ApiClient(context.app);
    await admin.login('admin@tarjotin.example');
    const lukio = await context.db.selectFrom('site').select('id').where('name', '=', 'Pellon lukio').executeTakeFirstOrThrow();
    const offerings = await context.db.selectFrom('offering').select('id').where('site_id', '=', lukio.id).where('status', '=', 'published').execute();
    expect(offerings.length).toBeGreaterThan(0);
    for (const { id } of offerings) expect((await admin.patch(`/offerings/${id}`, { status: 'withdrawn' })).status).toBe(200);
    const after = (await client.get(`/regions/${region.id}/indicators`)).body;
    const fresh = await computeRegionIndicators(context.db, new SiteTravelTimes(context.db, new RoadNetworks(context.db).providerFor), region.id);
    expect(after.municipalities.map((m: MunicipalityIndicators) => [m.code, m.nearestMinutes])).toEqual(fresh.municipalities.map((m) => [m.code, m.nearestMinutes]));
    expect(after.totals.share16to18Within).toEqual(fresh.totals.share16to18Within);
    const repaired = await computeRegionIndicators(context.db, travelTimes, region.id, kept);
    expect(kept.get(region.id)).toBe(keptFields);
    expect(repaired.municipalities.map((m) => [m.code, m.nearestMinutes])).toEqual(fresh.municipalities.map((m) => [m.code, m.nearestMinutes]));
    expect(repaired.totals.share16to18Within).toEqual(fresh.totals.share16to18Within);
    const pelloAfter = (after.municipalities as MunicipalityIndicators[]).find((m) => m.code === '854')!;
    expect(pelloAfter.nearestMinutes.lukio).toBeGreaterThan(pelloBefore.nearestMinutes.lukio!);
  });

  it('exports the indicator table as CSV and XLSX', async () => {
    const region = await context.db.selectFrom('region').select('id').where('code', '=', 'lappi').executeTakeFirstOrThrow();
    const client = new ApiClient(context.app);
    const csv = await client.get(`/regions/${region.id}/indicators/export?format=csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.raw.toString('utf8').replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines).toHaveLength(22);
    expect(lines[0]).toMatch(/^municipality_code;municipality;cohort_year;cohort_16_18/);
    expect(lines.some((l) => l.startsWith('854;Pello;2018;'))).toBe(true);
    const xlsx = await client.get(`/regions/${region.id}/indicators/export?format=xlsx`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.raw.subarray(0, 2).toString()).toBe('PK');
  });

  it('produces the starter-pack PDF with every municipality of the region', async () => {
    const region = await context.db.selectFrom('region').select('id').where('code', '=', 'lappi').executeTakeFirstOrThrow();
    const response = await new ApiClient(context.app).get(`/regions/${region.id}/report.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = response.raw.toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    const text = pdfText(pdf);
    expect(text).toContain('Aloituspaketti: Lappi');
    const names = await context.db
      .selectFrom('region_municipality as rm')
      .innerJoin('municipality as m', 'm.code', 'rm.municipality_code')
      .select('m.name_fi')
      .where('rm.region_id', '=', region.id)
      .execute();
    expect(names).toHaveLength(21);
    for (const { name_fi } of names) expect(text).toContain(name_fi);
    expect(text).toContain('CC BY 4.0');
    expect(pdfText((await new ApiClient(context.app).get(`/regions/${region.id}/report.pdf?lang=sv`)).raw.toString('latin1'))).toContain('Startpaket: Lappland');
  });
});
