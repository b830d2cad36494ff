import type { AllocationState } from './allocation-state.js';

/** A seat of an offering (index) that a home (0) or partner (1) wish could use. */
type SeatSlot = number;
const slotOf = (offering: number, partner: number): SeatSlot => 2 * offering + partner;

/** How a seat in a slot is made free: `leaving` gives it up and moves to `to` (−1: keeps its other seats). */
interface Move {
  leaving: number;
  to: number;
}

/** How the search came to need a seat in a slot: for the student's own `wish`, or for `move.to` while freeing `from`. */
interface Reached {
  wish: number;
  from: SeatSlot | null;
  move: Move | null;
}

/**
 * Seats for students who hold none, wherever the others can make room without anyone losing their
 * last seat: an augmenting path as in bipartite matching. The student's wish takes a seat whose
 * holder either holds other seats (and gives this one up) or moves to another of their wishes,
 * whose seat may in turn be made free the same way. When no such path is left for any student,
 * no allocation serves more students (docs/selection-rounds.md). Students are served in lottery
 * order, so that when not all can be, the lottery decides who.
 */
export function serveUnservedStudents(state: AllocationState): void {
  const p = state.p;
  const students = Array.from({ length: p.studentIds.length }, (_, s) => s).sort((a, b) => p.lotteryPosition[a]! - p.lotteryPosition[b]!);
  // As in matching, a student with no path now gets none after later paths, so one pass serves all who can be.
  // Slots a failed search explored cannot be freed until some path changes the allocation.
  const dead = new Set<SeatSlot>();
  for (const s of students) {
    if (state.courseCount[s] !== 0) continue;
    if (serveStudent(state, s, dead)) dead.clear();
  }
}

function serveStudent(state: AllocationState, s: number, dead: Set<SeatSlot>): boolean {
  const p = state.p;
  const own: number[] = [];
  for (let w = p.wishStart[s]!; w < p.wishStart[s + 1]!; w++) if (p.wishEligible[w]) own.push(w);
  const direct = own.find((w) => state.canTake(w));
  if (direct !== undefined) {
    state.take(direct);
    return true;
  }
  // Breadth first over seat slots to free; how each was reached, to follow a path back.
  const reachedBy = new Map<SeatSlot, Reached>();
  const queue: SeatSlot[] = [];
  for (const w of own) {
    const slot = slotOf(p.wishOffering[w]!, p.wishPartner[w]!);
    if (!reachedBy.has(slot) && !dead.has(slot)) {
      reachedBy.set(slot, { wish: w, from: null, move: null });
      queue.push(slot);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    const slot = queue[head]!;
    const found = freeingMoves(state, slot);
    if (found.end) return applyPath(state, reachedBy, slot, found.end);
    for (const { move, next } of found.onward) {
      if (reachedBy.has(next) || dead.has(next)) continue;
      reachedBy.set(next, { wish: move.to, from: slot, move });
      queue.push(next);
    }
  }
  for (const slot of queue) dead.add(slot);
  return false;
}

/**
 * The ways to free a seat in `slot`: a move that frees it at once (`end`), or moves whose holder
 * needs a seat in another slot freed first (`onward`).
 */
function freeingMoves(state: AllocationState, slot: SeatSlot) {
  const p = state.p;
  const o = slot >> 1;
  const partner = slot & 1;
  const onward: { move: Move; next: SeatSlot }[] = [];
  for (const h of state.holders[o]!) {
    if (partner && !p.wishPartner[h] && state.partnerSeatsTaken[o]! >= p.partnerSeats[o]!) continue;
    const t = p.wishStudent[h]!;
    if (state.courseCount[t]! >= 2) return { end: { leaving: h, to: -1 }, onward };
    for (let a = p.wishStart[t]!; a < p.wishStart[t + 1]!; a++) {
      if (a === h || !p.wishEligible[a] || p.wishOffering[a] === o) continue;
      if (state.hasSeatFor(a)) return { end: { leaving: h, to: a }, onward };
      onward.push({ move: { leaving: h, to: a }, next: slotOf(p.wishOffering[a]!, p.wishPartner[a]!) });
    }
  }
  return { end: null, onward };
}

/** Applies the moves from the freed end back to the unserved student's wish; undoes all if any step no longer fits. */
function applyPath(
  state: AllocationState,
  reachedBy: Map<SeatSlot, Reached>,
  lastSlot: SeatSlot,
  end: Move,
): boolean {
  const steps: Move[] = [end];
  let slot: SeatSlot | null = lastSlot;
  let first = -1;
  while (slot !== null) {
    const via: Reached = reachedBy.get(slot)!;
    if (via.move) steps.push(via.move);
    else first = via.wish;
    slot = via.from;
  }
  const done: Move[] = [];
  const undo = () => {
    for (const step of done.reverse()) {
      if (step.to >= 0) state.release(step.to);
      state.take(step.leaving);
    }
    return false;
  };
  for (const step of steps) {
    state.release(step.leaving);
    done.push({ leaving: step.leaving, to: -1 });
    if (step.to >= 0) {
      if (!state.canTake(step.to)) return undo();
      state.take(step.to);
      done[done.length - 1] = step;
    }
  }
  if (!state.canTake(first)) return undo();
  state.take(first);
  return true;
}
