/**
 * Cohort projection for the upper-secondary ages (see docs/cohort-projection.md):
 *
 *   cohort(a, y) = N(a − (y − B), B) · (1 + r)^(y − B)
 *
 * where B is the base year of the age data, N(x, B) the count of x-year-olds in B (age bands split
 * evenly over their single years), and r the municipality's average annual net change estimated
 * from its own population history. Cohorts not yet born in B start from the average yearly birth
 * cohort of B (the 0–2 band ÷ 3). Pure, so that it is tested on hand-computed cases.
 */

export interface AgeBand {
  from: number;
  to: number;
  count: number;
}

/** Counts for ages 0 … maxAge, each band spread evenly over its years. */
export function singleYearAges(bands: readonly AgeBand[], maxAge: number): number[] {
  const ages = new Array<number>(maxAge + 1).fill(0);
  for (const band of bands) {
    const years = band.to - band.from + 1;
    for (let age = band.from; age <= Math.min(band.to, maxAge); age++) ages[age]! += band.count / years;
  }
  return ages;
}

/** Geometric mean yearly change of the total population between its first and last year. */
export function annualChangeRate(totals: readonly { year: number; count: number }[]): { rate: number; fromYear: number; toYear: number } | null {
  const sorted = [...totals].filter((t) => t.count > 0).sort((a, b) => a.year - b.year);
  const first = sorted[0];
  const last = sorted.at(-1);
  if (!first || !last || last.year === first.year) return null;
  return { rate: (last.count / first.count) ** (1 / (last.year - first.year)) - 1, fromYear: first.year, toYear: last.year };
}

export interface CohortYear {
  year: number;
  /** Projected count per age, ages fromAge … toAge. */
  byAge: Record<number, number>;
}

export function projectCohorts(
  ages: readonly number[],
  baseYear: number,
  rate: number,
  options: { toYear: number; fromAge: number; toAge: number },
): CohortYear[] {
  const births = ((ages[0] ?? 0) + (ages[1] ?? 0) + (ages[2] ?? 0)) / 3;
  const result: CohortYear[] = [];
  for (let year = baseYear; year <= options.toYear; year++) {
    const elapsed = year - baseYear;
    const byAge: Record<number, number> = {};
    for (let age = options.fromAge; age <= options.toAge; age++) {
      const ageInBase = age - elapsed;
      byAge[age] = (ageInBase >= 0 ? (ages[ageInBase] ?? 0) : births) * (1 + rate) ** elapsed;
    }
    result.push({ year, byAge });
  }
  return result;
}

/** The 16–18-year-olds of a projected year: the upper-secondary age. */
export const sixteenToEighteen = (year: CohortYear) => (year.byAge[16] ?? 0) + (year.byAge[17] ?? 0) + (year.byAge[18] ?? 0);
