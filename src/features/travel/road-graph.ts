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
 * buckets of `width` minutes, so push and pop cost O(1). A node that improves is queued again and
 * its older entry skipped (it remembers the bucket it was last queued in). Nodes of one bucket are
 * taken in any order; one that improves after it was taken is taken again, which keeps the result
 * exact for any width. With the width at most the shortest road, no node is taken twice.
 *
 * Buckets are linked lists in typed arrays, and one queue serves every search of its graph (a
 * search is synchronous and resets it when it ends): a national search queues millions of
 * entries, and lists of numbers per bucket made most of its time garbage collection.
 */
class BucketQueue {
  private readonly queuedIn: Int32Array;
  private readonly perMinute: number;
  /** First entry of each bucket, −1 when empty. */
  private head = new Int32Array(1024).fill(-1);
  /** Per entry: its node and the next entry of its bucket. */
  private entryNode = new Int32Array(1024);
  private entryNext = new Int32Array(1024);
  private entries = 0;
  private current = Infinity;
  /** The highest bucket used since the last reset: the end of what `reset` has to clear. */
  private highest = -1;

  constructor(nodeCount: number, width: number) {
    this.queuedIn = new Int32Array(nodeCount).fill(-1);
    this.perMinute = 1 / width;
  }

  /** Queues the node at these minutes; never below the bucket being taken. */
  push(node: number, minutes: number) {
    const bucket = (minutes * this.perMinute) | 0;
    if (bucket >= this.head.length) this.head = grown(this.head, bucket + 1, -1);
    if (this.entries === this.entryNode.length) {
      this.entryNode = grown(this.entryNode, this.entries + 1, 0);
      this.entryNext = grown(this.entryNext, this.entries + 1, 0);
    }
    const entry = this.entries++;
    this.entryNode[entry] = node;
    this.entryNext[entry] = this.head[bucket]!;
    this.head[bucket] = entry;
    this.queuedIn[node] = bucket;
    if (bucket < this.current) this.current = bucket;
    if (bucket > this.highest) this.highest = bucket;
  }

  /** A node of the lowest non-empty bucket, or −1 when the queue is empty. */
  pop(): number {
    for (; this.current <= this.highest; this.current++) {
      for (let entry = this.head[this.current]!; entry >= 0; entry = this.head[this.current]!) {
        this.head[this.current] = this.entryNext[entry]!;
        const node = this.entryNode[entry]!;
        if (this.queuedIn[node] === this.current) {
          this.queuedIn[node] = -1;
          return node;
        }
      }
    }
    return -1;
  }

  /** Empties the queue for the next search, also after one that stopped early. */
  reset() {
    for (let entry = 0; entry < this.entries; entry++) this.queuedIn[this.entryNode[entry]!] = -1;
    this.head.fill(-1, 0, this.highest + 1);
    this.entries = 0;
    this.current = Infinity;
    this.highest = -1;
  }
}

/** The array at least this long (doubled), its new part filled with `fill`. */
function grown(array: Int32Array<ArrayBuffer>, atLeast: number, fill: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(Math.max(atLeast, array.length * 2)).fill(fill);
  next.set(array);
  return next;
}

/** One queue per graph, reused by every search of it. */
const queues = new WeakMap<RoadGraph, BucketQueue>();

function queueOf(graph: RoadGraph): BucketQueue {
  let queue = queues.get(graph);
  if (!queue) queues.set(graph, (queue = new BucketQueue(graph.nodeCount, graph.bucketMinutes)));
  return queue;
}

/**
 * Dijkstra from several labelled sources at once, improving `distance` and `label` in place: a
 * node ends with the minutes to its nearest source and that source's label. Only improvements
 * spread, so the same call repairs distances after a source is added (seed the new source) or
 * removed (reset the nodes it served and seed their still-served neighbours).
 */
export function spreadNearest(graph: RoadGraph, seeds: readonly { node: number; minutes: number; label: number }[], distance: Float64Array, label: Int32Array): void {
  const queue = queueOf(graph);
  try {
    for (const s of seeds) {
      if (s.minutes < distance[s.node]!) {
        distance[s.node] = s.minutes;
        label[s.node] = s.label;
        queue.push(s.node, s.minutes);
      }
    }
    const { offsets, targets, minutes } = graph;
    for (let node = queue.pop(); node >= 0; node = queue.pop()) {
      const d = distance[node]!;
      const own = label[node]!;
      const end = offsets[node + 1]!;
      for (let e = offsets[node]!; e < end; e++) {
        const next = targets[e]!;
        const candidate = d + minutes[e]!;
        if (candidate < distance[next]!) {
          distance[next] = candidate;
          label[next] = own;
          queue.push(next, candidate);
        }
      }
    }
  } finally {
    queue.reset();
  }
}

/** A site on the graph: its node, and the minutes from that node to the site itself. */
export interface GraphSite {
  id: number;
  node: number;
  accessMinutes?: number;
}

/**
 * For one class of sites (say, lukio), every node's minutes to the nearest site of the class.
 * Closing or opening a site updates only the nodes whose nearest site changes.
 */
export class NearestSites {
  readonly distance: Float64Array;
  readonly label: Int32Array;
  readonly #sites = new Map<number, GraphSite>();

  constructor(
    private readonly graph: RoadGraph,
    sites: readonly GraphSite[],
  ) {
    this.distance = new Float64Array(graph.nodeCount).fill(Infinity);
    this.label = new Int32Array(graph.nodeCount).fill(-1);
    for (const s of sites) this.#sites.set(s.id, s);
    spreadNearest(graph, sites.map(seedOf), this.distance, this.label);
  }

  open(site: GraphSite): void {
    this.close(site.id);
    this.#sites.set(site.id, site);
    spreadNearest(this.graph, [seedOf(site)], this.distance, this.label);
  }

  close(siteId: number): void {
    if (!this.#sites.delete(siteId)) return;
    const { offsets, targets, minutes } = this.graph;
    const served: number[] = [];
    for (let node = 0; node < this.graph.nodeCount; node++) {
      if (this.label[node] === siteId) {
        served.push(node);
        this.distance[node] = Infinity;
        this.label[node] = -1;
      }
    }
    // The nodes the closed site served are reached again from their neighbours that kept a site,
    // and from any remaining site whose own node it served.
    const seeds: { node: number; minutes: number; label: number }[] = [];
    for (const node of served) {
      for (let e = offsets[node]!; e < offsets[node + 1]!; e++) {
        const neighbour = targets[e]!;
        if (this.label[neighbour]! >= 0) seeds.push({ node, minutes: this.distance[neighbour]! + minutes[e]!, label: this.label[neighbour]! });
      }
    }
    for (const site of this.#sites.values()) if (this.label[site.node] === -1) seeds.push(seedOf(site));
    spreadNearest(this.graph, seeds, this.distance, this.label);
  }
}

const seedOf = (site: GraphSite) => ({ node: site.node, minutes: site.accessMinutes ?? 0, label: site.id });
