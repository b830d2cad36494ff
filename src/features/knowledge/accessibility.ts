/**
 * Accessibility of education from one origin (a municipality's centre): for each class of
 * offering (lukio, vocational, any upper-secondary), the travel time to the nearest on-site
 * offering and how many on-site offerings lie within 30, 45 and 60 minutes. Pure.
 */

export const ACCESS_CLASSES = ['lukio', 'vocational', 'any'] as const;
export type AccessClass = (typeof ACCESS_CLASSES)[number];
export const THRESHOLDS = [30, 45, 60] as const;
export type Threshold = (typeof THRESHOLDS)[number];

/** On-site offerings per site and class. */
export type SiteOfferings = ReadonlyMap<number, Readonly<Record<AccessClass, number>>>;

export interface Accessibility {
  nearestMinutes: Record<AccessClass, number | null>;
  /** The site of each nearest offering (the lowest id among equally near ones). */
  nearestSite: Record<AccessClass, number | null>;
  reachable: Record<Threshold, Record<AccessClass, number>>;
}

export function accessibilityFrom(minutesBySite: ReadonlyMap<number, number>, offerings: SiteOfferings): Accessibility {
  const nearestMinutes: Record<AccessClass, number | null> = { lukio: null, vocational: null, any: null };
  const nearestSite: Record<AccessClass, number | null> = { lukio: null, vocational: null, any: null };
  const reachable = Object.fromEntries(THRESHOLDS.map((t) => [t, { lukio: 0, vocational: 0, any: 0 }])) as Accessibility['reachable'];
  for (const [siteId, counts] of offerings) {
    const minutes = minutesBySite.get(siteId);
    if (minutes === undefined) continue;
    for (const kind of ACCESS_CLASSES) {
      if (counts[kind] === 0) continue;
      const current = nearestMinutes[kind];
      if (current === null || minutes < current || (minutes === current && siteId < nearestSite[kind]!)) {
        nearestMinutes[kind] = minutes;
        nearestSite[kind] = siteId;
      }
      for (const t of THRESHOLDS) if (minutes <= t) reachable[t][kind] += counts[kind];
    }
  }
  return { nearestMinutes, nearestSite, reachable };
}

/** Share of the people (weights) whose nearest offering of each class is within each threshold. */
export function shareWithin(origins: readonly { people: number; nearestMinutes: Record<AccessClass, number | null> }[]) {
  const total = origins.reduce((sum, o) => sum + o.people, 0);
  return Object.fromEntries(
    ACCESS_CLASSES.map((kind) => [
      kind,
      Object.fromEntries(
        THRESHOLDS.map((t) => {
          const within = origins.filter((o) => o.nearestMinutes[kind] !== null && o.nearestMinutes[kind]! <= t).reduce((sum, o) => sum + o.people, 0);
          return [t, total === 0 ? null : within / total];
        }),
      ),
    ]),
  ) as Record<AccessClass, Record<Threshold, number | null>>;
}
