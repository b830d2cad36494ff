import type { Db } from '../../server/db/database.js';
import type { ProviderForRegion } from '../travel/site-travel-times.js';
import { EstimateTravelTimeProvider, type TravelTimeProvider } from '../travel/travel-time-provider.js';
import { decodeRoadNetwork } from './road-network-codec.js';
import type { RoadNetwork } from './road-network.js';
import { RoadTravelTimeProvider } from './road-travel-time-provider.js';

/**
 * The regions' stored road networks, decoded once per import. A region without one travels by
 * the estimate.
 */
export class RoadNetworks {
  readonly #loaded = new Map<number, { importedAt: number; network: Promise<RoadNetwork> }>();
  readonly #providers = new Map<number, { network: RoadNetwork | null; parameters: string; provider: TravelTimeProvider }>();

  constructor(private readonly db: Db) {}

  /**
   * The same provider while a region's network and parameters stay the same, so that what was
   * built with it (nearest-site fields) can be kept and updated instead of rebuilt.
   */
  readonly providerFor: ProviderForRegion = async ({ id, parameters }) => {
    const network = await this.networkOf(id);
    const key = JSON.stringify(parameters);
    const kept = this.#providers.get(id);
    if (kept && kept.network === network && kept.parameters === key) return kept.provider;
    const provider = network ? new RoadTravelTimeProvider(network, parameters) : new EstimateTravelTimeProvider(parameters);
    this.#providers.set(id, { network, parameters: key, provider });
    return provider;
  };

  async networkOf(regionId: number): Promise<RoadNetwork | null> {
    const row = await this.db.selectFrom('road_network').select('imported_at').where('region_id', '=', regionId).executeTakeFirst();
    if (!row) {
      this.#loaded.delete(regionId);
      return null;
    }
    const importedAt = new Date(row.imported_at).getTime();
    let loaded = this.#loaded.get(regionId);
    if (loaded?.importedAt !== importedAt) {
      loaded = { importedAt, network: this.#load(regionId) };
      this.#loaded.set(regionId, loaded);
      loaded.network.catch(() => this.#loaded.delete(regionId));
    }
    return loaded.network;
  }

  async #load(regionId: number): Promise<RoadNetwork> {
    const { graph } = await this.db.selectFrom('road_network').select('graph').where('region_id', '=', regionId).executeTakeFirstOrThrow();
    return decodeRoadNetwork(graph);
  }
}
