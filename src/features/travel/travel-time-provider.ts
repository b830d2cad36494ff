import { estimateTravelMinutes, type GeoPoint, type TravelEstimateParameters } from './estimate.js';
import { EstimateOrigins } from './estimate-nearest.js';
import type { OriginSet } from './nearest-field.js';

export interface TravelDestination extends GeoPoint {
  id: number;
}

/** Which model produced a travel time; shown beside every figure in the UI. */
export type TravelModel = 'estimate' | 'road';

/** Minutes to each destination by id, and the model that produced each. */
export interface TravelTimes {
  minutes: Map<number, number>;
  models: Map<number, TravelModel>;
}

/**
 * Travel times by one model. Providers (estimate, road network, later public transport) implement
 * the same interface; callers never see how minutes are made. Two questions are asked: from one
 * home to many sites (the tray), and from many origins to the nearest site of each class (the
 * knowledge base's accessibility), which has its own fast path in every model.
 */
export interface TravelTimeProvider {
  minutesFrom(origin: GeoPoint, destinations: readonly TravelDestination[]): Promise<TravelTimes>;
  origins(points: readonly GeoPoint[]): OriginSet;
}

export class EstimateTravelTimeProvider implements TravelTimeProvider {
  constructor(private readonly parameters: TravelEstimateParameters) {}

  async minutesFrom(origin: GeoPoint, destinations: readonly TravelDestination[]): Promise<TravelTimes> {
    const times: TravelTimes = { minutes: new Map(), models: new Map() };
    for (const destination of destinations) {
      times.minutes.set(destination.id, estimateTravelMinutes(origin, destination, this.parameters));
      times.models.set(destination.id, 'estimate');
    }
    return times;
  }

  origins(points: readonly GeoPoint[]): OriginSet {
    return new EstimateOrigins(points, this.parameters);
  }
}
