import type { TravelEstimateParameters, GeoPoint } from '../travel/estimate.js';
import { EstimateTravelTimeProvider, type TravelDestination, type TravelTimeProvider, type TravelTimes } from '../travel/travel-time-provider.js';
import type { RoadNetwork } from './road-network.js';

/**
 * A point farther than this from the network's nearest node is off the network (outside the
 * extract, or on a road the extract lacks): it is timed with the estimate instead.
 */
export const MAX_SNAP_KM = 5;

/**
 * Travel times over a region's road network:
 *
 *   minutes = overhead + access from the origin to its nearest node + shortest road time
 *             + access from the site's nearest node to the site
 *
 * where access is the straight line × circuity at the region's average speed. The network keeps
 * each site's shortest times to every node, so opening or closing a site, or asking from another
 * home, only takes minima of what is already known.
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
    const start = this.#snap(origin);
    if (!start) return this.#estimate.minutesFrom(origin, destinations);
    const times: TravelTimes = { minutes: new Map(), models: new Map() };
    const offNetwork: TravelDestination[] = [];
    for (const destination of destinations) {
      const end = this.#snap(destination);
      if (!end) {
        offNetwork.push(destination);
        continue;
      }
      const road = (await this.network.minutesFromNode(end.node))[start.node]!;
      times.minutes.set(destination.id, Math.ceil(this.parameters.overheadMinutes + start.accessMinutes + road + end.accessMinutes));
      times.models.set(destination.id, 'road');
    }
    const estimated = await this.#estimate.minutesFrom(origin, offNetwork);
    for (const [id, minutes] of estimated.minutes) times.minutes.set(id, minutes);
    for (const [id, model] of estimated.models) times.models.set(id, model);
    return times;
  }

  #snap(point: GeoPoint): { node: number; accessMinutes: number } | null {
    const nearest = this.network.nearestNode(point);
    if (!nearest || nearest.km > MAX_SNAP_KM) return null;
    return { node: nearest.node, accessMinutes: ((nearest.km * this.parameters.circuity) / this.parameters.speedKmh) * 60 };
  }
}
