/** A set of the nearest sites: every site within `maxMinutes`, ties included. */
export interface TravelRing {
  siteIds: number[];
  maxMinutes: number;
  isLast: boolean;
}

/**
 * Cumulative rings of sites by travel time, about `sizes[i]` sites each, never splitting sites
 * with equal minutes. Searching the nearest ring first finds the first page of a travel-ordered
 * list without touching offerings far away.
 */
export function travelRings(minutesBySite: ReadonlyMap<number, number>, sizes: readonly number[] = [32, 256]): TravelRing[] {
  const sorted = [...minutesBySite].sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  const rings: TravelRing[] = [];
  for (const size of sizes) {
    let end = Math.min(size, sorted.length);
    while (end > 0 && end < sorted.length && sorted[end]![1] === sorted[end - 1]![1]) end++;
    if (end === 0 || end >= sorted.length || rings.at(-1)?.siteIds.length === end) continue;
    rings.push({ siteIds: sorted.slice(0, end).map(([id]) => id), maxMinutes: sorted[end - 1]![1], isLast: false });
  }
  rings.push({ siteIds: sorted.map(([id]) => id), maxMinutes: sorted.at(-1)?.[1] ?? 0, isLast: true });
  return rings;
}
