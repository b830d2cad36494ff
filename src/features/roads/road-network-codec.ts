import { roadGraphOf } from '../travel/road-graph.js';
import { RoadNetwork } from './road-network.js';

/** "ROAD" — and a layout version, so that a stored network from an older layout is refused, not misread. */
const MAGIC = 0x524f4144;
const LAYOUT = 1;
const HEADER_WORDS = 4;

/**
 * A network as bytes for the database: a header (magic, layout, nodes, edge entries), then the
 * node latitudes and longitudes, the graph's offsets, targets and minutes; all 4-byte words.
 */
export function encodeRoadNetwork(network: RoadNetwork): Uint8Array {
  const { graph } = network;
  const n = graph.nodeCount;
  const m = graph.targets.length;
  const words = new ArrayBuffer(4 * (HEADER_WORDS + 2 * n + (n + 1) + 2 * m));
  let at = 0;
  const put = (values: Int32Array | Float32Array) => {
    new Uint8Array(words, at, values.byteLength).set(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
    at += values.byteLength;
  };
  put(Int32Array.of(MAGIC, LAYOUT, n, m));
  put(network.lat);
  put(network.lon);
  put(graph.offsets);
  put(graph.targets);
  put(graph.minutes);
  return new Uint8Array(words);
}

export function decodeRoadNetwork(bytes: Uint8Array): RoadNetwork {
  // A copy, because typed-array views need 4-byte alignment that a driver's buffer need not have.
  const words = bytes.slice().buffer;
  const header = new Int32Array(words, 0, HEADER_WORDS);
  if (header[0] !== MAGIC || header[1] !== LAYOUT) throw new Error('stored road network has an unknown layout; import the roads again');
  const [n, m] = [header[2]!, header[3]!];
  let at = 4 * HEADER_WORDS;
  const take = <T>(make: (buffer: ArrayBuffer, offset: number, length: number) => T, length: number): T => {
    const view = make(words, at, length);
    at += 4 * length;
    return view;
  };
  const floats = (b: ArrayBuffer, o: number, l: number) => new Float32Array(b, o, l);
  const ints = (b: ArrayBuffer, o: number, l: number) => new Int32Array(b, o, l);
  const lat = take(floats, n);
  const lon = take(floats, n);
  const offsets = take(ints, n + 1);
  const targets = take(ints, m);
  const minutes = take(floats, m);
  return new RoadNetwork(lat, lon, roadGraphOf(offsets, targets, minutes));
}
