import { describe, expect, it } from 'vitest';
import { accessibilityFrom, shareWithin } from './accessibility.js';

describe('accessibility', () => {
  const offerings = new Map([
    [1, { lukio: 3, vocational: 0, any: 3 }],
    [2, { lukio: 0, vocational: 2, any: 2 }],
    [3, { lukio: 1, vocational: 5, any: 6 }],
  ]);

  it('finds the nearest site of each class and counts offerings within 30, 45 and 60 minutes', () => {
    const result = accessibilityFrom(new Map([[1, 25], [2, 50], [3, 70]]), offerings);
    expect(result.nearestMinutes).toEqual({ lukio: 25, vocational: 50, any: 25 });
    expect(result.nearestSite).toEqual({ lukio: 1, vocational: 2, any: 1 });
    expect(result.reachable).toEqual({
      30: { lukio: 3, vocational: 0, any: 3 },
      45: { lukio: 3, vocational: 0, any: 3 },
      60: { lukio: 3, vocational: 2, any: 5 },
    });
  });

  it('names the lowest site id among equally near ones', () => {
    expect(accessibilityFrom(new Map([[3, 20], [1, 20], [2, 20]]), offerings).nearestSite).toEqual({ lukio: 1, vocational: 2, any: 1 });
  });

  it('has no nearest site when no site of a class is known', () => {
    expect(accessibilityFrom(new Map([[2, 10]]), offerings).nearestMinutes).toEqual({ lukio: null, vocational: 10, any: 10 });
  });

  it('weights the shares by people', () => {
    const shares = shareWithin([
      { people: 300, nearestMinutes: { lukio: 20, vocational: 50, any: 20 } },
      { people: 100, nearestMinutes: { lukio: 40, vocational: null, any: 40 } },
    ]);
    expect(shares.lukio).toEqual({ 30: 0.75, 45: 1, 60: 1 });
    expect(shares.vocational).toEqual({ 30: 0, 45: 0, 60: 0.75 });
    expect(shareWithin([]).any[30]).toBeNull();
  });
});
