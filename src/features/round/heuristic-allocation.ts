import type { CompiledProblem } from './allocation-problem.js';
import { AllocationState } from './allocation-state.js';
import { improveByChains } from './improving-chains.js';
import { serveUnservedStudents } from './serving-paths.js';

/**
 * The order in which seats are handed out, which is also the priority order of the rules:
 * better-ranked wishes first; among equal ranks, wishes toward the student's own study right;
 * then the seeded lottery.
 */
export function priorityOrder(p: CompiledProblem): Int32Array {
  const order = Int32Array.from(p.wishOffering, (_, w) => w);
  const own = (w: number) => (p.problem.wishes[p.wishSource[w]!]!.ownStudyRight ? 0 : 1);
  return order.sort(
    (a, b) =>
      p.wishWeight[b]! - p.wishWeight[a]! ||
      own(a) - own(b) ||
      p.lotteryPosition[p.wishStudent[a]!]! - p.lotteryPosition[p.wishStudent[b]!]! ||
      a - b,
  );
}

/** Hand out seats in priority order to every wish that still fits. */
function fillInPriorityOrder(state: AllocationState, order: Int32Array): void {
  for (const wish of order) if (state.canTake(wish)) state.take(wish);
}

/**
 * A student at the course limit who holds a worse wish than one with a free seat swaps it for the
 * better one (when that clashes with nothing else they hold): the total grows and nobody loses.
 */
function upgradeWithinCourseLimit(state: AllocationState, order: Int32Array): boolean {
  const p = state.p;
  let upgraded = false;
  for (const wish of order) {
    if (state.held[wish] || !p.wishEligible[wish] || !state.hasSeatFor(wish)) continue;
    const s = p.wishStudent[wish]!;
    if (state.courseCount[s]! < p.problem.maxCoursesPerStudent) continue;
    for (let worse = p.wishStart[s + 1]! - 1; worse >= p.wishStart[s]! && p.wishWeight[worse]! < p.wishWeight[wish]!; worse--) {
      if (!state.held[worse] || !state.studentCanAdd(wish, worse)) continue;
      state.release(worse);
      state.take(wish);
      upgraded = true;
      break;
    }
  }
  return upgraded;
}

/**
 * The last step of every allocation, exact or heuristic: upgrades within the course limit and
 * seats for every wish that still fits, in priority order, until neither changes anything. After
 * it, the reason given for an unmet wish (allocate.ts) is true of the allocation.
 */
export function finishAllocation(state: AllocationState, order: Int32Array): void {
  do fillInPriorityOrder(state, order);
  while (upgradeWithinCourseLimit(state, order));
}

const MAX_EJECTION_PASSES = 30;
/** Each pass costs about as much as the greedy start; twelve reach 99.8 % of the LP bound on the benchmark round. */
const DEFAULT_CHAIN_PASSES = 12;

/**
 * The allocation for rounds too large for the exact solver, in the order of the fairness
 * definition (docs/selection-rounds.md): a priority-order greedy pass; seats for every student
 * left with none whom moves of others can serve (augmenting paths); then single seat swaps and
 * longer chains of seat moves while any raises the rank-weighted total without leaving a
 * student with nothing (a fixed number of passes, so that the result depends on the seed only);
 * and the finishing passes that make every unmet wish's reason true (full, clash, course limit).
 */
export function allocateHeuristically(p: CompiledProblem, options: { chainPasses?: number } = {}): AllocationState {
  const state = new AllocationState(p);
  const order = priorityOrder(p);
  fillInPriorityOrder(state, order);
  serveUnservedStudents(state);
  for (let pass = 0; pass < MAX_EJECTION_PASSES; pass++) {
    let improved = false;
    for (const wish of order) if (!state.held[wish] && tryEjection(state, wish)) improved = true;
    if (!improved) break;
  }
  improveByChains(state, order, options.chainPasses ?? DEFAULT_CHAIN_PASSES);
  finishAllocation(state, order);
  return state;
}

/**
 * Give `wish` its seat by moving one holder of the offering to another of the holder's wishes
 * (or by displacing a holder whose wish weighs less), choosing the largest gain.
 */
function tryEjection(state: AllocationState, wish: number): boolean {
  const p = state.p;
  if (!p.wishEligible[wish] || !state.studentCanAdd(wish)) return false;
  if (state.hasSeatFor(wish)) {
    state.take(wish);
    return true;
  }
  const weight = p.wishWeight[wish]!;
  let bestGain = 1e-9;
  let bestHolder = -1;
  let bestAlternative = -1;
  const wishStudentServed = state.courseCount[p.wishStudent[wish]!]! > 0;
  for (const holder of state.holders[p.wishOffering[wish]!]!) {
    if (!state.hasSeatFor(wish, holder)) continue;
    const t = p.wishStudent[holder]!;
    // Displacing a holder's only seat would leave them with nothing for a student who has one.
    const mayDisplace = state.courseCount[t]! > 1 || !wishStudentServed;
    const displaceGain = weight - p.wishWeight[holder]!;
    if (mayDisplace && displaceGain > bestGain) [bestGain, bestHolder, bestAlternative] = [displaceGain, holder, -1];
    for (let alt = p.wishStart[t]!; alt < p.wishStart[t + 1]!; alt++) {
      if (alt === holder || state.held[alt] || !p.wishEligible[alt] || p.wishOffering[alt] === p.wishOffering[holder]) continue;
      const gain = displaceGain + p.wishWeight[alt]!;
      if (gain > bestGain && state.studentCanAdd(alt, holder) && state.hasSeatFor(alt)) {
        [bestGain, bestHolder, bestAlternative] = [gain, holder, alt];
      }
    }
  }
  if (bestHolder < 0) return false;
  state.release(bestHolder);
  if (bestAlternative >= 0) state.take(bestAlternative);
  state.take(wish);
  return true;
}
