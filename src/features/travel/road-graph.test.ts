import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRoadGraph, NearestSites } from './road-graph.js';

describe('road graph', () => {
  // 0 —5— 1 —5— 2 —5— 3 —5— 4, and a slow shortcut 0 —30— 4.
  const line = buildRoadGraph(5, [
    { from: 0, to: 1, minutes: 5 },
    { from: 1, to: 2, minutes: 5 },
    { from: 2, to: 3, minutes: 5 },
    { from: 3, to: 4, minutes: 5 },
    { from: 0, to: 4, minutes: 30 },
  ]);

  it('gives every node the minutes to its nearest site, hand-computed', () => {
    const nearest = new NearestSites(line, [{ id: 100, node: 0 }, { id: 200, node: 3 }]);
    expect([...nearest.distance]).toEqual([0, 5, 5, 0, 5]);
    expect([...nearest.label]).toEqual([100, 100, 200, 200, 200]);
  });

  it('re-takes the minima when a site closes or opens', () => {
    const nearest = new NearestSites(line, [{ id: 100, node: 0 }, { id: 200, node: 3 }]);
    nearest.close(200);
    expect([...nearest.distance]).toEqual([0, 5, 10, 15, 20]);
    expect(new Set(nearest.label)).toEqual(new Set([100]));
    nearest.open({ id: 300, node: 4 });
    expect([...nearest.distance]).toEqual([0, 5, 10, 5, 0]);
    nearest.close(100);
    nearest.close(300);
    expect([...nearest.distance]).toEqual([Infinity, Infinity, Infinity, Infinity, Infinity]);
  });

  it('reaches every node of a long path with fractional minutes (no node lost to rounding)', () => {
    const n = 2000;
    const graph = buildRoadGraph(n, Array.from({ length: n - 1 }, (_, i) => ({ from: i, to: i + 1, minutes: 0.1 + (i % 7) * 0.013 })));
    const nearest = new NearestSites(graph, [{ id: 1, node: 0 }]);
    expect(nearest.distance.every(Number.isFinite)).toBe(true);
    let expected = 0;
    for (let i = 1; i < n; i++) {
      // Roads are stored as 32-bit floats; their sums are kept in 64 bits.
      expected += Math.fround(0.1 + ((i - 1) % 7) * 0.013);
      expect(nearest.distance[i]).toBe(expected);
    }
  });

  it('is exact when roads are shorter than a queue bucket (nodes improve within their bucket)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 25 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.double({ min: 0.001, max: 0.05, noNaN: true })), { minLength: 1, maxLength: 60 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        (n, rawEdges, rawSites) => {
          const edges = rawEdges.map(([a, b, m]) => ({ from: a % n, to: b % n, minutes: m }));
          const sites = rawSites.map((node, id) => ({ id, node: node % n }));
          // Bellman–Ford from every site at once, in doubles: the reference.
          const expected = new Array<number>(n).fill(Infinity);
          for (const s of sites) expected[s.node] = 0;
          for (let round = 0; round < n; round++) {
            for (const e of edges) {
              expected[e.to] = Math.min(expected[e.to]!, expected[e.from]! + e.minutes);
              expected[e.from] = Math.min(expected[e.from]!, expected[e.to]! + e.minutes);
            }
          }
          const nearest = new NearestSites(buildRoadGraph(n, edges), sites);
          nearest.distance.forEach((d, node) => (Number.isFinite(expected[node]!) ? expect(d).toBeCloseTo(expected[node]!, 4) : expect(d).toBe(Infinity)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('after any closings and openings equals a fresh computation', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 30 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.double({ min: 0.1, max: 20, noNaN: true })), { minLength: 1, maxLength: 80 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        fc.array(fc.tuple(fc.boolean(), fc.nat()), { maxLength: 10 }),
        (n, rawEdges, rawSites, changes) => {
          const graph = buildRoadGraph(n, rawEdges.map(([a, b, m]) => ({ from: a % n, to: b % n, minutes: m })));
          let sites = [...new Map(rawSites.map((node, i) => [i, { id: i, node: node % n }])).values()];
          const nearest = new NearestSites(graph, sites);
          let nextId = 100;
          for (const [open, pick] of changes) {
            if (open || sites.length === 0) {
              const site = { id: nextId++, node: pick % n };
              sites = [...sites, site];
              nearest.open(site);
            } else {
              const closing = sites[pick % sites.length]!;
              sites = sites.filter((s) => s !== closing);
              nearest.close(closing.id);
            }
          }
          // Equal up to float rounding: a repaired path may sum the same roads in another order.
          const fresh = new NearestSites(graph, sites).distance;
          nearest.distance.forEach((d, node) => (Number.isFinite(fresh[node]!) ? expect(d).toBeCloseTo(fresh[node]!, 3) : expect(d).toBe(Infinity)));
        },
      ),
      { numRuns: 300 },
    );
  });
});
