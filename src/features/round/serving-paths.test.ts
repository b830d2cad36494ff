import { describe, expect, it } from 'vitest';
import { compileProblem, type AllocationProblem, type RoundWish } from './allocation-problem.js';
import { AllocationState } from './allocation-state.js';
import { serveUnservedStudents } from './serving-paths.js';

const wish = (studentId: number, offeringId: number, rank: number, home = false): RoundWish => ({ studentId, offeringId, rank, home, ownStudyRight: false, ineligible: null });

/** A state in which the listed (student, offering) wishes hold seats, as an earlier pass left them. */
function stateHolding(problem: AllocationProblem, held: [number, number][]) {
  const p = compileProblem(problem);
  const state = new AllocationState(p);
  for (const [student, offering] of held) {
    const w = [...p.wishOffering.keys()].find((i) => p.studentIds[p.wishStudent[i]!] === student && p.offeringIds[p.wishOffering[i]!] === offering)!;
    state.take(w);
  }
  const holding = () => [...p.wishOffering.keys()].filter((w) => state.held[w]).map((w) => [p.studentIds[p.wishStudent[w]!], p.offeringIds[p.wishOffering[w]!]]);
  return { state, holding };
}

describe('augmenting paths for students left with nothing', () => {
  const seats = (id: number, capacity = 1, partnerSeats = capacity) => ({ id, capacity, partnerSeats });

  it('moves two holders along a chain so that a third student gets their only wish', () => {
    const problem = { offerings: [seats(1), seats(2), seats(3)], wishes: [wish(1, 1, 1), wish(1, 2, 2), wish(2, 2, 1), wish(2, 3, 2), wish(3, 1, 1)], clashes: [], maxCoursesPerStudent: 1, seed: 1 };
    const { state, holding } = stateHolding(problem, [[1, 1], [2, 2]]);
    serveUnservedStudents(state);
    expect(holding()).toEqual(expect.arrayContaining([[1, 2], [2, 3], [3, 1]]));
    expect(state.served).toBe(3);
  });

  it('frees a partner seat by moving a partner holder, not the home holder', () => {
    const problem = {
      offerings: [seats(1, 2, 1), seats(2)],
      wishes: [wish(1, 1, 1), wish(1, 2, 2), wish(2, 1, 1, true), wish(2, 2, 2, true), wish(3, 1, 1)],
      clashes: [],
      maxCoursesPerStudent: 1,
      seed: 1,
    };
    const { state, holding } = stateHolding(problem, [[1, 1], [2, 1]]);
    serveUnservedStudents(state);
    expect(holding()).toEqual(expect.arrayContaining([[1, 2], [2, 1], [3, 1]]));
  });

  it('takes a seat from a holder with other seats, never their last one', () => {
    const problem = { offerings: [seats(1), seats(2)], wishes: [wish(1, 1, 1), wish(1, 2, 2), wish(2, 1, 1), wish(3, 2, 1)], clashes: [], maxCoursesPerStudent: 2, seed: 1 };
    const { state, holding } = stateHolding(problem, [[1, 1], [1, 2]]);
    serveUnservedStudents(state);
    // Two seats for three students: student 1 gives one up for whichever of 2 and 3 the lottery tries first, and keeps the other.
    expect(state.served).toBe(2);
    expect(holding()).toHaveLength(2);
    expect(holding().filter(([student]) => student === 1)).toHaveLength(1);
  });
});
