import type { Db } from '../../server/db/database.js';
import { travelParametersOf, type TravelEstimateParameters } from './estimate.js';
import { EstimateTravelTimeProvider, type TravelDestination, type TravelModel, type TravelTimeProvider } from './travel-time-provider.js';

export interface TravelFromHome {
  minutesBySite: ReadonlyMap<number, number>;
  modelBySite: ReadonlyMap<number, TravelModel>;
  /** Site ids by travel time, nearest first (ties by id). */
  nearestFirst: readonly number[];
  /** The same order, of each region's sites: a search within a region looks for its nearest sites there. */
  nearestFirstByRegion: ReadonlyMap<number, readonly number[]>;
}

interface Snapshot {
  loadedAt: number;
  origins: Map<string, { lat: number; lon: number }>;
  sitesByRegion: Map<number, { provider: TravelTimeProvider; sites: TravelDestination[] }>;
  fromHome: Map<string, Promise<TravelFromHome>>;
}

/** The travel model of a region: the estimate with its parameters, or its road network. */
export type ProviderForRegion = (region: { id: number; parameters: TravelEstimateParameters }) => Promise<TravelTimeProvider>;

export const estimateForEveryRegion: ProviderForRegion = async ({ parameters }) => new EstimateTravelTimeProvider(parameters);

/**
 * Travel times from a home municipality's centre to every site, each site timed with its own
 * region's model. Sites, centres and results are cached for a short time and dropped at once
 * when this process changes a site.
 */
export class SiteTravelTimes {
  #snapshot: Promise<Snapshot> | undefined;

  constructor(
    private readonly db: Db,
    private readonly providerFor: ProviderForRegion = estimateForEveryRegion,
    private readonly maxAgeMs = 60_000,
  ) {}

  invalidate() {
    this.#snapshot = undefined;
  }

  /** Undefined when the municipality is unknown or has no centre point. */
  async fromHome(municipalityCode: string): Promise<TravelFromHome | undefined> {
    const snapshot = await this.#current();
    const origin = snapshot.origins.get(municipalityCode);
    if (!origin) return undefined;
    let result = snapshot.fromHome.get(municipalityCode);
    if (!result) {
      result = this.#compute(snapshot, origin);
      snapshot.fromHome.set(municipalityCode, result);
    }
    return result;
  }

  /** Each region's travel model, and the sites it times: what nearest-site fields are built from. */
  async models(): Promise<{ providers: Map<number, TravelTimeProvider>; sites: (TravelDestination & { regionId: number })[] }> {
    const snapshot = await this.#current();
    const providers = new Map<number, TravelTimeProvider>();
    const sites: (TravelDestination & { regionId: number })[] = [];
    for (const [regionId, region] of snapshot.sitesByRegion) {
      providers.set(regionId, region.provider);
      for (const site of region.sites) sites.push({ ...site, regionId });
    }
    return { providers, sites };
  }

  async #compute(snapshot: Snapshot, origin: { lat: number; lon: number }): Promise<TravelFromHome> {
    const minutesBySite = new Map<number, number>();
    const modelBySite = new Map<number, TravelModel>();
    const regionBySite = new Map<number, number>();
    for (const [regionId, { provider, sites }] of snapshot.sitesByRegion) {
      const times = await provider.minutesFrom(origin, sites);
      for (const [id, minutes] of times.minutes) minutesBySite.set(id, minutes);
      for (const [id, model] of times.models) modelBySite.set(id, model);
      for (const site of sites) regionBySite.set(site.id, regionId);
    }
    const nearestFirst = [...minutesBySite.keys()].sort((a, b) => minutesBySite.get(a)! - minutesBySite.get(b)! || a - b);
    const nearestFirstByRegion = new Map<number, number[]>();
    for (const id of nearestFirst) {
      const regionId = regionBySite.get(id)!;
      const ofRegion = nearestFirstByRegion.get(regionId);
      if (ofRegion) ofRegion.push(id);
      else nearestFirstByRegion.set(regionId, [id]);
    }
    return { minutesBySite, modelBySite, nearestFirst, nearestFirstByRegion };
  }

  async #current(): Promise<Snapshot> {
    const cached = await this.#snapshot?.catch(() => undefined);
    if (cached && Date.now() - cached.loadedAt < this.maxAgeMs) return cached;
    const loading = this.#load();
    this.#snapshot = loading;
    return loading;
  }

  async #load(): Promise<Snapshot> {
    const [municipalities, regions, sites] = await Promise.all([
      this.db.selectFrom('municipality').select(['code', 'lat', 'lon']).execute(),
      this.db.selectFrom('region').select(['id', 'travel_circuity', 'travel_speed_kmh', 'travel_overhead_minutes']).execute(),
      this.db.selectFrom('site').select(['id', 'region_id', 'lat', 'lon']).execute(),
    ]);
    const origins = new Map<string, { lat: number; lon: number }>();
    for (const m of municipalities) if (m.lat !== null && m.lon !== null) origins.set(m.code, { lat: m.lat, lon: m.lon });
    const sitesByRegion: Snapshot['sitesByRegion'] = new Map();
    for (const r of regions) {
      const provider = await this.providerFor({ id: r.id, parameters: travelParametersOf(r) });
      sitesByRegion.set(r.id, { provider, sites: [] });
    }
    for (const s of sites) sitesByRegion.get(s.region_id)?.sites.push({ id: s.id, lat: s.lat, lon: s.lon });
    return { loadedAt: Date.now(), origins, sitesByRegion, fromHome: new Map() };
  }
}
