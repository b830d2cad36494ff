import fc from 'fast-check';
import { distance } from 'geokdbush';
import { describe, expect, it } from 'vitest';
import { buildRoadGraph } from '../travel/road-graph.js';
import { greatCircleKm, type GeoPoint } from '../travel/estimate.js';
import type { OsmRoads, OsmWay } from './osm-file.js';
import { decodeRoadNetwork, encodeRoadNetwork } from './road-network-codec.js';
import { buildRoadNetwork, RoadNetwork } from './road-network.js';
import { RoadTravelTimeProvider } from './road-travel-time-provider.js';

function osm(nodes: Record<number, GeoPoint>, ways: OsmWay[]): OsmRoads {
  const ids = Object.keys(nodes).map(Number);
  return {
    nodeIndex: new Map(ids.map((id, i) => [id, i])),
    lat: ids.map((id) => nodes[id]!.lat),
    lon: ids.map((id) => nodes[id]!.lon),
    ways,
  };
}

// A primary road A–B–C (75 km/h), a tertiary road B–D (55 km/h) with shape points every ~110 m,
// a footway C–E, and a residential road F–G far from the rest.
const A = { lat: 66.0, lon: 25.0 };
const B = { lat: 66.0, lon: 25.1 };
const C = { lat: 66.0, lon: 25.2 };
const D = { lat: 66.05, lon: 25.1 };
const E = { lat: 66.01, lon: 25.2 };
const F = { lat: 67.0, lon: 26.0 };
const G = { lat: 67.01, lon: 26.0 };
const shape = Object.fromEntries(Array.from({ length: 49 }, (_, i) => [100 + i, { lat: 66.0 + (i + 1) * 0.001, lon: 25.1 }]));
const extract = osm({ 1: A, 2: B, 3: C, 4: D, 5: E, 6: F, 7: G, ...shape }, [
  { nodes: [1, 2, 3], highway: 'primary' },
  { nodes: [2, ...Object.keys(shape).map(Number), 4], highway: 'tertiary' },
  { nodes: [3, 5], highway: 'footway' },
  { nodes: [6, 7, 999], highway: 'residential' },
]);
const minutesAt = (km: number, kmh: number) => (km / kmh) * 60;

describe('road network from OpenStreetMap', () => {
  const built = buildRoadNetwork(extract);
  const { network } = built;
  const node = (p: GeoPoint) => network.nearestNode(p)!.node;

  it('keeps junctions, way ends and a node every half kilometre; drops footways and the disconnected part', () => {
    expect(built.roadWays).toBe(3);
    expect(built.missingNodes).toBe(1);
    expect(built.disconnectedNodes).toBe(2);
    // A, B, C, D and every fifth shape point of B–D (≈ 0.56 km apart).
    expect(network.graph.nodeCount).toBe(4 + 9);
    expect(network.nearestNode(F)!.km).toBeGreaterThan(100);
  });

  it('times roads by their class speed, hand-computed', async () => {
    const fromA = network.minutesFromNode(node(A));
    expect(fromA[node(C)]).toBeCloseTo(minutesAt(greatCircleKm(A, B) + greatCircleKm(B, C), 75), 4);
    expect(fromA[node(D)]).toBeCloseTo(minutesAt(greatCircleKm(A, B), 75) + minutesAt(greatCircleKm(B, D), 55), 3);
  });

  it('survives storing and loading', async () => {
    const loaded = decodeRoadNetwork(Uint8Array.from(encodeRoadNetwork(network)));
    expect([...loaded.lat]).toEqual([...network.lat]);
    expect([...loaded.graph.offsets]).toEqual([...network.graph.offsets]);
    expect([...(loaded.minutesFromNode(node(A)))]).toEqual([...(network.minutesFromNode(node(A)))]);
    expect(() => decodeRoadNetwork(new Uint8Array(16))).toThrow(/unknown layout/);
  });

  it('gives travel times over the roads, and the estimate off the network', async () => {
    const parameters = { circuity: 1.3, speedKmh: 60, overheadMinutes: 5 };
    const provider = new RoadTravelTimeProvider(network, parameters);
    const nearA = { lat: 66.0, lon: 24.98 }; // 0.9 km west of A, off the road
    const accessKm = greatCircleKm(nearA, A);
    const { minutes, models } = await provider.minutesFrom(nearA, [
      { id: 1, ...D },
      { id: 2, ...F },
    ]);
    const road = minutesAt(greatCircleKm(A, B), 75) + minutesAt(greatCircleKm(B, D), 55);
    expect(minutes.get(1)).toBe(Math.ceil(5 + (accessKm * 1.3 * 60) / 60 + road));
    expect(models.get(1)).toBe('road');
    expect(models.get(2)).toBe('estimate');
    const far = await provider.minutesFrom(F, [{ id: 1, ...D }]);
    expect(far.models.get(1)).toBe('estimate');
  });

  it('gives every origin its nearest site of a class as timing every site would, also off the network and after changes', async () => {
    const parameters = { circuity: 1.3, speedKmh: 60, overheadMinutes: 5 };
    const provider = new RoadTravelTimeProvider(network, parameters);
    const origins = [A, { lat: 66.0, lon: 24.98 }, C, { lat: 66.04, lon: 25.1 }, F];
    let sites = [
      { id: 1, ...D },
      { id: 2, ...B },
      { id: 3, ...G },
    ];
    const field = provider.origins(origins).nearest(sites);
    const expectFieldToMatch = async () => {
      for (const [o, origin] of origins.entries()) {
        const { minutes, models } = await provider.minutesFrom(origin, sites);
        const best = Math.min(...minutes.values());
        expect(field.minutes[o]).toBe(best);
        expect(minutes.get(field.site[o]!)).toBe(best);
        expect(field.modelAt(o)).toBe(models.get(field.site[o]!));
      }
    };
    await expectFieldToMatch();
    expect(field.modelAt(4)).toBe('estimate'); // F is off the network: G by the estimate
    field.close(2);
    sites = sites.filter((s) => s.id !== 2);
    await expectFieldToMatch();
    const opened = { id: 4, ...C };
    field.open(opened);
    sites.push(opened);
    await expectFieldToMatch();
    field.close(3);
    sites = sites.filter((s) => s.id !== 3);
    await expectFieldToMatch();
    expect(field.modelAt(4)).toBe('estimate'); // from F, off the network, to a site on it
  });

  it('builds an empty network from an extract without car roads (the import refuses it)', () => {
    const empty = buildRoadNetwork(osm({ 1: A, 2: B }, [{ nodes: [1, 2], highway: 'cycleway' }]));
    expect(empty.network.graph.nodeCount).toBe(0);
    expect(empty.network.nearestNode(A)).toBeNull();
  });

  it('snaps a point to its nearest node, near or far, as trying every node would', () => {
    const place = fc.record({ lat: fc.double({ min: 64, max: 64.5, noNaN: true }), lon: fc.double({ min: 25, max: 26, noNaN: true }) });
    // Points also around the network, beyond its outermost nodes.
    const anywhere = fc.record({ lat: fc.double({ min: 63.8, max: 64.7, noNaN: true }), lon: fc.double({ min: 24.6, max: 26.4, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(place, { minLength: 1, maxLength: 300 }), fc.array(anywhere, { minLength: 1, maxLength: 10 }), (nodes, points) => {
        const network = new RoadNetwork(Float32Array.from(nodes, (n) => n.lat), Float32Array.from(nodes, (n) => n.lon), buildRoadGraph(nodes.length, []));
        for (const point of points) {
          const kmTo = (n: number) => distance(point.lon, point.lat, network.lon[n]!, network.lat[n]!);
          const nearest = Math.min(...nodes.map((_, n) => kmTo(n)));
          const snapped = network.nearestNode(point)!;
          expect(snapped.km).toBeCloseTo(nearest, 9);
          expect(kmTo(snapped.node)).toBe(snapped.km);
          expect(network.nearestNode(point, nearest + 1e-6)?.node).toBe(snapped.node);
          expect(network.nearestNode(point, nearest * 0.999 - 1e-6)).toBeNull();
        }
      }),
      { numRuns: 200 },
    );
  });
});
