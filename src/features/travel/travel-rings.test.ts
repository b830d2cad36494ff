import { describe, expect, it } from 'vitest';
import { travelRings } from './travel-rings.js';

describe('travelRings', () => {
  const minutes = new Map([
    [1, 10],
    [2, 5],
    [3, 20],
    [4, 20],
    [5, 40],
    [6, 60],
  ]);

  it('grows rings from the nearest site outward and ends with every site', () => {
    const rings = travelRings(minutes, [2, 5]);
    expect(rings.map((r) => r.siteIds)).toEqual([[2, 1], [2, 1, 3, 4, 5], [2, 1, 3, 4, 5, 6]]);
    expect(rings.map((r) => r.maxMinutes)).toEqual([10, 40, 60]);
    expect(rings.map((r) => r.isLast)).toEqual([false, false, true]);
  });

  it('keeps sites with equal minutes in the same ring', () => {
    expect(travelRings(minutes, [3])[0]!.siteIds).toEqual([2, 1, 3, 4]);
  });

  it('gives one last ring when the sizes cover every site, and for no sites', () => {
    expect(travelRings(minutes, [100])).toEqual([{ siteIds: [2, 1, 3, 4, 5, 6], maxMinutes: 60, isLast: true }]);
    expect(travelRings(new Map())).toEqual([{ siteIds: [], maxMinutes: 0, isLast: true }]);
  });
});
