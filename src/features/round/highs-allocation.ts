import * as highsPackage from 'highs';
import type { Highs } from 'highs';
import type { CompiledProblem } from './allocation-problem.js';
import { AllocationState } from './allocation-state.js';
import { finishAllocation, priorityOrder } from './heuristic-allocation.js';

// The package's types describe its CommonJS build as a module with a default export; Node loads its ES module build.
const loadHighs = highsPackage.default as unknown as () => Promise<Highs>;
let highsRuntime: Promise<Highs> | undefined;
/** One HiGHS WebAssembly runtime per process: loading it takes a while and models are disposed after use. */
const highs = () => (highsRuntime ??= loadHighs());

/**
 * What a model maximises: `served`, the number of students who get at least one wish; or
 * `weighted`, the rank-weighted total among allocations that serve at least `minServed` students
 * (the lexicographic order of docs/selection-rounds.md, solved as two programmes).
 */
export type Stage = { kind: 'served' } | { kind: 'weighted'; minServed: number };

/**
 * The programme of a round: one 0/1 column per eligible wish and one per student ("served");
 * rows for each offering's seats and partner quota, each student's course limit, each group of
 * a student's wishes that pairwise clash (maximal cliques, which make the LP relaxation tighter
 * than pairwise rows), served ≤ the student's seats, and in the weighted stage Σ served ≥ minServed.
 */
function buildModel(h: Highs, p: CompiledProblem, stage: Stage, integral: boolean) {
  const columns: number[] = [];
  for (let w = 0; w < p.wishOffering.length; w++) if (p.wishEligible[w]) columns.push(w);
  const columnOf = new Int32Array(p.wishOffering.length).fill(-1);
  columns.forEach((w, c) => (columnOf[w] = c));

  const rows: { members: number[]; values?: number[]; lower?: number; upper: number }[] = [];
  const seatRows = p.offeringIds.map(() => [] as number[]);
  const partnerRows = p.offeringIds.map(() => [] as number[]);
  for (const w of columns) {
    seatRows[p.wishOffering[w]!]!.push(columnOf[w]!);
    if (p.wishPartner[w]) partnerRows[p.wishOffering[w]!]!.push(columnOf[w]!);
  }
  seatRows.forEach((members, o) => members.length > p.capacity[o]! && rows.push({ members, upper: p.capacity[o]! }));
  partnerRows.forEach((members, o) => members.length > p.partnerSeats[o]! && rows.push({ members, upper: p.partnerSeats[o]! }));
  const servedColumns: number[] = [];
  for (let s = 0; s < p.studentIds.length; s++) {
    const own: number[] = [];
    for (let w = p.wishStart[s]!; w < p.wishStart[s + 1]!; w++) if (p.wishEligible[w]) own.push(w);
    if (own.length > p.problem.maxCoursesPerStudent) rows.push({ members: own.map((w) => columnOf[w]!), upper: p.problem.maxCoursesPerStudent });
    for (const clique of clashCliques(p, own)) rows.push({ members: clique.map((w) => columnOf[w]!), upper: 1 });
    if (own.length === 0) continue;
    const served = columns.length + servedColumns.length;
    servedColumns.push(s);
    rows.push({ members: [served, ...own.map((w) => columnOf[w]!)], values: [1, ...own.map(() => -1)], upper: 0 });
  }
  const servedRange = servedColumns.map((_, i) => columns.length + i);
  if (stage.kind === 'weighted') rows.push({ members: servedRange, lower: stage.minServed, upper: Infinity });

  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const row of rows) {
    const order = row.members.map((m, i) => [m, row.values?.[i] ?? 1] as const).sort((a, b) => a[0] - b[0]);
    indices.push(...order.map(([m]) => m));
    values.push(...order.map(([, v]) => v));
    starts.push(indices.length);
  }
  // Ties between equally weighted solutions go by the priority rules: a bonus too small to outweigh one rank.
  const bonus = (w: number) =>
    ((p.problem.wishes[p.wishSource[w]!]!.ownStudyRight ? 0.5 : 0) + 0.5 * (1 - p.lotteryPosition[p.wishStudent[w]!]! / p.studentIds.length)) /
    (columns.length + 1);
  const wishCost = (w: number) => (stage.kind === 'served' ? 0 : p.wishWeight[w]! + (integral ? bonus(w) : 0));
  const numCols = columns.length + servedColumns.length;
  const model = h.createModel({
    numCols,
    numRows: rows.length,
    sense: h.constants.objectiveSense.maximize,
    colCost: [...columns.map(wishCost), ...servedColumns.map(() => (stage.kind === 'served' ? 1 : 0))],
    colLower: new Array(numCols).fill(0),
    colUpper: new Array(numCols).fill(1),
    rowLower: rows.map((r) => r.lower ?? -h.infinity),
    rowUpper: rows.map((r) => (r.upper === Infinity ? h.infinity : r.upper)),
    matrix: { format: 'csr', numRows: rows.length, numCols, starts, indices, values },
    ...(integral ? { integrality: new Array(numCols).fill(h.constants.variableType.integer) } : {}),
  });
  return { model, columns };
}

/** Maximal groups of the given wishes (one student's) that all clash with each other. */
function clashCliques(p: CompiledProblem, wishes: number[]): number[][] {
  const cliques: number[][] = [];
  const expand = (clique: number[], candidates: number[], excluded: number[]) => {
    if (candidates.length === 0 && excluded.length === 0) {
      if (clique.length > 1) cliques.push(clique);
      return;
    }
    for (const w of [...candidates]) {
      const adjacent = (x: number) => (p.wishClashMask[w]! & (1 << (x - p.wishStart[p.wishStudent[w]!]!))) !== 0;
      expand([...clique, w], candidates.filter(adjacent), excluded.filter(adjacent));
      candidates.splice(candidates.indexOf(w), 1);
      excluded.push(w);
    }
  };
  expand([], [...wishes], []);
  return cliques;
}

/** The most students any allocation serves: the first stage, solved exactly (its relaxation is integral in practice, but not assumed). */
async function mostServed(h: Highs, p: CompiledProblem, timeLimitSeconds: number): Promise<number | null> {
  const { model } = buildModel(h, p, { kind: 'served' }, true);
  try {
    model.options.set({ output_flag: false, time_limit: timeLimitSeconds, mip_rel_gap: 0, random_seed: 1 });
    model.run();
    if (model.getModelStatus() !== h.constants.modelStatus.optimal) return null;
    return Math.round(model.getObjectiveValue());
  } finally {
    model.dispose();
  }
}

/** LP relaxation optimum of a stage: no allocation does better. */
async function relaxationOptimum(h: Highs, p: CompiledProblem, stage: Stage): Promise<number> {
  const { model } = buildModel(h, p, stage, false);
  try {
    model.options.set({ output_flag: false, solver: 'ipm' });
    model.run();
    if (model.getModelStatus() !== h.constants.modelStatus.optimal) throw new Error(`LP bound: HiGHS ended with status ${model.getModelStatus()}`);
    return model.getObjectiveValue();
  } finally {
    model.dispose();
  }
}

export interface UpperBounds {
  /** No allocation serves more students than this (the first stage's relaxation, rounded down). */
  served: number;
  /** No allocation that serves at least `servedAtLeast` students weighs more (the second stage's relaxation). */
  weighted: number;
}

/**
 * Upper bounds of both stages from their LP relaxations, for comparing an allocation that serves
 * `servedAtLeast` students: its weighted total cannot exceed `weighted`. (Bounding at the first
 * bound instead would be no bound if the relaxation served more than any allocation can.)
 */
export async function lpUpperBounds(p: CompiledProblem, servedAtLeast: number): Promise<UpperBounds> {
  if (!p.wishEligible.includes(1)) return { served: 0, weighted: 0 };
  const h = await highs();
  const served = Math.floor((await relaxationOptimum(h, p, { kind: 'served' })) + 1e-6);
  return { served, weighted: await relaxationOptimum(h, p, { kind: 'weighted', minServed: servedAtLeast }) };
}

/**
 * The optimal allocation by branch and bound, within the time limit: first the most students
 * served, then the largest rank-weighted total among allocations serving that many. Returns
 * null when HiGHS does not finish the first stage or finds no solution of the second in time, so
 * that the caller falls back to the heuristic.
 */
export async function allocateExactly(p: CompiledProblem, timeLimitSeconds: number): Promise<{ state: AllocationState; optimal: boolean } | null> {
  if (!p.wishEligible.includes(1)) return { state: new AllocationState(p), optimal: true };
  const h = await highs();
  const started = performance.now();
  const served = await mostServed(h, p, timeLimitSeconds);
  if (served === null) return null;
  const left = Math.max(1, timeLimitSeconds - (performance.now() - started) / 1000);
  const { model, columns } = buildModel(h, p, { kind: 'weighted', minServed: served }, true);
  try {
    model.options.set({ output_flag: false, time_limit: left, mip_rel_gap: 0, random_seed: 1 });
    model.run();
    const status = model.getModelStatus();
    const values = model.getSolution().colValue;
    if (status !== h.constants.modelStatus.optimal && status !== h.constants.modelStatus.timeLimit) return null;
    if (values.length < columns.length) return null;
    const chosen = new Set(columns.filter((_, c) => values[c]! > 0.5));
    const state = new AllocationState(p);
    const order = priorityOrder(p);
    for (const w of order) if (chosen.has(w) && state.canTake(w)) state.take(w);
    finishAllocation(state, order);
    if (state.served < served) return null;
    return { state, optimal: status === h.constants.modelStatus.optimal };
  } finally {
    model.dispose();
  }
}
