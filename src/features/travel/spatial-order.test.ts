import { describe, expect, it } from 'vitest';
import { spatialNodeIds } from './spatial-order.js';

describe('spatial node order', () => {
  it('numbers the nodes of each quarter of the map together (Z-order)', () => {
    // A 4 × 4 grid given row by row from the south-west corner.
    const lat = Array.from({ length: 16 }, (_, i) => 65 + Math.floor(i / 4));
    const lon = Array.from({ length: 16 }, (_, i) => 25 + (i % 4));
    const ids = spatialNodeIds(lat, lon);
    expect([...ids].sort((a, b) => a - b)).toEqual([...Array(16).keys()]);
    // The south-west 2 × 2 quarter (grid nodes 0, 1, 4, 5) takes ids 0–3, in Z order.
    expect([ids[0], ids[1], ids[4], ids[5]]).toEqual([0, 1, 2, 3]);
    expect([ids[10], ids[11], ids[14], ids[15]]).toEqual([12, 13, 14, 15]);
  });

  it('copes with one node and with nodes on one line', () => {
    expect([...spatialNodeIds([65], [25])]).toEqual([0]);
    expect([...spatialNodeIds([65, 65, 65], [27, 25, 26])]).toEqual([2, 0, 1]);
    expect([...spatialNodeIds([], [])]).toEqual([]);
  });
});
