import { describe, expect, it } from 'vitest';
import { clashBetween, clashesIn, type ScheduledOffering } from './clashes.js';

const offering = (id: number, overrides: Partial<ScheduledOffering>): ScheduledOffering => ({
  id,
  mode: 'onsite',
  periods: [2],
  timeSlots: [{ day: 1, start: '08:15', end: '09:30' }],
  siteId: 10,
  ...overrides,
});
// Pello lukio (10) ↔ Lappia Tornio (20): 95 minutes; the same site: 0.
const travel = (a: number, b: number) => (a === b ? 0 : 95);

describe('clashBetween', () => {
  it('finds lessons that overlap on the same day of a shared period', () => {
    const b = offering(2, { timeSlots: [{ day: 1, start: '09:00', end: '10:15' }] });
    expect(clashBetween(offering(1, {}), b, travel)).toEqual({ kind: 'overlap', period: 2, day: 1, a: 1, b: 2 });
  });

  it('finds no clash in different periods or on different days', () => {
    expect(clashBetween(offering(1, {}), offering(2, { periods: [3] }), travel)).toBeNull();
    expect(clashBetween(offering(1, {}), offering(2, { timeSlots: [{ day: 2, start: '08:15', end: '09:30' }] }), travel)).toBeNull();
  });

  it('finds a gap too short for the trip between two sites', () => {
    const tornio = offering(2, { siteId: 20, timeSlots: [{ day: 1, start: '10:00', end: '14:30' }] });
    expect(clashBetween(offering(1, {}), tornio, travel)).toEqual({ kind: 'travel', period: 2, day: 1, a: 1, b: 2, gapMinutes: 30, travelMinutes: 95 });
    const later = offering(2, { siteId: 20, timeSlots: [{ day: 1, start: '11:15', end: '14:30' }] });
    expect(clashBetween(offering(1, {}), later, travel)).toBeNull();
  });

  it('needs no trip to remote or online lessons, but they still overlap', () => {
    const remoteAfter = offering(2, { mode: 'remote', siteId: 20, timeSlots: [{ day: 1, start: '09:30', end: '10:45' }] });
    expect(clashBetween(offering(1, {}), remoteAfter, travel)).toBeNull();
    const remoteOverlapping = offering(2, { mode: 'remote', siteId: 20, timeSlots: [{ day: 1, start: '09:00', end: '10:00' }] });
    expect(clashBetween(offering(1, {}), remoteOverlapping, travel)?.kind).toBe('overlap');
    expect(clashBetween(offering(1, {}), offering(2, { mode: 'online', siteId: null, timeSlots: [] }), travel)).toBeNull();
  });

  it('is the same whichever offering comes first', () => {
    const tornio = offering(2, { siteId: 20, timeSlots: [{ day: 1, start: '06:00', end: '07:45' }] });
    expect(clashBetween(offering(1, {}), tornio, travel)).toMatchObject({ kind: 'travel', gapMinutes: 30 });
    expect(clashBetween(tornio, offering(1, {}), travel)).toMatchObject({ kind: 'travel', gapMinutes: 30 });
  });
});

describe('clashesIn', () => {
  it('lists every clashing pair of a plan', () => {
    const plan = [
      offering(1, {}),
      offering(2, { timeSlots: [{ day: 1, start: '09:00', end: '10:00' }] }),
      offering(3, { periods: [4] }),
    ];
    expect(clashesIn(plan, travel).map((c) => [c.a, c.b])).toEqual([[1, 2]]);
  });
});
