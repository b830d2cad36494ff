/**
 * The nearest sites that together hold at least `need` offerings, taking every site tied in
 * minutes with the last one: a travel-ordered page can only come from these. `isEverySite` tells
 * that no farther site holds offerings.
 */
export function nearestSitesCovering(
  offeringsBySite: ReadonlyMap<number, number>,
  minutesBySite: ReadonlyMap<number, number>,
  need: number,
): { siteIds: number[]; isEverySite: boolean } {
  const sites = [...offeringsBySite.keys()]
    .filter((id) => minutesBySite.has(id))
    .sort((a, b) => minutesBySite.get(a)! - minutesBySite.get(b)! || a - b);
  let covered = 0;
  let end = 0;
  while (end < sites.length && covered < need) covered += offeringsBySite.get(sites[end++]!)!;
  const lastMinutes = end > 0 ? minutesBySite.get(sites[end - 1]!) : undefined;
  while (end < sites.length && minutesBySite.get(sites[end]!) === lastMinutes) end++;
  return { siteIds: sites.slice(0, end), isEverySite: end === sites.length };
}

/**
 * The first `count` of the sites ordered nearest first (ties at the boundary included), among
 * those within `maxMinutes`: where the first page of a broad search lies.
 */
export function nearestSites(
  nearestFirst: readonly number[],
  minutesBySite: ReadonlyMap<number, number>,
  count: number,
  maxMinutes = Infinity,
): number[] {
  let end = 0;
  while (end < nearestFirst.length && minutesBySite.get(nearestFirst[end]!)! <= maxMinutes) end++;
  const within = nearestFirst.slice(0, end);
  let cut = Math.min(count, within.length);
  const minutes = (i: number) => minutesBySite.get(within[i]!)!;
  while (cut > 0 && cut < within.length && minutes(cut) === minutes(cut - 1)) cut++;
  return within.slice(0, cut);
}
