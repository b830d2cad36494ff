import { describe, expect, it } from 'vitest';
import { nearestSites } from './nearest-sites.js';

const minutes = new Map([
  [1, 10],
  [2, 5],
  [3, 20],
  [4, 20],
  [5, 40],
  [6, 60],
]);

describe('nearestSites', () => {
  const nearestFirst = [2, 1, 3, 4, 5, 6];

  it('takes the nearest sites, ties at the boundary included', () => {
    expect(nearestSites(nearestFirst, minutes, 2)).toEqual([2, 1]);
    expect(nearestSites(nearestFirst, minutes, 3)).toEqual([2, 1, 3, 4]);
    expect(nearestSites(nearestFirst, minutes, 10)).toEqual([2, 1, 3, 4, 5, 6]);
  });

  it('keeps to the travel limit', () => {
    expect(nearestSites(nearestFirst, minutes, 10, 20)).toEqual([2, 1, 3, 4]);
    expect(nearestSites(nearestFirst, minutes, 10, 1)).toEqual([]);
  });
});
