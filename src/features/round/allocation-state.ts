import type { CompiledProblem } from './allocation-problem.js';

/** Which wishes hold a seat, with the counts every feasibility check needs. */
export class AllocationState {
  readonly held: Uint8Array;
  /** Per student: bit i set when the student's i-th wish holds a seat. */
  readonly heldMask: Int32Array;
  readonly courseCount: Int32Array;
  readonly seatsTaken: Int32Array;
  readonly partnerSeatsTaken: Int32Array;
  /** Per offering: the wishes holding its seats. */
  readonly holders: number[][];
  /** How many students hold at least one seat: the first measure of fairness (docs/selection-rounds.md). */
  served = 0;

  constructor(readonly p: CompiledProblem) {
    this.held = new Uint8Array(p.wishOffering.length);
    this.heldMask = new Int32Array(p.studentIds.length);
    this.courseCount = new Int32Array(p.studentIds.length);
    this.seatsTaken = new Int32Array(p.offeringIds.length);
    this.partnerSeatsTaken = new Int32Array(p.offeringIds.length);
    this.holders = p.offeringIds.map(() => []);
  }

  /** The wish's position among its student's wishes, its bit in heldMask. */
  bitOf(wish: number): number {
    return 1 << (wish - this.p.wishStart[this.p.wishStudent[wish]!]!);
  }

  /** The student has room for one more course and holds nothing that clashes with the wish. */
  studentCanAdd(wish: number, ignoringWish = -1): boolean {
    const s = this.p.wishStudent[wish]!;
    const ignoredBit = ignoringWish >= 0 ? this.bitOf(ignoringWish) : 0;
    const count = this.courseCount[s]! - (ignoredBit ? 1 : 0);
    return count < this.p.problem.maxCoursesPerStudent && ((this.heldMask[s]! & ~ignoredBit) & this.p.wishClashMask[wish]!) === 0;
  }

  /** The offering has a seat for this wish, counting the seat `leaving` would free. */
  hasSeatFor(wish: number, leaving = -1): boolean {
    const o = this.p.wishOffering[wish]!;
    const freed = leaving >= 0 && this.p.wishOffering[leaving] === o ? 1 : 0;
    if (this.seatsTaken[o]! - freed >= this.p.capacity[o]!) return false;
    if (!this.p.wishPartner[wish]) return true;
    const partnerFreed = freed && this.p.wishPartner[leaving] ? 1 : 0;
    return this.partnerSeatsTaken[o]! - partnerFreed < this.p.partnerSeats[o]!;
  }

  canTake(wish: number): boolean {
    return this.p.wishEligible[wish] === 1 && this.held[wish] === 0 && this.studentCanAdd(wish) && this.hasSeatFor(wish);
  }

  take(wish: number): void {
    const s = this.p.wishStudent[wish]!;
    const o = this.p.wishOffering[wish]!;
    this.held[wish] = 1;
    this.heldMask[s]! |= this.bitOf(wish);
    if (this.courseCount[s]!++ === 0) this.served++;
    this.seatsTaken[o]!++;
    if (this.p.wishPartner[wish]) this.partnerSeatsTaken[o]!++;
    this.holders[o]!.push(wish);
  }

  release(wish: number): void {
    const s = this.p.wishStudent[wish]!;
    const o = this.p.wishOffering[wish]!;
    this.held[wish] = 0;
    this.heldMask[s]! &= ~this.bitOf(wish);
    if (--this.courseCount[s]! === 0) this.served--;
    this.seatsTaken[o]!--;
    if (this.p.wishPartner[wish]) this.partnerSeatsTaken[o]!--;
    const list = this.holders[o]!;
    list.splice(list.indexOf(wish), 1);
  }

  objective(): number {
    let total = 0;
    this.held.forEach((h, w) => (total += h * this.p.wishWeight[w]!));
    return total;
  }
}
