import { estimatedMinutesForKm, kmOfChord2, unitVectorOf, type GeoPoint, type TravelEstimateParameters } from './estimate.js';
import { isNearer, type NearestField, type OriginSet } from './nearest-field.js';
import type { TravelDestination } from './travel-time-provider.js';

const RADIANS = Math.PI / 180;

/** Points as unit vectors: the squared chord between two orders them by great-circle distance. */
class UnitVectors {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly z: Float64Array;
  /** Latitude in radians. */
  readonly lat: Float64Array;

  constructor(points: readonly GeoPoint[]) {
    const n = points.length;
    [this.x, this.y, this.z, this.lat] = [new Float64Array(n), new Float64Array(n), new Float64Array(n), new Float64Array(n)];
    points.forEach((p, i) => {
      const unit = unitVectorOf(p);
      this.x[i] = unit.x;
      this.y[i] = unit.y;
      this.z[i] = unit.z;
      this.lat[i] = p.lat * RADIANS;
    });
  }
}

/** The squared chord between the point (px, py, pz) and point k of the vectors, in `greatCircleKm`'s order. */
const chord2To = (v: UnitVectors, k: number, px: number, py: number, pz: number) => (px - v.x[k]!) ** 2 + (py - v.y[k]!) ** 2 + (pz - v.z[k]!) ** 2;

/** The angle between unit vectors a squared chord apart (radians). */
const angleOfChord2 = (chord2: number) => 2 * Math.asin(Math.min(1, Math.sqrt(chord2) / 2));

/** Cells of a small latitude/longitude grid; a class's sites are narrowed once per cell. */
const CELL_DEGREES = { lat: 0.05, lon: 0.1 };
const CELL_KEY_SPAN = 10_000;

/** The origins grouped by grid cell, with each cell's centre and radius. */
class OriginCells {
  readonly centres: UnitVectors;
  /** The angle from a cell's centre beyond which none of the cell lies (its corners', a little over). */
  readonly radius: Float64Array;
  /** The origins of cell c are `members[start[c]]` up to `members[start[c + 1] - 1]`. */
  readonly start: Int32Array;
  readonly members: Int32Array;

  constructor(points: readonly GeoPoint[]) {
    const cellOf = new Int32Array(points.length);
    const keys = new Map<number, number>();
    points.forEach((p, i) => {
      // Latitude and longitude counted from −90° and −180°: every part of the key is non-negative.
      const key = Math.floor((p.lat + 90) / CELL_DEGREES.lat) * CELL_KEY_SPAN + Math.floor((p.lon + 180) / CELL_DEGREES.lon);
      let cell = keys.get(key);
      if (cell === undefined) keys.set(key, (cell = keys.size));
      cellOf[i] = cell;
    });
    this.start = new Int32Array(keys.size + 1);
    for (const cell of cellOf) this.start[cell + 1]!++;
    for (let c = 0; c < keys.size; c++) this.start[c + 1]! += this.start[c]!;
    const filled = this.start.slice(0, keys.size);
    this.members = new Int32Array(points.length);
    cellOf.forEach((cell, i) => (this.members[filled[cell]!++] = i));
    const corners = [...keys.keys()].map((key) => {
      const south = Math.floor(key / CELL_KEY_SPAN) * CELL_DEGREES.lat - 90;
      const west = (key % CELL_KEY_SPAN) * CELL_DEGREES.lon - 180;
      return { south, west, north: south + CELL_DEGREES.lat, east: west + CELL_DEGREES.lon };
    });
    this.centres = new UnitVectors(corners.map((c) => ({ lat: (c.south + c.north) / 2, lon: (c.west + c.east) / 2 })));
    this.radius = Float64Array.from(corners, (c) => {
      const centre = new UnitVectors([{ lat: (c.south + c.north) / 2, lon: (c.west + c.east) / 2 }]);
      const farthest = new UnitVectors([{ lat: c.south, lon: c.west }, { lat: c.north, lon: c.west }]);
      const chord2 = Math.max(...[0, 1].map((k) => chord2To(farthest, k, centre.x[0]!, centre.y[0]!, centre.z[0]!)));
      return angleOfChord2(chord2) * 1.01;
    });
  }
}

/** Origins for nearest-site fields by the estimate, whose minutes grow with great-circle distance. */
export class EstimateOrigins implements OriginSet {
  readonly vectors: UnitVectors;
  readonly cells: OriginCells;

  constructor(
    origins: readonly GeoPoint[],
    readonly parameters: TravelEstimateParameters,
  ) {
    this.vectors = new UnitVectors(origins);
    this.cells = new OriginCells(origins);
  }

  get size() {
    return this.vectors.x.length;
  }

  nearest(sites: readonly TravelDestination[]): NearestField {
    return new EstimateNearestField(this, sites);
  }
}

/**
 * The nearest site of each origin: among the class's sites sorted by latitude, walk outward from
 * the origin's latitude and stop once the latitude difference alone exceeds the angle to the best
 * site so far (no site farther in latitude can be nearer). Finland is long from south to north,
 * so few sites are looked at. Closing re-walks only the origins the site served; opening compares
 * every origin with the one new site.
 */
class EstimateNearestField implements NearestField {
  readonly minutes: Float64Array;
  readonly site: Int32Array;
  /** Squared chord to the nearest site, per origin: what opening a site compares with. */
  readonly #chord2: Float64Array;
  readonly #sites = new Map<number, TravelDestination>();
  #sorted!: SortedSites;

  constructor(
    private readonly origins: EstimateOrigins,
    sites: readonly TravelDestination[],
  ) {
    this.minutes = new Float64Array(origins.size).fill(Infinity);
    this.site = new Int32Array(origins.size).fill(-1);
    this.#chord2 = new Float64Array(origins.size).fill(Infinity);
    for (const s of sites) this.#sites.set(s.id, s);
    this.#sortSites();
    this.#walkAll(null);
  }

  modelAt(origin: number) {
    return this.site[origin]! < 0 ? null : 'estimate';
  }

  close(siteId: number): void {
    if (!this.#sites.delete(siteId)) return;
    this.#sortSites();
    const served: number[] = [];
    for (let o = 0; o < this.origins.size; o++) if (this.site[o] === siteId) served.push(o);
    this.#walkAll(Int32Array.from(served));
  }

  open(site: TravelDestination): void {
    this.close(site.id);
    this.#sites.set(site.id, site);
    this.#sortSites();
    const at = new UnitVectors([site]);
    const { x, y, z } = this.origins.vectors;
    for (let o = 0; o < this.origins.size; o++) {
      const chord2 = chord2To(at, 0, x[o]!, y[o]!, z[o]!);
      if (isNearer(chord2, site.id, this.#chord2[o]!, this.site[o]!)) this.#take(o, site.id, chord2);
    }
  }

  #sortSites() {
    const ordered = [...this.#sites.values()].sort((a, b) => a.lat - b.lat);
    this.#sorted = { ids: Int32Array.from(ordered, (s) => s.id), vectors: new UnitVectors(ordered) };
  }

  #take(origin: number, siteId: number, chord2: number) {
    this.site[origin] = siteId;
    this.#chord2[origin] = chord2;
    this.minutes[origin] = this.#minutesOf(chord2);
  }

  #minutesOf(chord2: number) {
    return estimatedMinutesForKm(kmOfChord2(chord2), this.origins.parameters);
  }

  /** Finds the nearest site afresh for these origins (all, cell by cell, when null). */
  #walkAll(only: Int32Array | null) {
    const count = only ? only.length : this.origins.size;
    if (only) for (const o of only) this.#walkOne(o);
    else nearestByCells(this.#sorted, this.origins, this.site, this.#chord2);
    for (let i = 0; i < count; i++) {
      const o = only ? only[i]! : i;
      this.minutes[o] = this.site[o]! < 0 ? Infinity : this.#minutesOf(this.#chord2[o]!);
    }
  }

  #walkOne(origin: number) {
    const { x, y, z, lat } = this.origins.vectors;
    const k = nearestInLatitudeOrder(this.#sorted, x[origin]!, y[origin]!, z[origin]!, lat[origin]!);
    this.site[origin] = k < 0 ? -1 : this.#sorted.ids[k]!;
    this.#chord2[origin] = k < 0 ? Infinity : foundChord2;
  }
}

interface SortedSites {
  ids: Int32Array;
  vectors: UnitVectors;
}

/** The squared chord to the site `nearestInLatitudeOrder` found last: its second result. */
let foundChord2 = Infinity;

/** The position of the first site not south of this latitude. */
function firstNotSouthOf(lat: Float64Array, plat: number): number {
  let low = 0;
  let high = lat.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (lat[mid]! < plat) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The position (in `sorted`) of the site nearest to the point, −1 when there is none: walk
 * outward from the point's latitude, and stop once the latitude difference alone exceeds the
 * angle to the best site so far. A plain function of numbers and typed arrays: it runs millions
 * of times.
 */
function nearestInLatitudeOrder(sorted: SortedSites, px: number, py: number, pz: number, plat: number): number {
  const { ids } = sorted;
  const { lat } = sorted.vectors;
  const n = ids.length;
  let best = -1;
  let bestChord2 = Infinity;
  let bestAngle = Infinity;
  let up = firstNotSouthOf(lat, plat);
  let down = up - 1;
  while (up < n || down >= 0) {
    const upGap = up < n ? lat[up]! - plat : Infinity;
    const downGap = down >= 0 ? plat - lat[down]! : Infinity;
    if (upGap > bestAngle && downGap > bestAngle) break;
    const k = upGap <= downGap ? up++ : down--;
    const chord2 = chord2To(sorted.vectors, k, px, py, pz);
    if (isNearer(chord2, ids[k]!, bestChord2, best < 0 ? -1 : ids[best]!)) {
      best = k;
      bestChord2 = chord2;
      bestAngle = angleOfChord2(chord2);
    }
  }
  foundChord2 = bestChord2;
  return best;
}

/**
 * Every origin's nearest site, cell by cell. Within a cell of radius r whose centre is d from its
 * nearest site, an origin's nearest site is at most d + r from the origin, so at most d + 2r from
 * the centre: those few candidates are all an origin of the cell compares.
 */
function nearestByCells(sorted: SortedSites, origins: EstimateOrigins, site: Int32Array, chord2Out: Float64Array) {
  const { ids } = sorted;
  const { lat } = sorted.vectors;
  const { centres, radius, start, members } = origins.cells;
  const { x: ox, y: oy, z: oz } = origins.vectors;
  const n = ids.length;
  const candidates = new Int32Array(n);
  for (let c = 0; c < radius.length; c++) {
    const cx = centres.x[c]!;
    const cy = centres.y[c]!;
    const cz = centres.z[c]!;
    const clat = centres.lat[c]!;
    const nearest = nearestInLatitudeOrder(sorted, cx, cy, cz, clat);
    let count = 0;
    if (nearest >= 0) {
      const limit = angleOfChord2(foundChord2) + 2 * radius[c]!;
      const limitChord2 = limit >= Math.PI ? Infinity : (2 * Math.sin(limit / 2)) ** 2;
      for (let k = firstNotSouthOf(lat, clat - limit); k < n && lat[k]! <= clat + limit; k++) {
        const chord2 = chord2To(sorted.vectors, k, cx, cy, cz);
        if (chord2 <= limitChord2) candidates[count++] = k;
      }
    }
    for (let m = start[c]!; m < start[c + 1]!; m++) {
      const o = members[m]!;
      const px = ox[o]!;
      const py = oy[o]!;
      const pz = oz[o]!;
      let best = -1;
      let bestChord2 = Infinity;
      for (let j = 0; j < count; j++) {
        const k = candidates[j]!;
        const chord2 = chord2To(sorted.vectors, k, px, py, pz);
        if (isNearer(chord2, ids[k]!, bestChord2, best < 0 ? -1 : ids[best]!)) {
          best = k;
          bestChord2 = chord2;
        }
      }
      site[o] = best < 0 ? -1 : ids[best]!;
      chord2Out[o] = bestChord2;
    }
  }
}
