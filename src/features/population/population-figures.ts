import type { Area } from './population-areas.js';
import { PopulationFileError } from './population-dimensions.js';
import { isTotalFigure, LAST_PROJECTED_AGE, municipalityYearOf, OPEN_AGE, parseAgeBand, parseCount, type PopulationFigure, type PopulationNote } from './population-rows.js';

/** One value of a statistics file as the file gives it: its area, time and age labels. */
export interface Observation {
  at: string;
  row: number;
  area: string;
  /** A second label for the area (a JSON-stat category's label beside its code), tried when the first is unknown. */
  areaLabel?: string;
  /** `2024`, monthly `2024M12`, quarterly `2024Q4`. */
  time: string;
  /** Null when the file has no age dimension: the figures are totals. */
  age: string | null;
  value: string | number | null;
}

export interface PopulationFigures {
  figures: PopulationFigure[];
  /** Values for the whole country or regions, which are not stored. */
  skippedAggregates: number;
  /** What the import did that a planner should know, for its summary. */
  notes: PopulationNote[];
}

const SUB_YEAR = /^(\d{4})(M(\d{2})|Q([1-4]))$/i;

/**
 * Figures from a file's observations. A monthly (or quarterly) table gives each year the figure of
 * its last month (quarter): the population at the year's end, as the yearly tables count it.
 */
export function figuresFromObservations(observations: readonly Observation[], areaOf: (label: string) => Area): PopulationFigures {
  const notes: PopulationNote[] = [];
  const subYear = observations.some((o) => SUB_YEAR.test(o.time.trim()));
  let otherPeriods = 0;
  let skippedAggregates = 0;
  const figures: PopulationFigure[] = [];
  for (const o of observations) {
    let area = areaOf(o.area);
    if (area.kind === 'unknown' && o.areaLabel) area = areaOf(o.areaLabel);
    if (area.kind === 'aggregate') {
      skippedAggregates++;
      continue;
    }
    const time = o.time.trim();
    let year: number | null = /^\d{4}$/.test(time) ? Number(time) : null;
    if (subYear) {
      const period = SUB_YEAR.exec(time);
      if (period && (period[3] ?? period[4]) !== (period[3] ? '12' : '4')) {
        otherPeriods++;
        continue;
      }
      year = period ? Number(period[1]) : null;
    }
    const band = o.age === null ? { from: 0, to: OPEN_AGE } : parseAgeBand(o.age);
    figures.push({
      at: o.at,
      row: o.row,
      municipalityCode: area.kind === 'municipality' ? area.code : o.area.trim(),
      ...(area.kind === 'municipality' && area.joinedFrom ? { joinedFrom: area.joinedFrom } : {}),
      year,
      ageFrom: band?.from ?? -1,
      ageTo: band?.to ?? -1,
      count: parseCount(o.value),
    });
  }
  if (subYear) notes.push({ code: 'year_end_months', count: otherPeriods, message: `Monthly or quarterly figures: each year's last month or quarter is taken as its year-end population; ${otherPeriods} figures of other months or quarters were not used.` });
  if (figures.length === 0) {
    if (otherPeriods > 0) throw new PopulationFileError('the file has no year-end month (December) or last quarter to take a year\'s figure from');
    if (skippedAggregates > 0) throw new PopulationFileError(`the file has figures only for the whole country or regions (${skippedAggregates}); choose municipalities (Alue / Kunta) when downloading`);
    throw new PopulationFileError('the file holds no population figures');
  }
  return { figures, skippedAggregates, notes };
}


/** Figures of former municipalities are added to the municipality they joined. */
export function withMergersAdded(figures: readonly PopulationFigure[]): PopulationFigure[] {
  const key = (f: PopulationFigure) => `${municipalityYearOf(f)}/${f.ageFrom}-${f.ageTo}`;
  const result = figures.filter((f) => !f.joinedFrom);
  const index = new Map(result.map((f, i) => [key(f), i]));
  for (const moved of figures.filter((f) => f.joinedFrom)) {
    const i = index.get(key(moved));
    if (i === undefined) index.set(key(moved), result.push(moved) - 1);
    else result[i] = { ...result[i]!, count: result[i]!.count === null || moved.count === null ? null : result[i]!.count! + moved.count };
  }
  return result;
}

/**
 * The bands a municipality's year is stored in: single years up to the last age the projection
 * reads, the ages above it summed into one band when they follow one another (a single-year table
 * has a hundred of them), and the total added from the ages when the file has every age but no total.
 */
export function bandsToStore(figures: readonly PopulationFigure[], notes: PopulationNote[]): PopulationFigure[] {
  const byPair = new Map<string, PopulationFigure[]>();
  for (const f of figures) {
    const pair = byPair.get(municipalityYearOf(f));
    if (pair) pair.push(f);
    else byPair.set(municipalityYearOf(f), [f]);
  }
  const result: PopulationFigure[] = [];
  let summedOlder = 0;
  let totalsAdded = 0;
  for (const pair of byPair.values()) {
    const total = pair.find(isTotalFigure);
    const bands = pair.filter((f) => !isTotalFigure(f)).sort((a, b) => a.ageFrom - b.ageFrom);
    const older = bands.filter((b) => b.ageFrom > LAST_PROJECTED_AGE);
    const kept = bands.filter((b) => b.ageFrom <= LAST_PROJECTED_AGE);
    if (older.length > 1 && contiguous(older)) {
      kept.push({ ...older[0]!, ageTo: older.at(-1)!.ageTo, count: older.reduce((sum, b) => sum + b.count!, 0) });
      summedOlder++;
    } else kept.push(...older);
    if (total) kept.push(total);
    else if (bands.length > 1 && bands[0]!.ageFrom === 0 && bands.at(-1)!.ageTo === OPEN_AGE && contiguous(bands)) {
      kept.push({ ...bands[0]!, ageTo: OPEN_AGE, count: bands.reduce((sum, b) => sum + b.count!, 0) });
      totalsAdded++;
    }
    result.push(...kept);
  }
  if (summedOlder > 0) notes.push({ code: 'older_ages_banded', count: summedOlder, message: `Ages over ${LAST_PROJECTED_AGE} are kept as one band per municipality and year (${summedOlder}); the cohort projection reads single years up to ${LAST_PROJECTED_AGE}.` });
  if (totalsAdded > 0) notes.push({ code: 'totals_added', count: totalsAdded, message: `The file has no total over the ages: it was added up from the ages for ${totalsAdded} municipality-years.` });
  return result;
}

const contiguous = (bands: readonly PopulationFigure[]) => bands.every((b, i) => i === 0 || b.ageFrom === bands[i - 1]!.ageTo + 1);
