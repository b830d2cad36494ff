import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../../test/api-client.js';
import { ENGINES } from '../../../test/databases.js';
import { bzip2File, writeOsmPbf, writeOsmXml, type OsmExtract } from '../../../test/osm-extract.js';
import { pdfText } from '../../../test/pdf-text.js';
import { useDemoApp } from '../../../test/test-app.js';
import { greatCircleKm } from '../travel/estimate.js';
import { ROAD_SPEEDS_KMH } from './road-speeds.js';
import { importRoads, removeRoads } from './road-import.js';

const PELLO = '854';
const dir = mkdtempSync(join(tmpdir(), 'tarjotin-roads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(ENGINES)('road network import on %s', (engine) => {
  const context = useDemoApp(engine);
  const api = () => new ApiClient(context.app);

  /**
   * The test extract: a primary road straight from every municipal centre of the demo region to
   * every site, so that the shortest road time from a centre to a site is its direct road.
   */
  async function demoExtract() {
    const region = await context.db.selectFrom('region').select(['id', 'travel_overhead_minutes']).where('is_demo', '=', true).executeTakeFirstOrThrow();
    const centres = await context.db
      .selectFrom('region_municipality as rm')
      .innerJoin('municipality as m', 'm.code', 'rm.municipality_code')
      .select(['m.code', 'm.lat', 'm.lon'])
      .where('rm.region_id', '=', region.id)
      .where('m.lat', 'is not', null)
      .execute();
    const sites = await context.db.selectFrom('site').select(['id', 'lat', 'lon']).where('region_id', '=', region.id).execute();
    const extract: OsmExtract = {
      nodes: [...centres.map((c, i) => ({ id: 1000 + i, lat: c.lat!, lon: c.lon! })), ...sites.map((s, j) => ({ id: 5000 + j, lat: s.lat, lon: s.lon }))],
      ways: centres.flatMap((_, i) => sites.map((__, j) => ({ id: 100_000 + i * 1000 + j, nodes: [1000 + i, 5000 + j], tags: { highway: 'primary' } }))),
    };
    return { region, centres, sites, extract };
  }

  it('imports an extract, and the indicators then follow the roads (hand-computed for Pello)', async () => {
    const { region, centres, sites, extract } = await demoExtract();
    const path = join(dir, `lappi-${engine}.osm`);
    writeOsmXml(path, extract);
    const result = await importRoads(context.db, region.id, path);
    expect(result).toMatchObject({ nodes: centres.length + sites.length, roads: centres.length * sites.length, missingNodes: 0, disconnectedNodes: 0 });

    const lukioSites = await context.db
      .selectFrom('offering')
      .select('site_id')
      .distinct()
      .where('education_form', '=', 'general_upper_secondary')
      .where('status', '=', 'published')
      .where('mode', 'in', ['onsite', 'hybrid', 'workplace'])
      .execute();
    const pello = centres.find((c) => c.code === PELLO)!;
    const byRoad = (site: { lat: number; lon: number }) => Math.ceil(region.travel_overhead_minutes + (greatCircleKm({ lat: pello.lat!, lon: pello.lon! }, site) / ROAD_SPEEDS_KMH.primary!) * 60);
    const expected = Math.min(...lukioSites.map((l) => byRoad(sites.find((s) => s.id === l.site_id)!)));

    const { body } = await api().get(`/regions/${region.id}/indicators`);
    expect(body.travelModel).toBe('road');
    expect(body.roadNetwork).toMatchObject({ source: `lappi-${engine}.osm`, nodes: centres.length + sites.length });
    const row = body.municipalities.find((m: { code: string }) => m.code === PELLO);
    expect(row.nearestMinutes.lukio).toBe(expected);
    expect(row.travelModel).toBe('road');
    expect(row.nearestModel).toEqual({ lukio: 'road', vocational: 'road', any: 'road' });

    const tray = await api().get(`/offerings?home=${PELLO}&mode=onsite&limit=5`);
    expect(tray.body.items.map((o: { travelModel: string }) => o.travelModel)).toEqual(Array(tray.body.items.length).fill('road'));
    const report = await api().get(`/regions/${region.id}/report.pdf?lang=en`);
    expect(pdfText(report.raw.toString('latin1')).replace(/\n/g, '')).toContain('© OpenStreetMap contributors, ODbL 1.0');
  });

  it('imports PBF to the same network, replaces the old one, and a bad file changes nothing', async () => {
    const { region, extract } = await demoExtract();
    const pbf = join(dir, `lappi-${engine}.osm.pbf`);
    writeOsmPbf(pbf, extract);
    const before = await context.db.selectFrom('road_network').select(['node_count', 'road_count']).execute();
    await importRoads(context.db, region.id, pbf);
    const after = await context.db.selectFrom('road_network').select(['node_count', 'road_count', 'source', 'imported_at']).execute();
    expect(after.map((r) => [r.node_count, r.road_count])).toEqual(before.map((r) => [r.node_count, r.road_count]));
    expect(after[0]!.source).toBe(`lappi-${engine}.osm.pbf`);

    const footways = join(dir, 'footways.osm');
    writeOsmXml(footways, { nodes: extract.nodes, ways: extract.ways.map((w) => ({ ...w, tags: { highway: 'footway' } })) });
    await expect(importRoads(context.db, region.id, footways)).rejects.toThrow(/no roads for cars/);
    writeFileSync(join(dir, 'broken.osm'), '<osm><node id="1" lat="66" lon="24">');
    await expect(importRoads(context.db, region.id, join(dir, 'broken.osm'))).rejects.toThrow(/OpenStreetMap XML/);
    expect(await context.db.selectFrom('road_network').select(['node_count', 'road_count', 'source', 'imported_at']).execute()).toEqual(after);
  });

  it('reads .osm.gz and .osm.bz2 to the same network; refuses an extract of elsewhere, saying how much it covers, and names files of other kinds', async () => {
    const { region, extract } = await demoExtract();
    const xml = join(dir, `lappi-${engine}.osm`);
    writeOsmXml(xml, extract);
    const before = await context.db.selectFrom('road_network').select(['node_count', 'road_count']).execute();
    writeFileSync(`${xml}.gz`, gzipSync(readFileSync(xml)));
    for (const compressed of [`${xml}.gz`, bzip2File(xml)]) {
      await importRoads(context.db, region.id, compressed);
      expect(await context.db.selectFrom('road_network').select(['node_count', 'road_count']).execute()).toEqual(before);
    }

    // Central Helsinki: a real extract, of the wrong place.
    const helsinki = join(dir, 'helsinki.osm');
    writeOsmXml(helsinki, { nodes: [{ id: 1, lat: 60.1699, lon: 24.9384 }, { id: 2, lat: 60.1867, lon: 24.9586 }], ways: [{ id: 10, nodes: [1, 2], tags: { highway: 'primary' } }] });
    const centres = await context.db.selectFrom('region_municipality').select((eb) => eb.fn.countAll<number>().as('n')).where('region_id', '=', region.id).executeTakeFirstOrThrow();
    await expect(importRoads(context.db, region.id, helsinki)).rejects.toThrow(new RegExp(`covers 0 of the region's ${centres.n} municipal centres \\(0 %; 90 % needed\\)`));

    const kinds: [string, Buffer, RegExp][] = [
      ['lappi.zip', Buffer.from('PK\x03\x04rest of an archive', 'latin1'), /a ZIP archive: unpack it/],
      ['lappi.osm.pbf', Buffer.from('<!DOCTYPE html><html><body>404 Not Found</body></html>'), /an HTML page/],
      ['lappi.osm.xz', Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 1, 2]), /compressed with xz/],
      ['lappi.geojson', Buffer.from('{"type":"FeatureCollection","features":[]}'), /JSON \(GeoJSON\?\)/],
      ['broken.osm.gz', Buffer.concat([gzipSync(readFileSync(xml)).subarray(0, 40), Buffer.alloc(40, 7)]), /compression is broken/],
    ];
    for (const [name, content, message] of kinds) {
      writeFileSync(join(dir, name), content);
      await expect(importRoads(context.db, region.id, join(dir, name)), name).rejects.toThrow(message);
    }
    expect(await context.db.selectFrom('road_network').select(['node_count', 'road_count']).execute()).toEqual(before);
  });

  it('removes a network, and the figures go back to the estimate', async () => {
    const { region } = await demoExtract();
    expect(await removeRoads(context.db, region.id)).toBe(true);
    expect(await removeRoads(context.db, region.id)).toBe(false);
    const { body } = await api().get(`/regions/${region.id}/indicators`);
    expect(body.travelModel).toBe('estimate');
    expect(body.roadNetwork).toBeNull();
  });
});
