import type { GeoPoint, TravelEstimateParameters } from '../travel/estimate.js';
import type { RoadNetwork } from './road-network.js';

/**
 * A point farther than this from the network's nearest node is off the network (outside the
 * extract, or on a road the extract lacks): it is timed with the estimate instead.
 */
export const MAX_SNAP_KM = 5;

/** Where a point joins the roads: its nearest node, and the minutes between the two. */
export interface RoadAccess {
  node: number;
  accessMinutes: number;
}

/** The access is the straight line × circuity at the region's average speed; null off the network. */
export function snapToRoads(network: RoadNetwork, parameters: TravelEstimateParameters, point: GeoPoint): RoadAccess | null {
  const nearest = network.nearestNode(point, MAX_SNAP_KM);
  if (!nearest) return null;
  return { node: nearest.node, accessMinutes: ((nearest.km * parameters.circuity) / parameters.speedKmh) * 60 };
}
