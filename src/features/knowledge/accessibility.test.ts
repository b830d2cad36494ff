import { describe, expect, it } from 'vitest';
import { reachableOfferings } from './accessibility.js';

describe('accessibility', () => {
  const offerings = new Map([
    [1, { lukio: 3, vocational: 0, any: 3 }],
    [2, { lukio: 0, vocational: 2, any: 2 }],
    [3, { lukio: 1, vocational: 5, any: 6 }],
  ]);

  it('counts offerings within 30, 45 and 60 minutes', () => {
    expect(reachableOfferings(new Map([[1, 25], [2, 50], [3, 70]]), offerings)).toEqual({
      30: { lukio: 3, vocational: 0, any: 3 },
      45: { lukio: 3, vocational: 0, any: 3 },
      60: { lukio: 3, vocational: 2, any: 5 },
    });
  });

  it('leaves out sites with no known travel time', () => {
    expect(reachableOfferings(new Map([[2, 10]]), offerings)[30]).toEqual({ lukio: 0, vocational: 2, any: 2 });
  });
});
