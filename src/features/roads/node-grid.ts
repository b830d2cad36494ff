import { distance } from 'geokdbush';

/** geokdbush's earth radius: its `distance` is what every snapped kilometre is measured with. */
const GEOKDBUSH_EARTH_RADIUS_KM = 6371;
const RADIANS = Math.PI / 180;
const CELL_DEGREES = { lat: 0.02, lon: 0.04 };
/** Beyond this many cells (an extract of half a continent) the cells grow instead. */
const MAX_CELLS = 4_000_000;
/** Rings of cells looked at before leaving a point to a wider search. */
const MAX_RINGS = 4;

/**
 * Road nodes by cell of a latitude/longitude grid (cells of about 2 km), for the nearest node of
 * a point that has one within a few kilometres: the nodes of the cells around it are all it compares.
 * Typed arrays throughout: a population grid snaps hundreds of thousands of points at once.
 */
export class NodeGrid {
  readonly #south: number;
  readonly #west: number;
  readonly #cellLat: number;
  readonly #cellLon: number;
  readonly #rows: number;
  readonly #columns: number;
  /** The nodes of cell k are `#members[#start[k]]` up to `#members[#start[k + 1] - 1]`. */
  readonly #start: Int32Array;
  readonly #members: Int32Array;

  constructor(
    private readonly lat: Float32Array,
    private readonly lon: Float32Array,
  ) {
    let [south, north, west, east] = [Infinity, -Infinity, Infinity, -Infinity];
    for (let i = 0; i < lat.length; i++) {
      [south, north] = [Math.min(south, lat[i]!), Math.max(north, lat[i]!)];
      [west, east] = [Math.min(west, lon[i]!), Math.max(east, lon[i]!)];
    }
    const scale = Math.max(1, Math.sqrt((((north - south) / CELL_DEGREES.lat + 1) * ((east - west) / CELL_DEGREES.lon + 1)) / MAX_CELLS));
    [this.#south, this.#west, this.#cellLat, this.#cellLon] = [south, west, CELL_DEGREES.lat * scale, CELL_DEGREES.lon * scale];
    this.#rows = Math.floor((north - south) / this.#cellLat) + 1;
    this.#columns = Math.floor((east - west) / this.#cellLon) + 1;
    const cellOf = new Int32Array(lat.length);
    this.#start = new Int32Array(this.#rows * this.#columns + 1);
    for (let i = 0; i < lat.length; i++) {
      cellOf[i] = this.#row(lat[i]!) * this.#columns + this.#column(lon[i]!);
      this.#start[cellOf[i]! + 1]!++;
    }
    for (let k = 0; k < this.#rows * this.#columns; k++) this.#start[k + 1]! += this.#start[k]!;
    const filled = this.#start.slice(0, -1);
    this.#members = new Int32Array(lat.length);
    for (let i = 0; i < lat.length; i++) this.#members[filled[cellOf[i]!]!++] = i;
  }

  /**
   * The nearest node within `withinKm` and its distance, null when there is none; undefined when
   * the cells up to a few rings around the point cannot tell (the caller searches wider). Ring by
   * ring, the nearest node so far is the answer once no point outside the rings can be nearer.
   * Ties go to the lower node.
   */
  nearest(pointLat: number, pointLon: number, withinKm: number): { node: number; km: number } | null | undefined {
    const row = Math.floor((pointLat - this.#south) / this.#cellLat);
    const column = Math.floor((pointLon - this.#west) / this.#cellLon);
    let node = -1;
    let km = Infinity;
    for (let ring = 1; ring <= MAX_RINGS; ring++) {
      for (let r = Math.max(0, row - ring); r <= Math.min(this.#rows - 1, row + ring); r++) {
        // Only the cells this ring adds: its border, the whole block on the first ring.
        const border = ring > 1 && Math.abs(r - row) < ring;
        const step = border ? 2 * ring : 1;
        for (let c = column - ring; c <= column + ring; c += step) {
          if (c < 0 || c >= this.#columns) continue;
          const cell = r * this.#columns + c;
          for (let m = this.#start[cell]!; m < this.#start[cell + 1]!; m++) {
            const candidate = this.#members[m]!;
            const candidateKm = distance(pointLon, pointLat, this.lon[candidate]!, this.lat[candidate]!);
            if (candidateKm < km || (candidateKm === km && candidate < node)) [node, km] = [candidate, candidateKm];
          }
        }
      }
      const outside = this.#nearestOutsideKm(pointLat, pointLon, row, column, ring);
      if (km <= outside) return km <= withinKm ? { node, km } : null;
      if (outside >= withinKm) return null;
    }
    return undefined;
  }

  /**
   * At least how far every point outside the cells within `ring` of the point's is, a little
   * under: the nearer latitude edge, or the nearer longitude edge (that meridian's great circle).
   */
  #nearestOutsideKm(pointLat: number, pointLon: number, row: number, column: number, ring: number): number {
    const south = this.#south + (row - ring) * this.#cellLat;
    const west = this.#west + (column - ring) * this.#cellLon;
    const latGap = Math.min(pointLat - south, south + (2 * ring + 1) * this.#cellLat - pointLat);
    const lonGap = Math.min(pointLon - west, west + (2 * ring + 1) * this.#cellLon - pointLon);
    if (latGap <= 0 || lonGap <= 0) return 0;
    const acrossLon = Math.asin(Math.min(1, Math.cos(pointLat * RADIANS) * Math.sin(Math.min(90, lonGap) * RADIANS)));
    return 0.999 * GEOKDBUSH_EARTH_RADIUS_KM * Math.min(latGap * RADIANS, acrossLon);
  }

  #row(lat: number) {
    return Math.min(this.#rows - 1, Math.floor((lat - this.#south) / this.#cellLat));
  }

  #column(lon: number) {
    return Math.min(this.#columns - 1, Math.floor((lon - this.#west) / this.#cellLon));
  }
}
