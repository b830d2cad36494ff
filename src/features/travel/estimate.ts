/**
 * Travel time v1: a transparent estimate from coordinates alone.
 *
 *   minutes = overhead + (great-circle km × circuity) ÷ speed × 60
 *
 * Circuity turns the straight line into a road distance (Finnish rural roads: about 1.2–1.4);
 * speed is the average door-to-door driving speed; overhead covers walking, parking and waiting.
 * Every region sets its own three parameters. See docs/travel-time.md.
 */

export interface GeoPoint {
  lat: number;
  lon: number;
}

export interface TravelEstimateParameters {
  circuity: number;
  speedKmh: number;
  overheadMinutes: number;
}

export const DEFAULT_TRAVEL_PARAMETERS: TravelEstimateParameters = {
  circuity: 1.25,
  speedKmh: 70,
  overheadMinutes: 5,
};

export const EARTH_RADIUS_KM = 6371.0088;
const RADIANS = Math.PI / 180;

export interface UnitVector {
  x: number;
  y: number;
  z: number;
}

/** The point on the unit sphere: the squared chord between two orders them by great-circle distance. */
export function unitVectorOf(p: GeoPoint): UnitVector {
  const lat = p.lat * RADIANS;
  const lon = p.lon * RADIANS;
  return { x: Math.cos(lat) * Math.cos(lon), y: Math.cos(lat) * Math.sin(lon), z: Math.sin(lat) };
}

/**
 * The great-circle km between points a squared chord apart (the haversine formula, rearranged).
 * Nearest-site fields compare squared chords and convert with this same function, so their
 * minutes equal the estimate's to the last bit.
 */
export const kmOfChord2 = (chord2: number) => 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(chord2) / 2));

/** Great-circle distance in kilometres. */
export function greatCircleKm(a: GeoPoint, b: GeoPoint): number {
  const u = unitVectorOf(a);
  const v = unitVectorOf(b);
  return kmOfChord2((u.x - v.x) ** 2 + (u.y - v.y) ** 2 + (u.z - v.z) ** 2);
}

/** Estimated one-way travel time in whole minutes (rounded up: a promise of "within N" must hold). */
export function estimateTravelMinutes(from: GeoPoint, to: GeoPoint, parameters: TravelEstimateParameters): number {
  return estimatedMinutesForKm(greatCircleKm(from, to), parameters);
}

/** The estimate for a great-circle distance already known. */
export function estimatedMinutesForKm(km: number, parameters: TravelEstimateParameters): number {
  return Math.ceil(parameters.overheadMinutes + ((km * parameters.circuity) / parameters.speedKmh) * 60);
}

/** A region's stored travel parameters. */
export const travelParametersOf = (region: { travel_circuity: number; travel_speed_kmh: number; travel_overhead_minutes: number }): TravelEstimateParameters => ({
  circuity: region.travel_circuity,
  speedKmh: region.travel_speed_kmh,
  overheadMinutes: region.travel_overhead_minutes,
});

/** Site-to-site minutes by the estimate, for the sites given by id. */
export function siteToSiteMinutes(sites: ReadonlyMap<number, GeoPoint>, parameters: TravelEstimateParameters) {
  return (a: number, b: number) => estimateTravelMinutes(sites.get(a)!, sites.get(b)!, parameters);
}
