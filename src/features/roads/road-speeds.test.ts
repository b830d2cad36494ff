import { describe, expect, it } from 'vitest';
import { roadSpeedKmh } from './road-speeds.js';

describe('road speeds', () => {
  it('takes the typical speed of the road class', () => {
    expect(roadSpeedKmh('primary')).toBe(75);
    expect(roadSpeedKmh('residential')).toBe(30);
  });

  it('lets a lower posted limit win, in km/h, mph or a Finnish named limit', () => {
    expect(roadSpeedKmh('primary', '60')).toBe(60);
    expect(roadSpeedKmh('primary', '100')).toBe(75);
    expect(roadSpeedKmh('secondary', '30 mph')).toBeCloseTo(48.28, 2);
    expect(roadSpeedKmh('tertiary', 'FI:urban')).toBe(50);
    expect(roadSpeedKmh('tertiary', 'signals')).toBe(55);
    expect(roadSpeedKmh('tertiary', '0')).toBe(55);
  });

  it('refuses roads that are not driven to school', () => {
    for (const highway of ['footway', 'cycleway', 'path', 'track', 'construction', undefined]) expect(roadSpeedKmh(highway)).toBeNull();
  });
});
