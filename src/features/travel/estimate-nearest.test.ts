import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateTravelMinutes, greatCircleKm, type GeoPoint } from './estimate.js';
import { EstimateOrigins } from './estimate-nearest.js';
import type { TravelDestination } from './travel-time-provider.js';

const parameters = { circuity: 1.3, speedKmh: 60, overheadMinutes: 5 };
const point = fc.record({ lat: fc.double({ min: 59.5, max: 70.1, noNaN: true }), lon: fc.double({ min: 20, max: 31.6, noNaN: true }) });

/** Every site tried: the nearest by great-circle distance, the lower id among equally near. */
function bruteNearest(origin: GeoPoint, sites: readonly TravelDestination[]) {
  let best: TravelDestination | undefined;
  for (const s of sites) {
    const km = greatCircleKm(origin, s);
    if (!best || km < greatCircleKm(origin, best) - 1e-9 || (Math.abs(km - greatCircleKm(origin, best)) <= 1e-9 && s.id < best.id)) best = s;
  }
  return best;
}

describe('nearest site by the estimate', () => {
  it('gives each origin the estimate to its nearest site, hand-checked', () => {
    const pello = { lat: 66.7745, lon: 23.9668 };
    const rovaniemi = { lat: 66.5039, lon: 25.7294 };
    const sites = [
      { id: 7, lat: 66.8, lon: 24.0 },
      { id: 3, lat: 66.5, lon: 25.7 },
    ];
    const field = new EstimateOrigins([pello, rovaniemi], parameters).nearest(sites);
    expect([...field.site]).toEqual([7, 3]);
    expect([...field.minutes]).toEqual([estimateTravelMinutes(pello, sites[0]!, parameters), estimateTravelMinutes(rovaniemi, sites[1]!, parameters)]);
    expect(field.modelAt(0)).toBe('estimate');
  });

  it('has no nearest site while the class has none, and one once a site opens', () => {
    const field = new EstimateOrigins([{ lat: 65, lon: 25 }], parameters).nearest([]);
    expect(field.minutes[0]).toBe(Infinity);
    expect(field.site[0]).toBe(-1);
    expect(field.modelAt(0)).toBeNull();
    field.open({ id: 1, lat: 65, lon: 25 });
    expect(field.minutes[0]).toBe(5);
  });

  it('equals trying every site, after any closings, openings and moves', () => {
    fc.assert(
      fc.property(
        fc.array(point, { minLength: 1, maxLength: 30 }),
        fc.array(point, { maxLength: 12 }),
        fc.array(fc.tuple(fc.constantFrom('open', 'close', 'move'), fc.nat(), point), { maxLength: 8 }),
        (origins, sitePoints, changes) => {
          let sites: TravelDestination[] = sitePoints.map((p, id) => ({ id, ...p }));
          const field = new EstimateOrigins(origins, parameters).nearest(sites);
          let nextId = 100;
          for (const [change, pick, at] of changes) {
            const chosen = sites[pick % Math.max(1, sites.length)];
            if (change === 'open' || !chosen) {
              const site = { id: nextId++, ...at };
              sites = [...sites, site];
              field.open(site);
            } else if (change === 'close') {
              sites = sites.filter((s) => s !== chosen);
              field.close(chosen.id);
            } else {
              const moved = { ...chosen, ...at };
              sites = sites.map((s) => (s === chosen ? moved : s));
              field.open(moved);
            }
          }
          origins.forEach((origin, o) => {
            const expected = bruteNearest(origin, sites);
            if (!expected) return expect(field.minutes[o]).toBe(Infinity);
            expect(field.minutes[o]).toBe(Math.min(...sites.map((s) => estimateTravelMinutes(origin, s, parameters))));
            const chosenKm = greatCircleKm(origin, sites.find((s) => s.id === field.site[o])!);
            expect(chosenKm).toBeCloseTo(greatCircleKm(origin, expected), 6);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  // In Finland, and south and west of both zeros (where cells are counted from −90° and −180°).
  it.each([
    [65, 25],
    [-54.9, -68.4],
  ])('equals trying every site for origins crowded into a few cells near (%d, %d), with sites as near and equally near', (lat, lon) => {
    const near = fc.record({ lat: fc.double({ min: lat, max: lat + 0.12, noNaN: true }), lon: fc.double({ min: lon, max: lon + 0.25, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(near, { minLength: 1, maxLength: 60 }), fc.array(near, { minLength: 1, maxLength: 6 }), fc.nat({ max: 3 }), (origins, sitePoints, copies) => {
        // Sites standing on the same point: the lower id is the nearest.
        const sites = [...sitePoints, ...sitePoints.slice(0, copies)].map((p, i) => ({ id: 50 - i, ...p }));
        const field = new EstimateOrigins(origins, parameters).nearest(sites);
        origins.forEach((origin, o) => {
          expect(field.minutes[o]).toBe(Math.min(...sites.map((s) => estimateTravelMinutes(origin, s, parameters))));
          const nearestKm = greatCircleKm(origin, bruteNearest(origin, sites)!);
          // Of sites equally near (within a float's reach: a point and one a few ulps beside it), the lowest id.
          const equallyNear = sites.filter((s) => Math.abs(greatCircleKm(origin, s) - nearestKm) <= 1e-9);
          const samePoint = equallyNear.filter((s) => s.lat === equallyNear[0]!.lat && s.lon === equallyNear[0]!.lon);
          expect(equallyNear.map((s) => s.id)).toContain(field.site[o]);
          if (samePoint.length === equallyNear.length) expect(field.site[o]).toBe(Math.min(...equallyNear.map((s) => s.id)));
        });
      }),
      { numRuns: 300 },
    );
  });
});
