import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, type AllocationResult } from './allocate.js';
import { compileProblem, rankWeight, type AllocationProblem, type RoundWish } from './allocation-problem.js';
import { lpUpperBounds } from './highs-allocation.js';

const wish = (studentId: number, offeringId: number, rank: number, overrides: Partial<RoundWish> = {}): RoundWish => ({
  studentId,
  offeringId,
  rank,
  home: false,
  ownStudyRight: false,
  ineligible: null,
  ...overrides,
});

const problemArbitrary: fc.Arbitrary<AllocationProblem> = fc
  .record({
    offerings: fc.array(fc.record({ capacity: fc.integer({ min: 0, max: 4 }), partnerShare: fc.double({ min: 0, max: 1, noNaN: true }) }), { minLength: 1, maxLength: 7 }),
    students: fc.array(
      fc.array(fc.record({ pick: fc.nat(), home: fc.boolean(), own: fc.boolean(), ineligible: fc.constantFrom(null, null, null, null, 'not_eligible' as const, 'too_far' as const) }), { maxLength: 6 }),
      { minLength: 1, maxLength: 9 },
    ),
    clashes: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 10 }),
    maxCoursesPerStudent: fc.integer({ min: 1, max: 3 }),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  })
  .map(({ offerings, students, clashes, maxCoursesPerStudent, seed }) => {
    const ids = offerings.map((_, i) => i + 1);
    const wishes = students.flatMap((list, s) => {
      const chosen = [...new Set(list.map((w) => ids[w.pick % ids.length]!))];
      return chosen.map((offeringId, k) => wish(s + 1, offeringId, k + 1, { home: list[k]!.home, ownStudyRight: list[k]!.own, ineligible: list[k]!.ineligible }));
    });
    return {
      offerings: offerings.map((o, i) => ({ id: i + 1, capacity: o.capacity, partnerSeats: Math.round(o.capacity * o.partnerShare) })),
      wishes,
      clashes: clashes.map(([a, b]) => [ids[a % ids.length]!, ids[b % ids.length]!] as const).filter(([a, b]) => a !== b),
      maxCoursesPerStudent,
      seed,
    };
  });

function assertFeasible(problem: AllocationProblem, result: AllocationResult) {
  const assigned = result.outcomes.filter((o) => o.assigned).map((o) => o.wish);
  for (const offering of problem.offerings) {
    const holders = assigned.filter((w) => w.offeringId === offering.id);
    expect(holders.length).toBeLessThanOrEqual(offering.capacity);
    expect(holders.filter((w) => !w.home).length).toBeLessThanOrEqual(offering.partnerSeats);
  }
  const clashing = new Set(problem.clashes.flatMap(([a, b]) => [`${a}-${b}`, `${b}-${a}`]));
  const students = new Set(problem.wishes.map((w) => w.studentId));
  for (const student of students) {
    const mine = assigned.filter((w) => w.studentId === student).map((w) => w.offeringId);
    expect(mine.length).toBeLessThanOrEqual(problem.maxCoursesPerStudent);
    for (const a of mine) for (const b of mine) expect(clashing.has(`${a}-${b}`)).toBe(false);
  }
  for (const outcome of result.outcomes) {
    if (outcome.wish.ineligible) expect(outcome.reason).toEqual({ kind: outcome.wish.ineligible });
    expect(outcome.assigned).toBe(outcome.reason === null);
  }
  expect(result.objective).toBe(assigned.reduce((sum, w) => sum + rankWeight(w.rank), 0));
  expect(result.studentsServed).toBe(new Set(assigned.map((w) => w.studentId)).size);
}

/** Re-checks every reason given for an unmet wish against the allocation itself, independently of the solvers. */
function assertReasonsTrue(problem: AllocationProblem, result: AllocationResult) {
  const assigned = result.outcomes.filter((o) => o.assigned).map((o) => o.wish);
  const clashes = new Set(problem.clashes.flatMap(([a, b]) => [`${a}-${b}`, `${b}-${a}`]));
  for (const { wish: w, reason } of result.outcomes) {
    if (!reason) continue;
    const mine = assigned.filter((a) => a.studentId === w.studentId);
    const offering = problem.offerings.find((o) => o.id === w.offeringId)!;
    const holders = assigned.filter((a) => a.offeringId === w.offeringId);
    switch (reason.kind) {
      case 'clash':
        expect(mine.map((a) => a.offeringId)).toContain(reason.withOfferingId);
        expect(clashes.has(`${w.offeringId}-${reason.withOfferingId}`)).toBe(true);
        break;
      case 'course_limit':
        expect(mine).toHaveLength(problem.maxCoursesPerStudent);
        expect(mine.every((a) => a.rank < w.rank)).toBe(true);
        break;
      case 'full':
        expect(holders).toHaveLength(offering.capacity);
        break;
      case 'partner_seats_full':
        expect(w.home).toBe(false);
        expect(holders.filter((a) => !a.home)).toHaveLength(offering.partnerSeats);
        break;
      default:
        expect(w.ineligible).toBe(reason.kind);
    }
  }
}

/**
 * No student is left with nothing while one move would seat them without leaving another with
 * nothing: a free seat, a holder with other seats giving theirs up, or a holder moving to a free
 * seat of another of their wishes.
 */
function assertNoSwapServesTheUnserved(problem: AllocationProblem, result: AllocationResult) {
  const assigned = result.outcomes.filter((o) => o.assigned).map((o) => o.wish);
  const seatsOf = (student: number) => assigned.filter((a) => a.studentId === student);
  const fits = (w: RoundWish, leaving?: RoundWish) => {
    const offering = problem.offerings.find((o) => o.id === w.offeringId)!;
    const holders = assigned.filter((a) => a.offeringId === w.offeringId && a !== leaving);
    return holders.length < offering.capacity && (w.home || holders.filter((a) => !a.home).length < offering.partnerSeats);
  };
  for (const w of problem.wishes) {
    if (w.ineligible || seatsOf(w.studentId).length > 0) continue;
    expect(fits(w)).toBe(false);
    for (const holder of assigned.filter((a) => a.offeringId === w.offeringId && fits(w, a))) {
      expect(seatsOf(holder.studentId).length).toBe(1);
      const elsewhere = problem.wishes.filter((a) => a.studentId === holder.studentId && a.offeringId !== holder.offeringId && !a.ineligible);
      expect(elsewhere.some((a) => fits(a))).toBe(false);
    }
  }
}

describe('allocate (property-based)', () => {
  for (const method of ['heuristic', 'exact'] as const) {
    const options = method === 'heuristic' ? { exactWishLimit: 0 } : { exactWishLimit: 1000 };

    it(`${method}: never exceeds seats or partner quotas, never gives clashing courses, explains every unmet wish truly`, async () => {
      await fc.assert(
        fc.asyncProperty(problemArbitrary, async (problem) => {
          const result = await allocate(problem, options);
          assertFeasible(problem, result);
          assertReasonsTrue(problem, result);
          assertNoSwapServesTheUnserved(problem, result);
        }),
        { numRuns: method === 'exact' ? 60 : 300 },
      );
    });

    it(`${method}: gives the same allocation for the same seed`, async () => {
      await fc.assert(
        fc.asyncProperty(problemArbitrary, async (problem) => {
          const first = await allocate(problem, options);
          const second = await allocate({ ...problem, wishes: [...problem.wishes] }, options);
          expect(second.outcomes).toEqual(first.outcomes);
        }),
        { numRuns: method === 'exact' ? 40 : 200 },
      );
    });
  }

  it('serves as many students as the exact solver, which is at least as good and within the LP bounds of both stages', async () => {
    await fc.assert(
      fc.asyncProperty(problemArbitrary, async (problem) => {
        const exact = await allocate(problem, { exactWishLimit: 1000 });
        const heuristic = await allocate(problem, { exactWishLimit: 0 });
        const bounds = await lpUpperBounds(compileProblem(problem), exact.studentsServed);
        expect(heuristic.studentsServed).toBe(exact.studentsServed);
        expect(exact.studentsServed).toBe(bounds.served);
        expect(exact.objective).toBeGreaterThanOrEqual(heuristic.objective);
        expect(exact.objective).toBeLessThanOrEqual(bounds.weighted + 1e-6);
      }),
      { numRuns: 60 },
    );
  });
});

describe('allocate (priority rules and explanations)', () => {
  const oneSeat = { id: 1, capacity: 1, partnerSeats: 1 };

  it('breaks a tie between equal wishes by the seeded lottery, reproducibly', async () => {
    const winners = new Set<number>();
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const problem = { offerings: [oneSeat], wishes: [wish(1, 1, 1), wish(2, 1, 1)], clashes: [], maxCoursesPerStudent: 1, seed };
      const result = await allocate(problem);
      const winner = result.outcomes.find((o) => o.assigned)!.wish.studentId;
      expect((await allocate(problem)).outcomes.find((o) => o.assigned)!.wish.studentId).toBe(winner);
      expect(result.outcomes.find((o) => !o.assigned)!.reason).toEqual({ kind: 'full' });
      winners.add(winner);
    }
    expect(winners).toEqual(new Set([1, 2]));
  });

  it('puts a wish toward the student’s own study right before an elective of the same rank', async () => {
    for (const seed of [1, 2, 3, 4]) {
      const result = await allocate({ offerings: [oneSeat], wishes: [wish(1, 1, 1), wish(2, 1, 1, { ownStudyRight: true })], clashes: [], maxCoursesPerStudent: 1, seed });
      expect(result.outcomes.find((o) => o.assigned)!.wish.studentId).toBe(2);
    }
  });

  it('keeps home seats for home students: partners only get the partner quota', async () => {
    const offering = { id: 1, capacity: 3, partnerSeats: 1 };
    const wishes = [wish(1, 1, 1), wish(2, 1, 1), wish(3, 1, 1, { home: true })];
    const result = await allocate({ offerings: [offering], wishes, clashes: [], maxCoursesPerStudent: 1, seed: 7 });
    expect(result.outcomes.filter((o) => o.assigned)).toHaveLength(2);
    expect(result.outcomes.find((o) => !o.assigned)!.reason).toEqual({ kind: 'partner_seats_full' });
  });

  it('prefers a first wish to a later one, and names the clashing course', async () => {
    const offerings = [oneSeat, { id: 2, capacity: 5, partnerSeats: 5 }];
    const result = await allocate({ offerings, wishes: [wish(1, 2, 1), wish(1, 1, 2)], clashes: [[1, 2]], maxCoursesPerStudent: 2, seed: 1 });
    expect(result.outcomes.map((o) => o.assigned)).toEqual([true, false]);
    expect(result.outcomes[1]!.reason).toEqual({ kind: 'clash', withOfferingId: 2 });
  });

  it('moves a student to their second wish when that lets another student have their only wish', async () => {
    // Student 1 draws first in the lottery for some seeds; the optimum still seats both.
    const offerings = [oneSeat, { id: 2, capacity: 1, partnerSeats: 1 }];
    const wishes = [wish(1, 1, 1), wish(1, 2, 2), wish(2, 1, 1)];
    for (const exactWishLimit of [0, 1000]) {
      for (const seed of [1, 2, 3, 4]) {
        const result = await allocate({ offerings, wishes, clashes: [], maxCoursesPerStudent: 1, seed }, { exactWishLimit });
        expect(result.objective).toBe(rankWeight(1) + rankWeight(2));
      }
    }
  });

  it('seats a second student rather than giving one student two courses, whatever the lottery', async () => {
    // Student 1: offerings 1 and 2 at ranks 1 and 2; student 2: a full offering 3, then offering 2 at rank 2.
    // 1+1 and 2+0 weigh the same (20 + 19); the first measure of fairness decides: both students get a course.
    const offerings = [oneSeat, { id: 2, capacity: 1, partnerSeats: 1 }, { id: 3, capacity: 0, partnerSeats: 0 }];
    const wishes = [wish(1, 1, 1), wish(1, 2, 2), wish(2, 3, 1), wish(2, 2, 2)];
    for (const exactWishLimit of [0, 1000]) {
      for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
        const result = await allocate({ offerings, wishes, clashes: [], maxCoursesPerStudent: 2, seed }, { exactWishLimit });
        expect(result.studentsServed).toBe(2);
        expect(result.outcomes.find((o) => o.wish.studentId === 1 && o.wish.offeringId === 2)!.reason).toEqual({ kind: 'full' });
      }
    }
  });

  it('says "full", not "course limit reached with higher wishes", to a student who holds only a lower wish', async () => {
    const offerings = [oneSeat, { id: 2, capacity: 1, partnerSeats: 1 }];
    // Student 2 has only offering 1; student 1 takes their second wish so that both are served.
    const wishes = [wish(1, 1, 1), wish(1, 2, 2), wish(2, 1, 1)];
    for (const exactWishLimit of [0, 1000]) {
      const result = await allocate({ offerings, wishes, clashes: [], maxCoursesPerStudent: 1, seed: 3 }, { exactWishLimit });
      expect(result.outcomes[0]!.reason).toEqual({ kind: 'full' });
    }
  });

  it('explains a wish beyond the course limit', async () => {
    const offerings = [oneSeat, { id: 2, capacity: 1, partnerSeats: 1 }];
    const result = await allocate({ offerings, wishes: [wish(1, 1, 1), wish(1, 2, 2)], clashes: [], maxCoursesPerStudent: 1, seed: 1 });
    expect(result.outcomes[1]!.reason).toEqual({ kind: 'course_limit' });
  });
});
