import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateTravelMinutes } from '../travel/estimate.js';
import { EstimateTravelTimeProvider } from '../travel/travel-time-provider.js';
import { AccessibilityFields, type ClassedSite } from './accessibility-fields.js';

const north = { circuity: 1.4, speedKmh: 60, overheadMinutes: 10 };
const south = { circuity: 1.2, speedKmh: 80, overheadMinutes: 5 };
const providers = new Map([
  [1, new EstimateTravelTimeProvider(north)],
  [2, new EstimateTravelTimeProvider(south)],
]);
const parametersOf = (regionId: number) => (regionId === 1 ? north : south);
const CLASSES = ['lukio', 'vocational'] as const;
const point = fc.record({ lat: fc.double({ min: 60, max: 69, noNaN: true }), lon: fc.double({ min: 21, max: 30, noNaN: true }) });
const site = fc.record({ at: point, regionId: fc.constantFrom(1, 2), classes: fc.subarray([...CLASSES]) });
type SiteValue = typeof site extends fc.Arbitrary<infer V> ? V : never;

describe('accessibility fields', () => {
  it('times each site with its own region and weights the shares by people', () => {
    const origins = [
      { lat: 66.0, lon: 25.0 },
      { lat: 61.0, lon: 25.0 },
    ];
    const sites: ClassedSite[] = [
      { id: 1, lat: 66.1, lon: 25.0, regionId: 1, classes: ['lukio'] },
      { id: 2, lat: 61.0, lon: 25.2, regionId: 2, classes: ['lukio', 'vocational'] },
    ];
    const fields = new AccessibilityFields(origins, providers, CLASSES, sites);
    expect(fields.nearest('lukio', 0)).toEqual({ minutes: estimateTravelMinutes(origins[0]!, sites[0]!, north), site: 1, model: 'estimate' });
    expect(fields.nearest('vocational', 1).minutes).toBe(estimateTravelMinutes(origins[1]!, sites[1]!, south));
    fields.setPeople([300, 100]);
    // From the northern origin the vocational site is some 500 minutes away.
    const shares = fields.sharesWithin([30, 400, 600]);
    expect(shares.lukio).toEqual({ 30: 1, 400: 1, 600: 1 });
    expect(shares.vocational).toEqual({ 30: 0.25, 400: 0.25, 600: 1 });
    // People of a municipality without a central locality count in the total, never within reach.
    fields.setPeople([300, 100], 400);
    expect(fields.sharesWithin([30, 600]).vocational).toEqual({ 30: 0.125, 600: 0.5 });
    fields.setPeople([0, 0]);
    expect(fields.sharesWithin([30]).lukio[30]).toBeNull();
  });

  it('after sites close, open, move and change classes equals building afresh, and names what changed', () => {
    fc.assert(
      fc.property(fc.array(point, { minLength: 1, maxLength: 12 }), fc.array(site, { maxLength: 8 }), fc.array(fc.option(site), { maxLength: 8 }), (origins, before, after) => {
        const asSites = (list: (SiteValue | null)[]) =>
          list.flatMap((s, id) => (s ? [{ id, ...s.at, regionId: s.regionId, classes: s.classes }] : []));
        const first = asSites(before);
        const second = asSites(after);
        const fields = new AccessibilityFields(origins, providers, CLASSES, first);
        const changed = fields.update(second);
        const fresh = new AccessibilityFields(origins, providers, CLASSES, second);
        for (const c of CLASSES) {
          origins.forEach((origin, o) => {
            expect(fields.nearest(c, o).minutes).toBe(fresh.nearest(c, o).minutes);
            const inClass = second.filter((s) => s.classes.includes(c));
            const best = Math.min(...inClass.map((s) => estimateTravelMinutes(origin, s, parametersOf(s.regionId))));
            expect(fields.nearest(c, o).minutes ?? Infinity).toBe(best);
          });
        }
        const ids = new Set([...first, ...second].map((s) => s.id));
        const same = [...ids].filter((id) => JSON.stringify(first.find((s) => s.id === id)) === JSON.stringify(second.find((s) => s.id === id))).length;
        expect(changed).toBe(ids.size - same);
      }),
      { numRuns: 200 },
    );
  });

  it('fits the same origins and travel models only', () => {
    const origins = [{ lat: 65, lon: 25 }];
    const fields = new AccessibilityFields(origins, providers, CLASSES, []);
    expect(fields.fits([{ lat: 65, lon: 25 }], providers)).toBe(true);
    expect(fields.fits([{ lat: 65, lon: 26 }], providers)).toBe(false);
    expect(fields.fits(origins, new Map([[1, new EstimateTravelTimeProvider(north)]]))).toBe(false);
  });
});
