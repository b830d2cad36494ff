import type { TravelEstimateParameters, GeoPoint } from '../travel/estimate.js';
import type { OriginSet } from '../travel/nearest-field.js';
import { EstimateTravelTimeProvider, type TravelDestination, type TravelTimeProvider, type TravelTimes } from '../travel/travel-time-provider.js';
import { RoadOrigins } from './road-nearest.js';
import type { RoadNetwork } from './road-network.js';
import { snapToRoads } from './road-snap.js';

/**
 * Travel times over a region's road network:
 *
 *   minutes = overhead + access from the origin to its nearest node + shortest road time
 *             + access from the site's nearest node to the site
 *
 * (see `snapToRoads` for access). One search from the origin times every site; what is kept is
 * the caller's (per home, per class), so memory does not grow with the sites asked about.
 */
export class RoadTravelTimeProvider implements TravelTimeProvider {
  readonly #estimate: EstimateTravelTimeProvider;

  constructor(
    private readonly network: RoadNetwork,
    private readonly parameters: TravelEstimateParameters,
  ) {
    this.#estimate = new EstimateTravelTimeProvider(parameters);
  }

  async minutesFrom(origin: GeoPoint, destinations: readonly TravelDestination[]): Promise<TravelTimes> {
    const start = snapToRoads(this.network, this.parameters, origin);
    if (!start) return this.#estimate.minutesFrom(origin, destinations);
    // A search over a large network takes tens of milliseconds: let the server's other work run first.
    await new Promise((resolve) => setImmediate(resolve));
    const road = this.network.minutesFromNode(start.node);
    const times: TravelTimes = { minutes: new Map(), models: new Map() };
    const offNetwork: TravelDestination[] = [];
    for (const destination of destinations) {
      const end = snapToRoads(this.network, this.parameters, destination);
      if (!end) {
        offNetwork.push(destination);
        continue;
      }
      times.minutes.set(destination.id, Math.ceil(this.parameters.overheadMinutes + start.accessMinutes + road[end.node]! + end.accessMinutes));
      times.models.set(destination.id, 'road');
    }
    const estimated = await this.#estimate.minutesFrom(origin, offNetwork);
    for (const [id, minutes] of estimated.minutes) times.minutes.set(id, minutes);
    for (const [id, model] of estimated.models) times.models.set(id, model);
    return times;
  }

  origins(points: readonly GeoPoint[]): OriginSet {
    return new RoadOrigins(this.network, this.parameters, points);
  }
}
