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
