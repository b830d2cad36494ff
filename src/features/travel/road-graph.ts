/**
 * A road network as a compact graph, and shortest travel times over it. Pure and allocation-light
 * (typed arrays), because a national graph has hundreds of thousands of nodes. Roads are two-way:
 * travel times are used from homes to schools, and one-way streets matter little at that scale.
 */
export interface RoadGraph {
  nodeCount: number;
  /** Edges of node i are offsets[i] … offsets[i + 1] − 1 in targets/minutes. */
  offsets: Int32Array;
  targets: Int32Array;
  minutes: Float32Array;
  /** Bucket width of the shortest-path queue: the shortest road, but not below a floor. */
  bucketMinutes: number;
}

export interface RoadEdge {
  from: number;
  to: number;
  minutes: number;
}

export function buildRoadGraph(nodeCount: number, edges: readonly RoadEdge[]): RoadGraph {
  const degree = new Int32Array(nodeCount + 1);
  for (const e of edges) {
    degree[e.from]!++;
    degree[e.to]!++;
  }
  const offsets = new Int32Array(nodeCount + 1);
  for (let i = 0; i < nodeCount; i++) offsets[i + 1] = offsets[i]! + degree[i]!;
  const fill = offsets.slice(0, nodeCount);
  const targets = new Int32Array(offsets[nodeCount]!);
  const minutes = new Float32Array(offsets[nodeCount]!);
  for (const e of edges) {
    targets[fill[e.from]!] = e.to;
    minutes[fill[e.from]!++] = e.minutes;
    targets[fill[e.to]!] = e.from;
    minutes[fill[e.to]!++] = e.minutes;
  }
  return roadGraphOf(offsets, targets, minutes);
}

/** A graph from its stored arrays (as `buildRoadGraph` made them). */
export function roadGraphOf(offsets: Int32Array, targets: Int32Array, minutes: Float32Array): RoadGraph {
  return { nodeCount: offsets.length - 1, offsets, targets, minutes, bucketMinutes: bucketWidthFor(minutes) };
}

/**
 * Roads shorter than the floor (a few metres, common in OpenStreetMap) would make buckets so thin
 * that scanning empty ones dominates; above the floor a few nodes are taken twice instead.
 */
const MIN_BUCKET_MINUTES = 0.02;

function bucketWidthFor(minutes: Float32Array): number {
  let shortest = Infinity;
  for (const m of minutes) if (m < shortest) shortest = m;
  return Number.isFinite(shortest) ? Math.max(MIN_BUCKET_MINUTES, shortest) : 1;
}

/**
 * A bucket queue (Dial's algorithm with Δ-stepping's re-insertion): node distances are cut into
 * buckets of `width` minutes, each an append-only list, so push and pop cost O(1) and touch memory
 * in order. A node that improves is appended again and its older entry skipped (it remembers the
 * bucket it was last queued in). Nodes of one bucket are taken in any order; one that improves
 * after it was taken is taken again, which keeps the result exact for any width. With the width
 * at most the shortest road, no node is taken twice.
 */
class BucketQueue {
  private readonly queuedIn: Int32Array;
  private readonly buckets: (number[] | undefined)[] = [];
  private readonly perMinute: number;
  private current = Infinity;
  private cursor = 0;

  constructor(nodeCount: number, width: number) {
    this.queuedIn = new Int32Array(nodeCount).fill(-1);
    this.perMinute = 1 / width;
  }

  /** Queues the node at these minutes; never below the bucket being taken. */
  push(node: number, minutes: number) {
    const bucket = (minutes * this.perMinute) | 0;
    this.queuedIn[node] = bucket;
    (this.buckets[bucket] ??= []).push(node);
    if (bucket < this.current) {
      this.current = bucket;
      this.cursor = 0;
    }
  }

  /** A node of the lowest non-empty bucket, or −1 when the queue is empty. */
  pop(): number {
    for (; this.current < this.buckets.length; this.current++, this.cursor = 0) {
      const list = this.buckets[this.current];
      if (!list) continue;
      while (this.cursor < list.length) {
        const node = list[this.cursor++]!;
        if (this.queuedIn[node] === this.current) {
          this.queuedIn[node] = -1;
          return node;
        }
      }
      this.buckets[this.current] = undefined;
    }
    return -1;
  }
}

/**
 * Dijkstra from several labelled sources at once, improving `distance` and `label` in place: a
 * node ends with the minutes to its nearest source and that source's label. Only improvements
 * spread, so the same call repairs distances after a source is added (seed the new source) or
 * removed (reset the nodes it served and seed their still-served neighbours).
 */
export function spreadNearest(graph: RoadGraph, seeds: readonly { node: number; minutes: number; label: number }[], distance: Float32Array, label: Int32Array): void {
  const queue = new BucketQueue(graph.nodeCount, graph.bucketMinutes);
  for (const s of seeds) {
    const minutes = Math.fround(s.minutes);
    if (minutes < distance[s.node]!) {
      distance[s.node] = minutes;
      label[s.node] = s.label;
      queue.push(s.node, minutes);
    }
  }
  const { offsets, targets, minutes } = graph;
  for (let node = queue.pop(); node >= 0; node = queue.pop()) {
    const d = distance[node]!;
    const own = label[node]!;
    const end = offsets[node + 1]!;
    for (let e = offsets[node]!; e < end; e++) {
      const next = targets[e]!;
      const candidate = Math.fround(d + minutes[e]!);
      if (candidate < distance[next]!) {
        distance[next] = candidate;
        label[next] = own;
        queue.push(next, candidate);
      }
    }
  }
}

/**
 * For one class of sites (say, lukio), every node's minutes to the nearest site of the class.
 * Closing or opening a site updates only the nodes whose nearest site changes.
 */
export class NearestSites {
  readonly distance: Float32Array;
  readonly label: Int32Array;
  readonly #siteNodes = new Map<number, number>();

  constructor(
    private readonly graph: RoadGraph,
    sites: readonly { id: number; node: number }[],
  ) {
    this.distance = new Float32Array(graph.nodeCount).fill(Infinity);
    this.label = new Int32Array(graph.nodeCount).fill(-1);
    for (const s of sites) this.#siteNodes.set(s.id, s.node);
    spreadNearest(graph, sites.map((s) => ({ node: s.node, minutes: 0, label: s.id })), this.distance, this.label);
  }

  open(site: { id: number; node: number }): void {
    this.#siteNodes.set(site.id, site.node);
    spreadNearest(this.graph, [{ node: site.node, minutes: 0, label: site.id }], this.distance, this.label);
  }

  close(siteId: number): void {
    if (!this.#siteNodes.delete(siteId)) return;
    const { offsets, targets, minutes } = this.graph;
    const served: number[] = [];
    for (let node = 0; node < this.graph.nodeCount; node++) {
      if (this.label[node] === siteId) {
        served.push(node);
        this.distance[node] = Infinity;
        this.label[node] = -1;
      }
    }
    // The nodes the closed site served are reached again from their neighbours that kept a site.
    const seeds: { node: number; minutes: number; label: number }[] = [];
    for (const node of served) {
      for (let e = offsets[node]!; e < offsets[node + 1]!; e++) {
        const neighbour = targets[e]!;
        if (this.label[neighbour]! >= 0) seeds.push({ node, minutes: this.distance[neighbour]! + minutes[e]!, label: this.label[neighbour]! });
      }
    }
    for (const [id, node] of this.#siteNodes) if (this.label[node] === -1) seeds.push({ node, minutes: 0, label: id });
    spreadNearest(this.graph, seeds, this.distance, this.label);
  }
}
