/** One figure of a population file, before it is checked against the reference data. */
export interface PopulationFigure {
  /** Where in the file: a row number of a CSV, or the data point of a JSON-stat cube, for messages. */
  at: string;
  row: number;
  municipalityCode: string;
  /** The former municipality the figure was published for, when it has since joined `municipalityCode`. */
  joinedFrom?: string;
  year: number | null;
  ageFrom: number;
  ageTo: number;
  /** NaN when the file holds something that is not a number. */
  count: number | null;
}

export const OPEN_AGE = 120;

/** Something an import did that a planner should know, for its summary: a code the UI words, and the words for the CLI. */
export const POPULATION_NOTE_CODES = ['year_end_months', 'older_ages_banded', 'totals_added', 'former_municipalities', 'outside_region', 'ages_incomplete'] as const;

export interface PopulationNote {
  code: (typeof POPULATION_NOTE_CODES)[number];
  count: number;
  message: string;
}

/** A figure's municipality and year: the unit a file's figures replace what is stored by. */
export const municipalityYearOf = (f: PopulationFigure) => `${f.municipalityCode}/${f.year}`;

/** Is the figure a total over every age (0–120)? */
export const isTotalFigure = (f: PopulationFigure) => f.ageFrom === 0 && f.ageTo === OPEN_AGE;

/** The cohort projection reads single years up to this age; older ages are kept as one band. */
export const LAST_PROJECTED_AGE = 19;

/** Do a year's bands cover every age from 0 to 19, each once? Only such a year can be the base of a projection. */
export function coversYoungAges(bands: readonly { age_from: number; age_to: number }[]): boolean {
  let next = 0;
  for (const band of [...bands].sort((a, b) => a.age_from - b.age_from)) {
    if (band.age_from !== next) return false;
    next = band.age_to + 1;
  }
  return next > LAST_PROJECTED_AGE;
}

/**
 * An age band from the labels statistics use: `16`, `016`, `16-17`, `16–17 years`, `85 years or
 * over`, `85-`, `100 -`, `100+`, and totals (`SSS`, `total`, `yhteensä`, `Inhabitants, total`).
 * Null when the label is not an age.
 */
export function parseAgeBand(label: string): { from: number; to: number } | null {
  const text = label.trim().toLowerCase();
  if (/^(sss|total|yhteensä|yhteensa|kaikki|totalt)(?=$|[\s,])/.test(text) || /\btotal\b/.test(text)) return { from: 0, to: OPEN_AGE };
  const range = /^(\d{1,3})\s*[-–]\s*(\d{1,3})\b/.exec(text);
  if (range) return { from: Number(range[1]), to: Number(range[2]) };
  const open = /^(\d{1,3})\s*(\+|[-–]\s*$|\s*(years?\s*)?(or over|and over|-|vuotta täyttäneet|tai yli))/.exec(text);
  if (open) return { from: Number(open[1]), to: OPEN_AGE };
  const single = /^(\d{1,3})(\s*(years?|vuotta|år))?$/.exec(text);
  if (single) return { from: Number(single[1]), to: Number(single[1]) };
  return null;
}

/**
 * A count as statistics print it: spaces (also no-break) as thousands separators, a decimal comma;
 * `..` and `.` for a figure not available (null), `-` for nil (0, Statistics Finland's sign for
 * "magnitude nil"). NaN for anything else.
 */
export function parseCount(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  const text = value.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (text === '' || text === '..' || text === '...' || text === '.') return null;
  if (text === '-' || text === '–') return 0;
  return /^-?\d+([.,]\d+)?$/.test(text) ? Number(text.replace(',', '.')) : Number.NaN;
}
