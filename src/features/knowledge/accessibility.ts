/**
 * Accessibility of education: classes of offering (lukio, vocational, any upper-secondary) and
 * how many on-site offerings of each lie within 30, 45 and 60 minutes of a home. The nearest of
 * each class, from many origins at once, is `AccessibilityFields`. Pure.
 */

export const ACCESS_CLASSES = ['lukio', 'vocational', 'any'] as const;
export type AccessClass = (typeof ACCESS_CLASSES)[number];
export const THRESHOLDS = [30, 45, 60] as const;
export type Threshold = (typeof THRESHOLDS)[number];

/** On-site offerings per site and class. */
export type SiteOfferings = ReadonlyMap<number, Readonly<Record<AccessClass, number>>>;

/** Offerings of each class on the sites within 30, 45 and 60 minutes of one origin. */
export function reachableOfferings(minutesBySite: ReadonlyMap<number, number>, offerings: SiteOfferings): Record<Threshold, Record<AccessClass, number>> {
  const reachable = Object.fromEntries(THRESHOLDS.map((t) => [t, { lukio: 0, vocational: 0, any: 0 }])) as Record<Threshold, Record<AccessClass, number>>;
  for (const [siteId, counts] of offerings) {
    const minutes = minutesBySite.get(siteId);
    if (minutes === undefined) continue;
    for (const kind of ACCESS_CLASSES) for (const t of THRESHOLDS) if (minutes <= t) reachable[t][kind] += counts[kind];
  }
  return reachable;
}
