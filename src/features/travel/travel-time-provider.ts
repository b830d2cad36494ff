import { estimateTravelMinutes, type GeoPoint, type TravelEstimateParameters } from './estimate.js';

export interface TravelDestination extends GeoPoint {
  id: number;
}

/** Which model produced a travel time; shown beside every figure in the UI. */
export type TravelModel = 'estimate';

/**
 * Travel times from one origin to many destinations (sites). Later providers (road graph,
 * public transport) implement the same interface; callers never see how minutes are made.
 */
export interface TravelTimeProvider {
  readonly model: TravelModel;
  minutesFrom(origin: GeoPoint, destinations: readonly TravelDestination[]): Promise<Map<number, number>>;
}

export class EstimateTravelTimeProvider implements TravelTimeProvider {
  readonly model = 'estimate' as const;

  constructor(private readonly parameters: TravelEstimateParameters) {}

  async minutesFrom(origin: GeoPoint, destinations: readonly TravelDestination[]) {
    const minutes = new Map<number, number>();
    for (const destination of destinations) {
      minutes.set(destination.id, estimateTravelMinutes(origin, destination, this.parameters));
    }
    return minutes;
  }
}
