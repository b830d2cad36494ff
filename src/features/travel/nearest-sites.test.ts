import { describe, expect, it } from 'vitest';
import { nearestSites, nearestSitesCovering } from './nearest-sites.js';

const minutes = new Map([
  [1, 10],
  [2, 5],
  [3, 20],
  [4, 20],
  [5, 40],
  [6, 60],
]);

describe('nearestSitesCovering', () => {
  const offerings = new Map([
    [1, 3],
    [2, 2],
    [3, 4],
    [4, 1],
    [6, 9],
  ]);

  it('takes the nearest sites until they hold enough offerings', () => {
    expect(nearestSitesCovering(offerings, minutes, 5)).toEqual({ siteIds: [2, 1], isEverySite: false });
  });

  it('includes every site tied with the last one taken', () => {
    expect(nearestSitesCovering(offerings, minutes, 6)).toEqual({ siteIds: [2, 1, 3, 4], isEverySite: false });
  });

  it('says when every site with offerings is taken, and ignores sites out of reach', () => {
    expect(nearestSitesCovering(offerings, minutes, 100)).toEqual({ siteIds: [2, 1, 3, 4, 6], isEverySite: true });
    expect(nearestSitesCovering(offerings, new Map([[6, 1]]), 3)).toEqual({ siteIds: [6], isEverySite: true });
    expect(nearestSitesCovering(new Map(), minutes, 3)).toEqual({ siteIds: [], isEverySite: true });
  });
});

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
