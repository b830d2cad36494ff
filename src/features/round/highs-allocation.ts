import * as highsPackage from 'highs';
import type { Highs } from 'highs';
import type { CompiledProblem } from './allocation-problem.js';
import { AllocationState } from './allocation-state.js';
import { fillInPriorityOrder, priorityOrder } from './heuristic-allocation.js';

// The package's types describe its CommonJS build as a module with a default export; Node loads its ES module build.
const loadHighs = highsPackage.default as unknown as () => Promise<Highs>;
let highsRuntime: Promise<Highs> | undefined;
/** One HiGHS WebAssembly runtime per process: loading it takes a while and models are disposed after use. */
const highs = () => (highsRuntime ??= loadHighs());

/**
 * The integer programme of a round: one 0/1 column per eligible wish; rows for each offering's
 * seats and partner quota, each student's course limit, and each group of a student's wishes
 * that pairwise clash (maximal cliques, which make the LP relaxation tighter than pairwise rows).
 */
function buildModel(h: Highs, p: CompiledProblem, tieBreak: boolean) {
  const columns: number[] = [];
  for (let w = 0; w < p.wishOffering.length; w++) if (p.wishEligible[w]) columns.push(w);
  const columnOf = new Int32Array(p.wishOffering.length).fill(-1);
  columns.forEach((w, c) => (columnOf[w] = c));

  const rows: { members: number[]; upper: number }[] = [];
  const seatRows = p.offeringIds.map(() => [] as number[]);
  const partnerRows = p.offeringIds.map(() => [] as number[]);
  for (const w of columns) {
    seatRows[p.wishOffering[w]!]!.push(columnOf[w]!);
    if (p.wishPartner[w]) partnerRows[p.wishOffering[w]!]!.push(columnOf[w]!);
  }
  seatRows.forEach((members, o) => members.length > p.capacity[o]! && rows.push({ members, upper: p.capacity[o]! }));
  partnerRows.forEach((members, o) => members.length > p.partnerSeats[o]! && rows.push({ members, upper: p.partnerSeats[o]! }));
  for (let s = 0; s < p.studentIds.length; s++) {
    const own: number[] = [];
    for (let w = p.wishStart[s]!; w < p.wishStart[s + 1]!; w++) if (p.wishEligible[w]) own.push(w);
    if (own.length > p.problem.maxCoursesPerStudent) rows.push({ members: own.map((w) => columnOf[w]!), upper: p.problem.maxCoursesPerStudent });
    for (const clique of clashCliques(p, own)) rows.push({ members: clique.map((w) => columnOf[w]!), upper: 1 });
  }

  const starts = [0];
  const indices: number[] = [];
  for (const row of rows) {
    indices.push(...row.members.sort((a, b) => a - b));
    starts.push(indices.length);
  }
  // Ties between equally weighted solutions go by the priority rules: a bonus too small to outweigh one rank.
  const bonus = (w: number) =>
    ((p.problem.wishes[p.wishSource[w]!]!.ownStudyRight ? 0.5 : 0) + 0.5 * (1 - p.lotteryPosition[p.wishStudent[w]!]! / p.studentIds.length)) /
    (columns.length + 1);
  const model = h.createModel({
    numCols: columns.length,
    numRows: rows.length,
    sense: h.constants.objectiveSense.maximize,
    colCost: columns.map((w) => p.wishWeight[w]! + (tieBreak ? bonus(w) : 0)),
    colLower: columns.map(() => 0),
    colUpper: columns.map(() => 1),
    rowLower: rows.map(() => -h.infinity),
    rowUpper: rows.map((r) => r.upper),
    matrix: { format: 'csr', numRows: rows.length, numCols: columns.length, starts, indices, values: indices.map(() => 1) },
    ...(tieBreak ? { integrality: columns.map(() => h.constants.variableType.integer) } : {}),
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

/** The LP-relaxation optimum: no allocation can weigh more. */
export async function lpUpperBound(p: CompiledProblem): Promise<number> {
  if (!p.wishEligible.includes(1)) return 0;
  const h = await highs();
  const { model } = buildModel(h, p, false);
  try {
    model.options.set({ output_flag: false, solver: 'ipm' });
    model.run();
    if (model.getModelStatus() !== h.constants.modelStatus.optimal) throw new Error(`LP bound: HiGHS ended with status ${model.getModelStatus()}`);
    return model.getObjectiveValue();
  } finally {
    model.dispose();
  }
}

/**
 * The optimal allocation by branch and bound, within the time limit. Returns null when HiGHS
 * finds no integer solution in time, so that the caller falls back to the heuristic.
 */
export async function allocateExactly(p: CompiledProblem, timeLimitSeconds: number): Promise<{ state: AllocationState; optimal: boolean } | null> {
  if (!p.wishEligible.includes(1)) return { state: new AllocationState(p), optimal: true };
  const h = await highs();
  const { model, columns } = buildModel(h, p, true);
  try {
    model.options.set({ output_flag: false, time_limit: timeLimitSeconds, mip_rel_gap: 0, random_seed: 1 });
    model.run();
    const status = model.getModelStatus();
    const values = model.getSolution().colValue;
    if (status !== h.constants.modelStatus.optimal && status !== h.constants.modelStatus.timeLimit) return null;
    if (values.length !== columns.length) return null;
    const chosen = new Set(columns.filter((_, c) => values[c]! > 0.5));
    const state = new AllocationState(p);
    const order = priorityOrder(p);
    for (const w of order) if (chosen.has(w) && state.canTake(w)) state.take(w);
    fillInPriorityOrder(state, order);
    return { state, optimal: status === h.constants.modelStatus.optimal };
  } finally {
    model.dispose();
  }
}
