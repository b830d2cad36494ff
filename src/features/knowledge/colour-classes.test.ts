import { describe, expect, it } from 'vitest';
import { quantileClasses } from './colour-classes.js';

describe('quantile colour classes', () => {
  it('puts about a fifth of the values in each class, lightest for the lowest', () => {
    const classes = quantileClasses([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], String);
    expect(classes.map((c) => c.upTo)).toEqual([2, 4, 6, 8, 10]);
    expect(classes.map((c) => c.label)).toEqual(['≤ 2', '2 – 4', '4 – 6', '6 – 8', '8 – 10']);
    expect(classes[0]!.colour).toBe('#eff3ff');
    expect(classes[4]!.colour).toBe('#08519c');
  });

  it('merges classes when values repeat, and has none without values', () => {
    expect(quantileClasses([5, 5, 5, 5], String).map((c) => c.upTo)).toEqual([5]);
    expect(quantileClasses([], String)).toEqual([]);
  });
});
