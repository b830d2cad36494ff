/**
 * Typical driving speeds by OpenStreetMap road class (`highway=*`), in km/h: averages over a
 * stretch with its bends and junctions, not the limits. A lower posted `maxspeed` wins. Classes
 * not listed (tracks, paths, footways, roads under construction) are not driven to school.
 */
export const ROAD_SPEEDS_KMH: Readonly<Record<string, number>> = {
  motorway: 100,
  trunk: 85,
  primary: 75,
  secondary: 65,
  tertiary: 55,
  unclassified: 45,
  road: 40,
  residential: 30,
  motorway_link: 60,
  trunk_link: 50,
  primary_link: 45,
  secondary_link: 40,
  tertiary_link: 35,
  living_street: 15,
  service: 15,
};

/** Finnish default limits named in `maxspeed` instead of a number. */
const NAMED_LIMITS_KMH: Readonly<Record<string, number>> = { 'FI:urban': 50, 'FI:rural': 80, 'FI:motorway': 120, 'FI:living_street': 20 };

/** Driving speed on a road, or null when the road is not for cars. */
export function roadSpeedKmh(highway: string | undefined, maxspeed?: string): number | null {
  const typical = highway === undefined ? undefined : ROAD_SPEEDS_KMH[highway];
  if (typical === undefined) return null;
  const limit = postedLimitKmh(maxspeed);
  return limit === null ? typical : Math.min(typical, limit);
}

function postedLimitKmh(maxspeed: string | undefined): number | null {
  if (!maxspeed) return null;
  const named = NAMED_LIMITS_KMH[maxspeed.trim()];
  if (named !== undefined) return named;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(mph)?\s*$/.exec(maxspeed);
  if (!match) return null;
  const value = Number(match[1]) * (match[2] ? 1.609344 : 1);
  return value > 0 ? value : null;
}
