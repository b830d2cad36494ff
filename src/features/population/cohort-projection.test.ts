import { describe, expect, it } from 'vitest';
import { annualChangeRate, projectCohorts, singleYearAges, sixteenToEighteen } from './cohort-projection.js';

describe('cohort projection', () => {
  it('spreads age bands evenly over their years', () => {
    const ages = singleYearAges(
      [
        { from: 0, to: 2, count: 30 },
        { from: 3, to: 6, count: 40 },
        { from: 16, to: 17, count: 50 },
        { from: 18, to: 19, count: 60 },
        { from: 20, to: 24, count: 500 },
      ],
      19,
    );
    expect(ages.slice(0, 7)).toEqual([10, 10, 10, 10, 10, 10, 10]);
    expect(ages.slice(16)).toEqual([25, 25, 30, 30]);
    expect(ages).toHaveLength(20);
  });

  it('estimates the yearly change from the first and last year', () => {
    // 1,000 → 810 in 2 years: a 10 % fall a year.
    const change = annualChangeRate([
      { year: 2002, count: 810 },
      { year: 2000, count: 1000 },
      { year: 2001, count: 950 },
    ])!;
    expect(change.rate).toBeCloseTo(-0.1, 10);
    expect(change).toMatchObject({ fromYear: 2000, toYear: 2002 });
    expect(annualChangeRate([{ year: 2000, count: 5 }])).toBeNull();
  });

  it('ages the cohorts and applies the change, hand-computed', () => {
    // Ages 0…19 in 2018: age a has 100 + a people.
    const ages = Array.from({ length: 20 }, (_, a) => 100 + a);
    const years = projectCohorts(ages, 2018, -0.1, { toYear: 2021, fromAge: 16, toAge: 18 });
    expect(years.map((y) => y.year)).toEqual([2018, 2019, 2020, 2021]);
    expect(years[0]!.byAge).toEqual({ 16: 116, 17: 117, 18: 118 });
    // 2020: the 16-year-olds were 14 in 2018 (114), two years of −10 %: 114 × 0.81 = 92.34.
    expect(years[2]!.byAge[16]).toBeCloseTo(92.34, 10);
    expect(years[2]!.byAge[18]).toBeCloseTo(116 * 0.81, 10);
    expect(sixteenToEighteen(years[3]!)).toBeCloseTo((113 + 114 + 115) * 0.729, 10);
  });

  it('starts cohorts born after the base year from the average birth cohort', () => {
    const ages = [30, 33, 36, ...Array.from({ length: 17 }, () => 50)];
    const [, second] = projectCohorts(ages, 2018, 0, { toYear: 2019, fromAge: 0, toAge: 1 });
    // In 2019 the 0-year-olds were not born in 2018: (30 + 33 + 36) / 3 = 33; the 1-year-olds were 0 (30).
    expect(second!.byAge).toEqual({ 0: 33, 1: 30 });
  });
});
