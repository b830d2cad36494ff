export interface ColourClass {
  upTo: number;
  colour: string;
  label: string;
}

/** Five sequential blues (ColorBrewer "Blues", colour-blind safe), light = low. */
const BLUES = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'];

/**
 * Up to five classes with about as many municipalities in each (quantiles of the values),
 * labelled with their ranges by `format`.
 */
export function quantileClasses(values: readonly number[], format: (n: number) => string): ColourClass[] {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const bounds = [...new Set(Array.from({ length: 5 }, (_, i) => sorted[Math.min(sorted.length - 1, Math.ceil(((i + 1) * sorted.length) / 5) - 1)]!))];
  return bounds.map((upTo, i) => ({
    upTo,
    colour: BLUES[Math.round((i * (BLUES.length - 1)) / Math.max(1, bounds.length - 1))]!,
    label: i === 0 ? `≤ ${format(upTo)}` : `${format(bounds[i - 1]!)} – ${format(upTo)}`,
  }));
}
