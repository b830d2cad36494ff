import type { AllocationState } from './allocation-state.js';

/** How many seat moves a chain may have: longer chains rarely pay and cost time. */
const CHAIN_LEVELS = 6;
const EPSILON = 1e-9;

/**
 * For each offering and seat kind (home = 0, partner = 1), the best gain of making one seat
 * free there: zero when a seat is free; otherwise a holder moves to another of their own wishes
 * (which may in turn need a seat freed), or, as a last resort, loses the seat. Computed level by
 * level like Bellman–Ford, keeping each level's choice so that a chain can be followed back.
 */
class SeatLabels {
  readonly gain: Float64Array[] = [];
  readonly holder: Int32Array[] = [];
  readonly alternative: Int32Array[] = [];

  constructor(private readonly state: AllocationState) {
    const offerings = state.p.offeringIds.length;
    const alternatives = this.alternativesOfHolders();
    for (let level = 0; level < CHAIN_LEVELS; level++) {
      const gain = new Float64Array(2 * offerings).fill(-Infinity);
      const holder = new Int32Array(2 * offerings).fill(-1);
      const alternative = new Int32Array(2 * offerings).fill(-1);
      const previous = this.gain[level - 1];
      for (let o = 0; o < offerings; o++) {
        for (const kind of [0, 1]) {
          const slot = 2 * o + kind;
          if (this.seatFree(o, kind)) {
            gain[slot] = 0;
            continue;
          }
          for (const h of state.holders[o]!) {
            if (!this.leavingMakesRoom(o, kind, h)) continue;
            const stay = -state.p.wishWeight[h]!;
            if (stay > gain[slot]!) [gain[slot], holder[slot], alternative[slot]] = [stay, h, -1];
            if (!previous) continue;
            for (const a of alternatives.get(h) ?? []) {
              const value = stay + state.p.wishWeight[a]! + previous[2 * state.p.wishOffering[a]! + state.p.wishPartner[a]!]!;
              if (value > gain[slot]! + EPSILON) [gain[slot], holder[slot], alternative[slot]] = [value, h, a];
            }
          }
        }
      }
      this.gain.push(gain);
      this.holder.push(holder);
      this.alternative.push(alternative);
    }
  }

  best(wish: number): number {
    const p = this.state.p;
    return this.gain[CHAIN_LEVELS - 1]![2 * p.wishOffering[wish]! + p.wishPartner[wish]!]!;
  }

  /** The seat moves that free a seat for `wish`: pairs of (holder that leaves, wish it moves to or −1). */
  chainFor(wish: number): [number, number][] {
    const p = this.state.p;
    const moves: [number, number][] = [];
    let slot = 2 * p.wishOffering[wish]! + p.wishPartner[wish]!;
    for (let level = CHAIN_LEVELS - 1; level >= 0; level--) {
      const h = this.holder[level]![slot]!;
      if (h < 0) break;
      const a = this.alternative[level]![slot]!;
      moves.push([h, a]);
      if (a < 0) break;
      slot = 2 * p.wishOffering[a]! + p.wishPartner[a]!;
    }
    return moves;
  }

  private seatFree(o: number, kind: number): boolean {
    const { p, seatsTaken, partnerSeatsTaken } = this.state;
    return seatsTaken[o]! < p.capacity[o]! && (kind === 0 || partnerSeatsTaken[o]! < p.partnerSeats[o]!);
  }

  private leavingMakesRoom(o: number, kind: number, h: number): boolean {
    const { p, partnerSeatsTaken } = this.state;
    return kind === 0 || p.wishPartner[h] === 1 || partnerSeatsTaken[o]! < p.partnerSeats[o]!;
  }

  /** For every held wish, the holder's other wishes it could move to with the rest of its courses unchanged. */
  private alternativesOfHolders(): Map<number, number[]> {
    const { p, held } = this.state;
    const result = new Map<number, number[]>();
    for (let h = 0; h < held.length; h++) {
      if (!held[h]) continue;
      const s = p.wishStudent[h]!;
      const list: number[] = [];
      for (let a = p.wishStart[s]!; a < p.wishStart[s + 1]!; a++) {
        if (!held[a] && p.wishEligible[a] && p.wishOffering[a] !== p.wishOffering[h] && this.state.studentCanAdd(a, h)) list.push(a);
      }
      if (list.length) result.set(h, list);
    }
    return result;
  }
}

/**
 * Give unmet wishes seats through chains of moves — the wish takes a seat whose holder moves to
 * another of their wishes, whose seat's holder moves on, … — whenever the rank-weighted total
 * grows and no student is left with nothing. Each chain is checked against the current
 * allocation before it is kept.
 */
export function improveByChains(state: AllocationState, order: Int32Array, maxPasses: number): void {
  const p = state.p;
  for (let pass = 0; pass < maxPasses; pass++) {
    const labels = new SeatLabels(state);
    let improved = false;
    for (const wish of order) {
      if (state.held[wish] || !p.wishEligible[wish] || !state.studentCanAdd(wish)) continue;
      if (p.wishWeight[wish]! + labels.best(wish) <= EPSILON) continue;
      if (applyIfImproving(state, wish, labels.chainFor(wish))) improved = true;
    }
    if (!improved) return;
  }
}

function applyIfImproving(state: AllocationState, wish: number, moves: [number, number][]): boolean {
  const leaving = moves.map(([h]) => h);
  if (new Set(leaving).size !== leaving.length || leaving.some((h) => !state.held[h])) return false;
  const arriving = [wish, ...moves.map(([, a]) => a).filter((a) => a >= 0)];
  const servedBefore = state.served;
  leaving.forEach((h) => state.release(h));
  const taken: number[] = [];
  let gain = -leaving.reduce((sum, h) => sum + state.p.wishWeight[h]!, 0);
  for (const a of arriving) {
    if (!state.canTake(a)) break;
    state.take(a);
    taken.push(a);
    gain += state.p.wishWeight[a]!;
  }
  // Kept only if no student is left with nothing: the rank-weighted total comes second (docs/selection-rounds.md).
  if (taken.length === arriving.length && gain > EPSILON && state.served >= servedBefore) return true;
  taken.forEach((a) => state.release(a));
  leaving.forEach((h) => state.take(h));
  return false;
}
