import type { GeoPoint, TravelEstimateParameters } from '../travel/estimate.js';
import { EstimateOrigins } from '../travel/estimate-nearest.js';
import { CombinedNearestField, type FieldPart, type NearestField, type OriginSet } from '../travel/nearest-field.js';
import { NearestSites, type GraphSite } from '../travel/road-graph.js';
import type { TravelDestination } from '../travel/travel-time-provider.js';
import type { RoadNetwork } from './road-network.js';
import { snapToRoads } from './road-snap.js';

/**
 * Origins snapped to a road network once, for the nearest-site fields of many classes. A class's
 * field is one multi-source search from all of its sites (not one search per site), combined with
 * the estimate where the network does not reach: sites off it are timed by the estimate from
 * every origin, and origins off it by the estimate to every site.
 */
export class RoadOrigins implements OriginSet {
  readonly size: number;
  /** The origins on the network: their index among all origins, node and access minutes. */
  readonly #onNetwork: { index: Int32Array; node: Int32Array; accessMinutes: Float64Array };
  readonly #offNetwork: Int32Array;
  readonly #everyOriginByEstimate: EstimateOrigins;
  readonly #offOriginsByEstimate: EstimateOrigins;

  constructor(
    private readonly network: RoadNetwork,
    private readonly parameters: TravelEstimateParameters,
    points: readonly GeoPoint[],
  ) {
    this.size = points.length;
    const on: number[] = [];
    const nodes: number[] = [];
    const access: number[] = [];
    const off: number[] = [];
    points.forEach((point, i) => {
      const snapped = snapToRoads(network, parameters, point);
      if (!snapped) return off.push(i);
      on.push(i);
      nodes.push(snapped.node);
      access.push(snapped.accessMinutes);
    });
    this.#onNetwork = { index: Int32Array.from(on), node: Int32Array.from(nodes), accessMinutes: Float64Array.from(access) };
    this.#offNetwork = Int32Array.from(off);
    this.#everyOriginByEstimate = new EstimateOrigins(points, parameters);
    this.#offOriginsByEstimate = new EstimateOrigins(off.map((i) => points[i]!), parameters);
  }

  nearest(sites: readonly TravelDestination[]): NearestField {
    const onSites: (TravelDestination & GraphSite)[] = [];
    const offSites: TravelDestination[] = [];
    for (const site of sites) {
      const snapped = this.#graphSite(site);
      if (snapped) onSites.push(snapped);
      else offSites.push(site);
    }
    const road = new RoadNearestField(this.network, this.#onNetwork, this.parameters.overheadMinutes, onSites, (s) => this.#graphSite(s));
    const offSitesFromEveryOrigin = this.#everyOriginByEstimate.nearest(offSites);
    const onSitesFromOffOrigins = this.#offOriginsByEstimate.nearest(onSites);
    const parts: FieldPart[] = [
      { field: road, origins: this.#onNetwork.index },
      { field: offSitesFromEveryOrigin },
      { field: onSitesFromOffOrigins, origins: this.#offNetwork },
    ];
    return new CombinedNearestField(this.size, parts, (site) => (this.#graphSite(site) ? [road, onSitesFromOffOrigins] : [offSitesFromEveryOrigin]));
  }

  #graphSite(site: TravelDestination): (TravelDestination & GraphSite) | null {
    const snapped = snapToRoads(this.network, this.parameters, site);
    return snapped && { ...site, ...snapped };
  }
}

/** The road part of a field: origins on the network, sites on the network. */
class RoadNearestField implements NearestField {
  readonly minutes: Float64Array;
  readonly site: Int32Array;
  readonly #nearest: NearestSites;

  constructor(
    network: RoadNetwork,
    private readonly origins: { node: Int32Array; accessMinutes: Float64Array },
    private readonly overheadMinutes: number,
    sites: readonly GraphSite[],
    private readonly graphSite: (site: TravelDestination) => GraphSite | null,
  ) {
    this.minutes = new Float64Array(origins.node.length);
    this.site = new Int32Array(origins.node.length);
    this.#nearest = new NearestSites(network.graph, sites);
    this.#refresh();
  }

  modelAt(origin: number) {
    return this.site[origin]! < 0 ? null : 'road';
  }

  close(siteId: number): void {
    this.#nearest.close(siteId);
    this.#refresh();
  }

  open(site: TravelDestination): void {
    const onGraph = this.graphSite(site);
    if (!onGraph) return;
    this.#nearest.open(onGraph);
    this.#refresh();
  }

  #refresh() {
    const { distance, label } = this.#nearest;
    const { node, accessMinutes } = this.origins;
    for (let i = 0; i < node.length; i++) {
      const road = distance[node[i]!]!;
      this.minutes[i] = road === Infinity ? Infinity : Math.ceil(this.overheadMinutes + accessMinutes[i]! + road);
      this.site[i] = label[node[i]!]!;
    }
  }
}
