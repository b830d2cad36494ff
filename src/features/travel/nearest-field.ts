import type { TravelDestination, TravelModel } from './travel-time-provider.js';

/**
 * For a fixed set of origins, each origin's travel time to the nearest site of one class (say,
 * every site with a lukio), kept exact as sites close and open; a site that moves closes and
 * opens again. Minutes are whole, as every provider gives them. Of equally near sites, the
 * estimate and a combination of fields take the lower site id; on the roads, the one whose
 * search reached the origin's node first.
 */
export interface NearestField {
  /** Per origin, in the order the origins were given; Infinity when the class has no site. */
  readonly minutes: Float64Array;
  /** The nearest site per origin; −1 when none. */
  readonly site: Int32Array;
  modelAt(origin: number): TravelModel | null;
  /** Closing a site the field does not hold changes nothing. */
  close(siteId: number): void;
  open(site: TravelDestination): void;
}

/** Origins prepared once (projected, snapped to the roads) for the fields of many classes. */
export interface OriginSet {
  readonly size: number;
  nearest(sites: readonly TravelDestination[]): NearestField;
}

/** Does (minutes, site) come before the best so far? Nearer first, then the lower site id. */
export const isNearer = (minutes: number, site: number, bestMinutes: number, bestSite: number) =>
  minutes < bestMinutes || (minutes === bestMinutes && site >= 0 && (bestSite < 0 || site < bestSite));

export interface FieldPart {
  field: NearestField;
  /** Origin i of the part is origin `origins[i]` of the whole; all origins in order when absent. */
  origins?: Int32Array;
}

/**
 * The minimum of several fields over the same origins: sites timed by different models (each
 * region's own, or the road network and the estimate for what lies off it). `partsFor` names the
 * parts a newly opened site belongs to; a closing is passed to every part.
 */
export class CombinedNearestField implements NearestField {
  readonly minutes: Float64Array;
  readonly site: Int32Array;
  readonly #fromPart: Int32Array;
  readonly #fromIndex: Int32Array;

  constructor(
    size: number,
    private readonly parts: readonly FieldPart[],
    private readonly partsFor: (site: TravelDestination) => readonly NearestField[],
  ) {
    this.minutes = new Float64Array(size);
    this.site = new Int32Array(size);
    this.#fromPart = new Int32Array(size);
    this.#fromIndex = new Int32Array(size);
    this.#refresh();
  }

  modelAt(origin: number): TravelModel | null {
    const part = this.#fromPart[origin]!;
    return part < 0 ? null : this.parts[part]!.field.modelAt(this.#fromIndex[origin]!);
  }

  close(siteId: number): void {
    for (const part of this.parts) part.field.close(siteId);
    this.#refresh();
  }

  open(site: TravelDestination): void {
    for (const field of this.partsFor(site)) field.open(site);
    this.#refresh();
  }

  #refresh() {
    this.minutes.fill(Infinity);
    this.site.fill(-1);
    this.#fromPart.fill(-1);
    this.parts.forEach(({ field, origins }, p) => {
      for (let i = 0; i < field.minutes.length; i++) {
        const o = origins ? origins[i]! : i;
        if (isNearer(field.minutes[i]!, field.site[i]!, this.minutes[o]!, this.site[o]!)) {
          this.minutes[o] = field.minutes[i]!;
          this.site[o] = field.site[i]!;
          this.#fromPart[o] = p;
          this.#fromIndex[o] = i;
        }
      }
    });
  }
}
