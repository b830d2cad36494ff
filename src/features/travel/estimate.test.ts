import { describe, expect, it } from 'vitest';
import { estimateTravelMinutes, greatCircleKm } from './estimate.js';
import { EstimateTravelTimeProvider } from './travel-time-provider.js';

describe('greatCircleKm', () => {
  it('measures one degree of latitude as about 111.2 km', () => {
    expect(greatCircleKm({ lat: 60, lon: 25 }, { lat: 61, lon: 25 })).toBeCloseTo(111.19, 1);
  });

  it('shrinks a degree of longitude with the cosine of latitude', () => {
    // At 60°N a degree of longitude is 111.19 × cos 60° ≈ 55.6 km.
    expect(greatCircleKm({ lat: 60, lon: 25 }, { lat: 60, lon: 26 })).toBeCloseTo(55.6, 0);
  });

  it('is zero for the same point and symmetric', () => {
    const pello = { lat: 66.7745, lon: 23.9668 };
    const ylitornio = { lat: 66.3231, lon: 23.6729 };
    expect(greatCircleKm(pello, pello)).toBe(0);
    expect(greatCircleKm(pello, ylitornio)).toBeCloseTo(greatCircleKm(ylitornio, pello), 9);
  });
});

describe('estimateTravelMinutes', () => {
  const parameters = { circuity: 1.2, speedKmh: 80, overheadMinutes: 5 };

  it('adds the overhead to driving time on the circuitous road distance', () => {
    // 111.19 km × 1.2 = 133.4 km; at 80 km/h that is 100.07 min; + 5 = 105.07 → 106.
    expect(estimateTravelMinutes({ lat: 60, lon: 25 }, { lat: 61, lon: 25 }, parameters)).toBe(106);
  });

  it('costs only the overhead at the same place', () => {
    expect(estimateTravelMinutes({ lat: 66, lon: 24 }, { lat: 66, lon: 24 }, parameters)).toBe(5);
  });

  it('puts Ylitornio within an hour of Pello and Rovaniemi beyond it with the Lappi parameters', () => {
    const pello = { lat: 66.774506, lon: 23.9668117 };
    expect(estimateTravelMinutes(pello, { lat: 66.3230563, lon: 23.6728781 }, parameters)).toBeLessThanOrEqual(60);
    expect(estimateTravelMinutes(pello, { lat: 66.4962445, lon: 25.7248654 }, parameters)).toBeGreaterThan(60);
  });
});

describe('EstimateTravelTimeProvider', () => {
  it('times every destination by id', async () => {
    const provider = new EstimateTravelTimeProvider({ circuity: 1, speedKmh: 60, overheadMinutes: 0 });
    const { minutes, models } = await provider.minutesFrom({ lat: 60, lon: 25 }, [
      { id: 7, lat: 60, lon: 25 },
      { id: 9, lat: 61, lon: 25 },
    ]);
    expect(minutes.get(7)).toBe(0);
    expect(minutes.get(9)).toBe(112);
    expect([...models.values()]).toEqual(['estimate', 'estimate']);
  });
});
