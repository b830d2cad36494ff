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
  return { nodeCount, offsets, targets, minutes };
}

/**
 * A binary min-heap of node ids with decrease-key: each node is in it at most once, which keeps
 * it small on big graphs. Keys are the caller's stored distances.
 */
class NodeHeap {
  private readonly nodes: Int32Array;
  private readonly position: Int32Array;
  size = 0;

  constructor(
    nodeCount: number,
    private readonly key: Float32Array,
  ) {
    this.nodes = new Int32Array(nodeCount);
    this.position = new Int32Array(nodeCount).fill(-1);
  }

  /** Adds the node, or moves it up after its key fell. */
  push(node: number) {
    let i = this.position[node]!;
    if (i < 0) i = this.size++;
    const key = this.key[node]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const up = this.nodes[parent]!;
      if (this.key[up]! <= key) break;
      this.nodes[i] = up;
      this.position[up] = i;
      i = parent;
    }
    this.nodes[i] = node;
    this.position[node] = i;
  }

  pop(): number {
    const top = this.nodes[0]!;
    this.position[top] = -1;
    const last = this.nodes[--this.size]!;
    if (this.size === 0) return top;
    const key = this.key[last]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.key[this.nodes[child + 1]!]! < this.key[this.nodes[child]!]!) child++;
      const down = this.nodes[child]!;
      if (this.key[down]! >= key) break;
      this.nodes[i] = down;
      this.position[down] = i;
      i = child;
    }
    this.nodes[i] = last;
    this.position[last] = i;
    return top;
  }
}

/**
 * Dijkstra from several labelled sources at once, improving `distance` and `label` in place: a
 * node ends with the minutes to its nearest source and that source's label. Only improvements
 * spread, so the same call repairs distances after a source is added (seed the new source) or
 * removed (reset the nodes it served and seed their still-served neighbours).
 */
export function spreadNearest(graph: RoadGraph, seeds: readonly { node: number; minutes: number; label: number }[], distance: Float32Array, label: Int32Array): void {
  const heap = new NodeHeap(graph.nodeCount, distance);
  for (const s of seeds) {
    const minutes = Math.fround(s.minutes);
    if (minutes < distance[s.node]!) {
      distance[s.node] = minutes;
      label[s.node] = s.label;
      heap.push(s.node);
    }
  }
  const { offsets, targets, minutes } = graph;
  while (heap.size > 0) {
    const node = heap.pop();
    const d = distance[node]!;
    for (let e = offsets[node]!; e < offsets[node + 1]!; e++) {
      const next = targets[e]!;
      const candidate = Math.fround(d + minutes[e]!);
      if (candidate < distance[next]!) {
        distance[next] = candidate;
        label[next] = label[node]!;
        heap.push(next);
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
