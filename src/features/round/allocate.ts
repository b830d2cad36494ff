import { compileProblem, type AllocationProblem, type CompiledProblem, type RoundWish } from './allocation-problem.js';
import type { AllocationState } from './allocation-state.js';
import { allocateHeuristically } from './heuristic-allocation.js';
import { allocateExactly } from './highs-allocation.js';

export type UnmetReason =
  | { kind: 'not_eligible' }
  | { kind: 'too_far' }
  | { kind: 'full' }
  | { kind: 'partner_seats_full' }
  | { kind: 'clash'; withOfferingId: number }
  | { kind: 'course_limit' };

export interface WishOutcome {
  wish: RoundWish;
  assigned: boolean;
  reason: UnmetReason | null;
}

export interface AllocationResult {
  /** One per wish, in the order of the problem's wishes. */
  outcomes: WishOutcome[];
  /** How many students got at least one wish: the first measure (docs/selection-rounds.md). */
  studentsServed: number;
  /** Sum of the rank weights of the wishes met: the second. */
  objective: number;
  method: 'exact' | 'heuristic';
  /** The exact solver proved that no allocation weighs more. */
  provedOptimal: boolean;
}

export interface AllocateOptions {
  /** Rounds with at most this many wishes are solved exactly with HiGHS. */
  exactWishLimit?: number;
  timeLimitSeconds?: number;
}

/** Allocate a round: exactly for small rounds (HiGHS), by the heuristic for large ones or when the solver runs out of time. */
export async function allocate(problem: AllocationProblem, options: AllocateOptions = {}): Promise<AllocationResult> {
  const compiled = compileProblem(problem);
  const heuristic = allocateHeuristically(compiled);
  if (problem.wishes.length > (options.exactWishLimit ?? 3000)) return resultOf(compiled, heuristic, 'heuristic', false);
  const exact = await allocateExactly(compiled, options.timeLimitSeconds ?? 10);
  if (exact && isAtLeastAsFair(exact.state, heuristic)) return resultOf(compiled, exact.state, 'exact', exact.optimal);
  return resultOf(compiled, heuristic, 'heuristic', false);
}

/** Fairness in its order: more students served, then a larger rank-weighted total. */
function isAtLeastAsFair(a: AllocationState, b: AllocationState): boolean {
  return a.served > b.served || (a.served === b.served && a.objective() >= b.objective());
}

export function resultOf(p: CompiledProblem, state: AllocationState, method: AllocationResult['method'], provedOptimal: boolean): AllocationResult {
  const outcomes: WishOutcome[] = new Array(p.problem.wishes.length);
  for (let w = 0; w < p.wishOffering.length; w++) {
    const wish = p.problem.wishes[p.wishSource[w]!]!;
    outcomes[p.wishSource[w]!] = { wish, assigned: state.held[w] === 1, reason: state.held[w] ? null : unmetReason(state, w) };
  }
  return { outcomes, studentsServed: state.served, objective: state.objective(), method, provedOptimal };
}

/** Why a wish holds no seat, true of the allocation: every allocation ends with the finishing passes, so one of these always applies. */
function unmetReason(state: AllocationState, w: number): UnmetReason {
  const p = state.p;
  const ineligible = p.problem.wishes[p.wishSource[w]!]!.ineligible;
  if (ineligible) return { kind: ineligible };
  const s = p.wishStudent[w]!;
  const clashing = state.heldMask[s]! & p.wishClashMask[w]!;
  if (clashing) {
    const sibling = p.wishStart[s]! + Math.log2(clashing & -clashing);
    return { kind: 'clash', withOfferingId: p.offeringIds[p.wishOffering[sibling]!]! };
  }
  // "The course limit was reached with higher wishes": only when every wish the student holds ranks above this one.
  if (!state.studentCanAdd(w) && !holdsWorseWish(state, w)) return { kind: 'course_limit' };
  const o = p.wishOffering[w]!;
  if (state.seatsTaken[o]! >= p.capacity[o]!) return { kind: 'full' };
  if (p.wishPartner[w] && state.partnerSeatsTaken[o]! >= p.partnerSeats[o]!) return { kind: 'partner_seats_full' };
  throw new Error(`Wish ${w} is unmet without a reason: the finishing passes were skipped`);
}

function holdsWorseWish(state: AllocationState, w: number): boolean {
  const p = state.p;
  const s = p.wishStudent[w]!;
  for (let other = p.wishStart[s]!; other < p.wishStart[s + 1]!; other++) if (state.held[other] && p.wishWeight[other]! < p.wishWeight[w]!) return true;
  return false;
}
