/** One figure of a population file, before it is checked against the reference data. */
export interface PopulationFigure {
  /** Where in the file: a row number of a CSV, or the data point of a JSON-stat cube, for messages. */
  at: string;
  row: number;
  municipalityCode: string;
  year: number | null;
  ageFrom: number;
  ageTo: number;
  count: number | null;
}

export const OPEN_AGE = 120;

/**
 * Municipalities merged since the oldest statistics we read (2000), by folded name and old code,
 * to the code of the municipality they joined. Their figures are added to it, so that older files
 * fit the current division. Source: Statistics Finland, municipal mergers.
 */
export const MUNICIPAL_MERGERS: ReadonlyMap<string, string> = new Map([
  ['honkajoki', '214'], // Honkajoki joined Kankaanpää in 2021
  ['099', '214'],
  ['pertunmaa', '507'], // Pertunmaa joined Mäntyharju in 2026
  ['588', '507'],
]);

/**
 * An age band from the labels statistics use: `16`, `016`, `16-17`, `16–17 years`, `85 years or
 * over`, `85-`, `100+`, and totals (`SSS`, `total`, `yhteensä`, `Inhabitants, total`).
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

/** `KU854`, `854`, `54` → `854`; aggregates (the whole country `SSS`, regions `MK19`) → null. */
export function municipalityCodeOf(code: string): string | null {
  const text = code.trim().toUpperCase().replace(/^KU/, '');
  return /^\d{1,3}$/.test(text) ? text.padStart(3, '0') : null;
}
