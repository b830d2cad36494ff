import { seededRandom } from '../demo/random.js';

/** Why a wish cannot be allocated at all, decided before the allocation (see eligibility.ts). */
export type IneligibleReason = 'not_eligible' | 'too_far';

export interface RoundWish {
  studentId: number;
  offeringId: number;
  /** 1 = most wanted. */
  rank: number;
  /** The student's home school runs the offering: a home seat, outside the partner quota. */
  home: boolean;
  /** The course counts toward one of the student's own study rights, which gives priority. */
  ownStudyRight: boolean;
  ineligible: IneligibleReason | null;
}

export interface RoundOffering {
  id: number;
  capacity: number;
  /** How many of the seats partner students may hold at most. */
  partnerSeats: number;
}

export interface AllocationProblem {
  offerings: readonly RoundOffering[];
  wishes: readonly RoundWish[];
  /** Offering pairs a student cannot both take (timetable overlap or too short a trip between them). */
  clashes: ReadonlyArray<readonly [number, number]>;
  maxCoursesPerStudent: number;
  /** Seed of the lottery that orders students whose wishes tie. */
  seed: number;
}

export const MAX_WISHES_PER_STUDENT = 20;

/** A first wish is worth as much as all ranks below it are worth less: rank r of at most K wishes weighs K + 1 − r. */
export const rankWeight = (rank: number) => MAX_WISHES_PER_STUDENT + 1 - rank;

/**
 * The problem in flat arrays, wishes grouped by student in rank order, so that the solvers
 * work on integers only. Clashes are kept per student as bitmasks over the student's own wishes.
 */
export interface CompiledProblem {
  problem: AllocationProblem;
  studentIds: number[];
  /** Wishes of student s are wishStart[s] … wishStart[s + 1] − 1. */
  wishStart: Int32Array;
  wishStudent: Int32Array;
  wishOffering: Int32Array;
  wishWeight: Float64Array;
  wishPartner: Uint8Array;
  wishEligible: Uint8Array;
  /** Bit i set: this wish clashes with the student's i-th wish. */
  wishClashMask: Int32Array;
  /** Index into problem.wishes, to report results in the caller's terms. */
  wishSource: Int32Array;
  offeringIds: number[];
  capacity: Int32Array;
  partnerSeats: Int32Array;
  /** Position of each student in the seeded lottery: 0 draws first. */
  lotteryPosition: Int32Array;
}

export function compileProblem(problem: AllocationProblem): CompiledProblem {
  const offeringIndex = new Map(problem.offerings.map((o, i) => [o.id, i]));
  const byStudent = new Map<number, number[]>();
  problem.wishes.forEach((wish, i) => {
    if (!offeringIndex.has(wish.offeringId)) throw new Error(`Wish for offering ${wish.offeringId}, which is not in the round`);
    const list = byStudent.get(wish.studentId) ?? [];
    list.push(i);
    byStudent.set(wish.studentId, list);
  });
  const studentIds = [...byStudent.keys()].sort((a, b) => a - b);
  const n = problem.offerings.length;
  const clashKeys = new Set<number>();
  for (const [a, b] of problem.clashes) {
    const i = offeringIndex.get(a);
    const j = offeringIndex.get(b);
    if (i === undefined || j === undefined) continue;
    clashKeys.add(i * n + j).add(j * n + i);
  }

  const total = problem.wishes.length;
  const compiled: CompiledProblem = {
    problem,
    studentIds,
    wishStart: new Int32Array(studentIds.length + 1),
    wishStudent: new Int32Array(total),
    wishOffering: new Int32Array(total),
    wishWeight: new Float64Array(total),
    wishPartner: new Uint8Array(total),
    wishEligible: new Uint8Array(total),
    wishClashMask: new Int32Array(total),
    wishSource: new Int32Array(total),
    offeringIds: problem.offerings.map((o) => o.id),
    capacity: Int32Array.from(problem.offerings, (o) => o.capacity),
    partnerSeats: Int32Array.from(problem.offerings, (o) => Math.min(o.partnerSeats, o.capacity)),
    lotteryPosition: lottery(studentIds.length, problem.seed),
  };
  let w = 0;
  studentIds.forEach((studentId, s) => {
    const own = byStudent.get(studentId)!.sort((a, b) => problem.wishes[a]!.rank - problem.wishes[b]!.rank);
    if (own.length > MAX_WISHES_PER_STUDENT) throw new Error(`Student ${studentId} has more than ${MAX_WISHES_PER_STUDENT} wishes`);
    compiled.wishStart[s] = w;
    own.forEach((source, k) => {
      const wish = problem.wishes[source]!;
      compiled.wishStudent[w + k] = s;
      compiled.wishOffering[w + k] = offeringIndex.get(wish.offeringId)!;
      compiled.wishWeight[w + k] = rankWeight(wish.rank);
      compiled.wishPartner[w + k] = wish.home ? 0 : 1;
      compiled.wishEligible[w + k] = wish.ineligible === null ? 1 : 0;
      compiled.wishSource[w + k] = source;
    });
    for (let a = 0; a < own.length; a++) {
      for (let b = 0; b < own.length; b++) {
        const oa = compiled.wishOffering[w + a]!;
        const ob = compiled.wishOffering[w + b]!;
        if (a !== b && (oa === ob || clashKeys.has(oa * n + ob))) compiled.wishClashMask[w + a]! |= 1 << b;
      }
    }
    w += own.length;
  });
  compiled.wishStart[studentIds.length] = w;
  return compiled;
}

/** A uniformly random, seed-reproducible order of the students (by their sorted ids). */
function lottery(studentCount: number, seed: number): Int32Array {
  const order = seededRandom(seed).sample(
    Array.from({ length: studentCount }, (_, i) => i),
    studentCount,
  );
  const position = new Int32Array(studentCount);
  order.forEach((s, p) => (position[s] = p));
  return position;
}
