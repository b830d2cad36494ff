import { describe, expect, it } from 'vitest';
import { seededRandom } from '../demo/random.js';
import { allocate } from './allocate.js';
import { allocateInWorker } from './allocate-in-worker.js';
import type { AllocationProblem } from './allocation-problem.js';

/** A round large enough that solving it takes the heuristic a noticeable time. */
function largeRound(students: number): AllocationProblem {
  const random = seededRandom(42);
  const offerings = Array.from({ length: 300 }, (_, i) => ({ id: i + 1, capacity: random.int(3, 25), partnerSeats: random.int(0, 3) }));
  const wishes = Array.from({ length: students }, (_, s) =>
    random.sample(offerings, 6).map((o, k) => ({ studentId: s + 1, offeringId: o.id, rank: k + 1, home: random.next() < 0.7, ownStudyRight: random.next() < 0.5, ineligible: null })),
  ).flat();
  const clashes = Array.from({ length: 400 }, () => [random.int(1, 300), random.int(1, 300)] as const).filter(([a, b]) => a !== b);
  return { offerings, wishes, clashes, maxCoursesPerStudent: 3, seed: 7 };
}

describe('allocating in a worker thread', () => {
  it('gives the same allocation as in the calling thread', async () => {
    const problem = largeRound(400);
    expect(await allocateInWorker(problem, { exactWishLimit: 0 })).toEqual(await allocate(problem, { exactWishLimit: 0 }));
  });

  it('keeps the calling thread free while it solves', async () => {
    const problem = largeRound(4000);
    let longestGap = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 5);
    const started = performance.now();
    const result = await allocateInWorker(problem, { exactWishLimit: 0 });
    const solving = performance.now() - started;
    clearInterval(ticker);
    expect(result.outcomes).toHaveLength(problem.wishes.length);
    // In the calling thread the loop would stand still for the whole solve; here it only yields to GC and messages.
    expect(solving).toBeGreaterThan(300);
    expect(longestGap).toBeLessThan(solving / 3);
  });

  it('stops a solve that outlasts its watchdog, and solves the next one', async () => {
    const problem = largeRound(400);
    await expect(allocateInWorker(problem, { exactWishLimit: 0 }, 1)).rejects.toThrow(/did not finish/);
    expect((await allocateInWorker(problem, { exactWishLimit: 0 })).outcomes).toHaveLength(problem.wishes.length);
  });

  it('reports a solver error as a rejected promise', async () => {
    const problem = largeRound(2);
    await expect(allocateInWorker({ ...problem, wishes: [{ ...problem.wishes[0]!, offeringId: 9999 }] })).rejects.toThrow(/not in the round/);
  });
});
