import type { GeoPoint } from '../travel/estimate.js';
import { CombinedNearestField, type NearestField, type OriginSet } from '../travel/nearest-field.js';
import type { TravelDestination, TravelModel, TravelTimeProvider } from '../travel/travel-time-provider.js';

/** A site and the classes of education it offers on site; timed with its own region's model. */
export interface ClassedSite extends TravelDestination {
  regionId: number;
  classes: readonly string[];
}

export interface Nearest {
  minutes: number | null;
  site: number | null;
  model: TravelModel | null;
}

/**
 * From every origin (a municipality's centre; a population grid when one is imported), the travel
 * time to the nearest site of each class, and the population-weighted share of origins within a
 * threshold. Built once per set of origins and travel models; when sites close, open, move or
 * change classes, `update` repairs only what changed (see `NearestField`). Pure: the caller reads
 * sites and providers.
 */
export class AccessibilityFields<C extends string> {
  readonly #fields = new Map<C, NearestField>();
  readonly #sites = new Map<number, ClassedSite>();
  #people: Float64Array;
  #totalPeople: number;
  /** People within each threshold, per class, for the thresholds of `#withinKey`; a class whose field changes is dropped. */
  readonly #within = new Map<C, Float64Array>();
  #withinKey = '';

  constructor(
    readonly origins: readonly GeoPoint[],
    private readonly providers: ReadonlyMap<number, TravelTimeProvider>,
    readonly classes: readonly C[],
    sites: readonly ClassedSite[],
  ) {
    this.#people = new Float64Array(origins.length).fill(1);
    this.#totalPeople = origins.length;
    const timed = sites.filter((s) => providers.has(s.regionId));
    for (const site of timed) this.#sites.set(site.id, site);
    const originSets = new Map<number, OriginSet>([...providers].map(([regionId, provider]) => [regionId, provider.origins(origins)]));
    for (const c of classes) {
      const byRegion = new Map<number, NearestField>();
      for (const [regionId, set] of originSets) byRegion.set(regionId, set.nearest(timed.filter((s) => s.regionId === regionId && s.classes.includes(c))));
      const parts = [...byRegion.values()];
      this.#fields.set(c, parts.length === 1 ? parts[0]! : new CombinedNearestField(origins.length, parts.map((field) => ({ field })), (site) => [byRegion.get((site as ClassedSite).regionId)!]));
    }
  }

  /** Were these fields built for the same origins and travel models? Then `update` is enough. */
  fits(origins: readonly GeoPoint[], providers: ReadonlyMap<number, TravelTimeProvider>): boolean {
    return (
      origins.length === this.origins.length &&
      origins.every((o, i) => o.lat === this.origins[i]!.lat && o.lon === this.origins[i]!.lon) &&
      providers.size === this.providers.size &&
      [...providers].every(([regionId, provider]) => this.providers.get(regionId) === provider)
    );
  }

  /** Brings every class to these sites; returns how many sites closed, opened or changed. */
  update(sites: readonly ClassedSite[]): number {
    const next = new Map(sites.filter((s) => this.providers.has(s.regionId)).map((s) => [s.id, s]));
    const changed = new Set<number>();
    for (const [id, before] of this.#sites) {
      const after = next.get(id);
      if (after && sameSite(before, after)) continue;
      changed.add(id);
      for (const c of before.classes) this.#fields.get(c as C)?.close(id);
      for (const c of before.classes) this.#within.delete(c as C);
      this.#sites.delete(id);
    }
    for (const [id, site] of next) {
      if (this.#sites.has(id)) continue;
      changed.add(id);
      for (const c of site.classes) this.#fields.get(c as C)?.open(site);
      for (const c of site.classes) this.#within.delete(c as C);
      this.#sites.set(id, site);
    }
    return changed.size;
  }

  /**
   * People per origin, for the shares, and people with no origin (a municipality without a
   * central locality): in the total, never within reach. The same people again keep the counts.
   */
  setPeople(people: readonly number[], unplaced = 0) {
    const total = people.reduce((sum, p) => sum + p, 0) + unplaced;
    if (total === this.#totalPeople && people.length === this.#people.length && people.every((p, o) => p === this.#people[o])) return;
    this.#people = Float64Array.from(people);
    this.#totalPeople = total;
    this.#within.clear();
  }

  nearest(c: C, origin: number): Nearest {
    const field = this.#fields.get(c)!;
    const minutes = field.minutes[origin]!;
    return minutes === Infinity ? { minutes: null, site: null, model: null } : { minutes, site: field.site[origin]!, model: field.modelAt(origin) };
  }

  /**
   * Of all people, the share whose nearest site of each class is within each threshold; null
   * without people. Only classes whose field changed since the last call are counted again.
   */
  sharesWithin<T extends number>(thresholds: readonly T[]): Record<C, Record<T, number | null>> {
    const key = thresholds.join(',');
    if (key !== this.#withinKey) {
      this.#within.clear();
      this.#withinKey = key;
    }
    const shares = {} as Record<C, Record<T, number | null>>;
    for (const [c, field] of this.#fields) {
      let within = this.#within.get(c);
      if (!within) this.#within.set(c, (within = peopleWithin(field.minutes, this.#people, thresholds)));
      shares[c] = Object.fromEntries(thresholds.map((t, k) => [t, this.#totalPeople === 0 ? null : within[k]! / this.#totalPeople])) as Record<T, number | null>;
    }
    return shares;
  }
}

/** Per threshold, the people of the origins whose minutes are within it. */
function peopleWithin(minutes: Float64Array, people: Float64Array, thresholds: readonly number[]): Float64Array {
  const limits = Float64Array.from(thresholds);
  const within = new Float64Array(limits.length);
  for (let o = 0; o < minutes.length; o++) {
    const m = minutes[o]!;
    const p = people[o]!;
    for (let k = 0; k < limits.length; k++) if (m <= limits[k]!) within[k]! += p;
  }
  return within;
}

const sameSite = (a: ClassedSite, b: ClassedSite) =>
  a.lat === b.lat && a.lon === b.lon && a.regionId === b.regionId && a.classes.length === b.classes.length && a.classes.every((c) => b.classes.includes(c));
