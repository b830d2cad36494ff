import KDBush from 'kdbush';
import { around, distance } from 'geokdbush';
import { greatCircleKm, type GeoPoint } from '../travel/estimate.js';
import { buildRoadGraph, spreadNearest, type RoadEdge, type RoadGraph } from '../travel/road-graph.js';
import { spatialNodeIds } from '../travel/spatial-order.js';
import { NodeGrid } from './node-grid.js';
import type { OsmRoads } from './osm-file.js';
import { roadSpeedKmh } from './road-speeds.js';

/**
 * Along a road between junctions a node is kept at least this often, so that a school or a
 * village centre snaps to the road within a few hundred metres while the graph stays small.
 */
const KEEP_EVERY_KM = 0.5;

/** A road graph with the coordinates of its nodes, and nearest-node lookup. */
export class RoadNetwork {
  #index: KDBush | undefined;
  #grid: NodeGrid | undefined;

  constructor(
    readonly lat: Float32Array,
    readonly lon: Float32Array,
    readonly graph: RoadGraph,
  ) {}

  /** The node nearest to a point, and how far it is in kilometres; null when none is within `withinKm`. */
  nearestNode(point: GeoPoint, withinKm = Infinity): { node: number; km: number } | null {
    if (this.graph.nodeCount === 0) return null;
    // Most points have a node within a few kilometres, or none: the grid tells. For the others,
    // the index's nearest search, only as far as asked (unbounded it would visit much of the index).
    let nearest = (this.#grid ??= new NodeGrid(this.lat, this.lon)).nearest(point.lat, point.lon, withinKm);
    if (nearest === null) return null;
    if (!nearest) {
      const node = around(this.#spatialIndex(), point.lon, point.lat, 1, withinKm)[0];
      if (node === undefined) return null;
      nearest = { node, km: distance(point.lon, point.lat, this.lon[node]!, this.lat[node]!) };
    }
    const { node, km } = nearest;
    return km <= withinKm ? { node, km } : null;
  }

  /**
   * Minutes from a node to every node (roads are two-way: also to it from every node). Not kept:
   * a whole-network array per node would grow without bound; callers keep what they read from it.
   */
  minutesFromNode(node: number): Float64Array {
    const minutes = new Float64Array(this.graph.nodeCount).fill(Infinity);
    spreadNearest(this.graph, [{ node, minutes: 0, label: 0 }], minutes, new Int32Array(this.graph.nodeCount));
    return minutes;
  }

  #spatialIndex(): KDBush {
    if (!this.#index) {
      const index = new KDBush(this.graph.nodeCount);
      for (let node = 0; node < this.graph.nodeCount; node++) index.add(this.lon[node]!, this.lat[node]!);
      index.finish();
      this.#index = index;
    }
    return this.#index;
  }
}

export interface RoadNetworkBuild {
  network: RoadNetwork;
  /** Ways driven by car that became roads of the network. */
  roadWays: number;
  /** Node references of ways whose node is not in the file (the extract cut the way). */
  missingNodes: number;
  /** Kept nodes left out because they are not connected to the largest part of the network. */
  disconnectedNodes: number;
}

/**
 * Turns an OpenStreetMap extract into a road network: ways driven by car, timed by their class's
 * speed; junctions and way ends are kept as nodes, other nodes every `KEEP_EVERY_KM` at least;
 * only the largest connected part is kept, so that every node reaches every other; nodes are
 * numbered in spatial order for fast searches. Pure.
 */
export function buildRoadNetwork(osm: OsmRoads): RoadNetworkBuild {
  const drivable = osm.ways.flatMap((way) => {
    const speedKmh = roadSpeedKmh(way.highway, way.maxspeed);
    return speedKmh === null ? [] : [{ nodes: way.nodes, speedKmh }];
  });
  const uses = new Uint8Array(osm.lat.length);
  let missingNodes = 0;
  for (const way of drivable) {
    for (const ref of way.nodes) {
      const index = osm.nodeIndex.get(ref);
      if (index === undefined) missingNodes++;
      else if (uses[index]! < 2) uses[index]!++;
    }
  }

  const keptId = new Int32Array(osm.lat.length).fill(-1);
  const kept: number[] = [];
  const keep = (index: number) => {
    if (keptId[index] === -1) {
      keptId[index] = kept.length;
      kept.push(index);
    }
    return keptId[index]!;
  };
  const edges: RoadEdge[] = [];
  const point = (index: number): GeoPoint => ({ lat: osm.lat[index]!, lon: osm.lon[index]! });
  for (const way of drivable) {
    let from = -1;
    let previous = -1;
    let km = 0;
    let minutes = 0;
    way.nodes.forEach((ref, position) => {
      const index = osm.nodeIndex.get(ref);
      if (index === undefined) {
        // The extract cut the way here: what came before ends at the last node seen.
        if (previous >= 0 && previous !== from) edges.push({ from: keep(from), to: keep(previous), minutes });
        from = previous = -1;
        return;
      }
      if (from === -1) {
        from = previous = index;
        km = minutes = 0;
        return;
      }
      const stepKm = greatCircleKm(point(previous), point(index));
      km += stepKm;
      minutes += (stepKm / way.speedKmh) * 60;
      previous = index;
      const last = position === way.nodes.length - 1 || !osm.nodeIndex.has(way.nodes[position + 1]!);
      if (uses[index]! >= 2 || last || km >= KEEP_EVERY_KM) {
        if (index !== from) edges.push({ from: keep(from), to: keep(index), minutes });
        from = index;
        km = minutes = 0;
      }
    });
  }

  const component = largestComponent(kept.length, edges);
  const members = kept.flatMap((index, id) => (component[id] ? [index] : []));
  const spatial = spatialNodeIds(
    members.map((index) => osm.lat[index]!),
    members.map((index) => osm.lon[index]!),
  );
  const finalId = new Int32Array(kept.length).fill(-1);
  members.forEach((index, i) => (finalId[keptId[index]!] = spatial[i]!));
  const lat = new Float32Array(members.length);
  const lon = new Float32Array(members.length);
  members.forEach((index, i) => {
    lat[spatial[i]!] = osm.lat[index]!;
    lon[spatial[i]!] = osm.lon[index]!;
  });
  const graphEdges = edges.filter((e) => component[e.from]).map((e) => ({ from: finalId[e.from]!, to: finalId[e.to]!, minutes: e.minutes }));
  return {
    network: new RoadNetwork(lat, lon, buildRoadGraph(members.length, graphEdges)),
    roadWays: drivable.length,
    missingNodes,
    disconnectedNodes: kept.length - members.length,
  };
}

/** Which nodes belong to the largest connected part (union–find). */
function largestComponent(nodeCount: number, edges: readonly RoadEdge[]): Uint8Array {
  const parent = Int32Array.from({ length: nodeCount }, (_, i) => i);
  const root = (node: number): number => {
    while (parent[node] !== node) {
      parent[node] = parent[parent[node]!]!;
      node = parent[node]!;
    }
    return node;
  };
  for (const e of edges) parent[root(e.from)] = root(e.to);
  const size = new Int32Array(nodeCount);
  let largest = -1;
  for (let node = 0; node < nodeCount; node++) {
    const r = root(node);
    if (++size[r]! > (largest < 0 ? 0 : size[largest]!)) largest = r;
  }
  const member = new Uint8Array(nodeCount);
  for (let node = 0; node < nodeCount; node++) member[node] = root(node) === largest ? 1 : 0;
  return member;
}
