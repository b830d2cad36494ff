import { sql } from 'kysely';
import type { Db } from '../../server/db/database.js';
import { runEvery } from '../../server/periodic.js';
import type { SiteTravelTimes } from '../travel/site-travel-times.js';
import { computeRegionIndicators, type KeptAccessibility, type RegionIndicators } from './region-indicators.js';

/**
 * The region indicators, computed once and kept until what they are computed from changes: the
 * tray (offerings and sites), the population data, or the travel model (parameters, road networks). A background
 * refresh recomputes changed regions, so that a council member rarely waits.
 */
export class IndicatorCache {
  readonly #entries = new Map<number, { fingerprint: string; value: Promise<RegionIndicators> }>();
  readonly #accessibility: KeptAccessibility = new Map();

  constructor(
    private readonly db: Db,
    private readonly travelTimes: SiteTravelTimes,
  ) {}

  async get(regionId: number): Promise<RegionIndicators> {
    const fingerprint = await this.#fingerprint(regionId);
    const entry = this.#entries.get(regionId);
    if (entry && entry.fingerprint === fingerprint) return entry.value;
    if (entry) this.travelTimes.invalidate();
    const value = computeRegionIndicators(this.db, this.travelTimes, regionId, this.#accessibility);
    this.#entries.set(regionId, { fingerprint, value });
    value.catch(() => this.#entries.delete(regionId));
    return value;
  }

  async refreshAll(): Promise<void> {
    for (const { id } of await this.db.selectFrom('region').select('id').execute()) await this.get(id);
  }

  /** Starts refreshing every `intervalMs`; returns the function that stops it. */
  startRefreshing(intervalMs: number, onError: (error: unknown) => void): () => void {
    return runEvery(intervalMs, () => this.refreshAll(), onError);
  }

  async #fingerprint(regionId: number): Promise<string> {
    const row = await sql<{ offerings: string; sites: string; population: string; travel: string; roads: string }>`
      select
        (select count(*) || '/' || coalesce(max(updated_at)::text, '') from offering) as offerings,
        (select count(*) || '/' || coalesce(max(id), 0) || '/' || coalesce(sum(lat + lon), 0) from site) as sites,
        (select count(*) || '/' || coalesce(sum(count), 0) from population) as population,
        (select travel_circuity || '/' || travel_speed_kmh || '/' || travel_overhead_minutes || '/' || daily_travel_limit_minutes from region where id = ${regionId}) as travel,
        (select count(*) || '/' || coalesce(max(imported_at)::text, '') from road_network) as roads
    `.execute(this.db);
    return JSON.stringify(row.rows[0]);
  }
}
