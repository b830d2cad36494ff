/**
 * npm run bench:accessibility — national scale: 100,000 origin points (a 1 km grid around the
 * municipalities' centres, weighted by their real populations) and 2,000 sites in 30 classes
 * (education forms and vocational fields). For every origin, the travel time to the nearest site
 * of each class, with the estimate model and with a generated road graph of over 500,000 nodes;
 * then one site closes and the figures are updated. Prints wall times, origins × classes per
 * second and the update time. Targets on 2 cores: road graph ≤ 5 s, estimate ≤ 1 s, one-site
 * change ≤ 100 ms.
 */
import { cpus } from 'node:os';
import { parse } from 'csv-parse/sync';
import { seededRandom } from '../src/features/demo/random.js';
import { readReferenceFile } from '../src/features/region/reference-data.js';
import { DEFAULT_TRAVEL_PARAMETERS, estimateTravelMinutes, greatCircleKm, type GeoPoint } from '../src/features/travel/estimate.js';
import { buildRoadGraph, NearestSites, type RoadEdge } from '../src/features/travel/road-graph.js';
import { spatialNodeIds } from '../src/features/travel/spatial-order.js';
import { summarize } from './percentiles.js';

const ORIGINS = 100_000;
const SITES = 2000;
const CLASSES = 30;
const GRID_SIDE = 710; // 504,100 road nodes
const BOUNDS = { south: 59.7, north: 70.1, west: 20.5, east: 31.6 };
const TARGETS = { road: 5000, estimate: 1000, update: 100 };
const random = seededRandom(2035);

console.log(`bench:accessibility on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`);

// Origins: 1 km grid points around each municipality's centre, as many as its population share.
const municipalities: { centre_lat: string; centre_lon: string; population: string }[] = parse(readReferenceFile('fi_municipalities_2026.csv'), { columns: true });
const weighted = municipalities.filter((m) => m.centre_lat && m.centre_lon && Number(m.population) > 0);
const totalPopulation = weighted.reduce((sum, m) => sum + Number(m.population), 0);
const origins: GeoPoint[] = [];
for (const m of weighted) {
  const count = Math.round((ORIGINS * Number(m.population)) / totalPopulation);
  const spreadKm = 3 + Math.sqrt(count) * 1.2;
  for (let i = 0; i < count && origins.length < ORIGINS; i++) {
    const northKm = Math.round((random.next() * 2 - 1) * spreadKm);
    const eastKm = Math.round((random.next() * 2 - 1) * spreadKm);
    const lat = Number(m.centre_lat) + northKm / 111.2;
    origins.push({ lat, lon: Number(m.centre_lon) + eastKm / (111.2 * Math.cos((lat * Math.PI) / 180)) });
  }
}
while (origins.length < ORIGINS) origins.push(origins[random.int(0, origins.length - 1)]!);
const sites = Array.from({ length: SITES }, (_, id) => {
  const at = origins[random.int(0, ORIGINS - 1)]!;
  return { id, lat: at.lat, lon: at.lon, cls: id % CLASSES };
});
console.log(`  ${origins.length} origins around ${weighted.length} municipalities, ${SITES} sites in ${CLASSES} classes`);

// --- Estimate model: the nearest site is the one with the largest dot product of unit vectors.
const unit = (p: GeoPoint) => {
  const [la, lo] = [(p.lat * Math.PI) / 180, (p.lon * Math.PI) / 180];
  return [Math.cos(la) * Math.cos(lo), Math.cos(la) * Math.sin(lo), Math.sin(la)] as const;
};
const [ox, oy, oz] = [new Float64Array(ORIGINS), new Float64Array(ORIGINS), new Float64Array(ORIGINS)];
origins.forEach((p, i) => ([ox[i], oy[i], oz[i]] = unit(p)));
const siteUnit = sites.map((s) => unit(s));
const byClass = Array.from({ length: CLASSES }, (_, c) => sites.filter((s) => s.cls === c).map((s) => s.id));
/** Per class, the sites sorted by latitude with their unit vectors side by side, for a tight loop. */
const classVectors = byClass.map((unsorted) => {
  const ids = [...unsorted].sort((a, b) => sites[a]!.lat - sites[b]!.lat);
  return {
    ids: Int32Array.from(ids),
    lat: Float64Array.from(ids, (id) => (sites[id]!.lat * Math.PI) / 180),
    x: Float64Array.from(ids, (id) => siteUnit[id]![0]),
    y: Float64Array.from(ids, (id) => siteUnit[id]![1]),
    z: Float64Array.from(ids, (id) => siteUnit[id]![2]),
  };
});
const originLat = Float64Array.from(origins, (p) => (p.lat * Math.PI) / 180);

/**
 * The nearest site of class c: walk outward in latitude from the origin's, and stop once the
 * latitude difference alone is larger than the angle to the best site so far.
 */
function nearestByEstimate(c: number, origin: number, closed = -1): number {
  const { ids, lat, x, y, z } = classVectors[c]!;
  const px = ox[origin]!;
  const py = oy[origin]!;
  const pz = oz[origin]!;
  const plat = originLat[origin]!;
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lat[mid]! < plat) lo = mid + 1;
    else hi = mid;
  }
  let best = -1;
  let bestDot = -2;
  let bestAngle = Infinity;
  let up = lo;
  let down = lo - 1;
  while (up < ids.length || down >= 0) {
    const upGap = up < ids.length ? lat[up]! - plat : Infinity;
    const downGap = down >= 0 ? plat - lat[down]! : Infinity;
    const k = upGap <= downGap ? up++ : down--;
    if (Math.min(upGap, downGap) > bestAngle) break;
    const dot = px * x[k]! + py * y[k]! + pz * z[k]!;
    if (dot > bestDot && ids[k] !== closed) {
      best = ids[k]!;
      bestDot = dot;
      bestAngle = Math.acos(Math.min(1, dot));
    }
  }
  return best;
}

const estimateRuns: number[] = [];
const estimateNearest = new Int32Array(ORIGINS * CLASSES);
for (let run = 0; run < 3; run++) {
  const started = performance.now();
  for (let o = 0; o < ORIGINS; o++) for (let c = 0; c < CLASSES; c++) estimateNearest[o * CLASSES + c] = nearestByEstimate(c, o);
  estimateRuns.push(performance.now() - started);
}
// Checked (not timed) against every site of the class, for a sample of origins.
let differences = 0;
for (let o = 0; o < ORIGINS; o += 50) {
  for (let c = 0; c < CLASSES; c++) {
    const brute = byClass[c]!.reduce((best, id) => (greatCircleKm(origins[o]!, sites[id]!) < greatCircleKm(origins[o]!, sites[best]!) ? id : best));
    if (greatCircleKm(origins[o]!, sites[brute]!) < greatCircleKm(origins[o]!, sites[estimateNearest[o * CLASSES + c]!]!) - 1e-9) differences++;
  }
}
console.log(`  estimate checked against every site for ${ORIGINS / 50} origins × ${CLASSES} classes: ${differences} differences`);
const closing = byClass[0]![0]!;
let started = performance.now();
for (let o = 0; o < ORIGINS; o++) if (estimateNearest[o * CLASSES]! === closing) estimateNearest[o * CLASSES] = nearestByEstimate(0, o, closing);
const estimateUpdate = performance.now() - started;
const estimateMinutes = estimateTravelMinutes(origins[0]!, sites[estimateNearest[0]!]!, DEFAULT_TRAVEL_PARAMETERS);
const estimateTime = summarize(estimateRuns).p50;
console.log(
  `  estimate: ${estimateTime.toFixed(0)} ms (median of 3), ${((ORIGINS * CLASSES) / (estimateTime / 1000) / 1e6).toFixed(1)} M origin×class/s; closing a site: ${estimateUpdate.toFixed(1)} ms (first origin's nearest: ${estimateMinutes} min)`,
);

// --- Road graph: a generated grid of roads over Finland, main roads every 20th row and column,
// numbered in spatial order as the OpenStreetMap import numbers its nodes.
started = performance.now();
const gridNodes = GRID_SIDE * GRID_SIDE;
const nodeIds = spatialNodeIds(
  Float64Array.from({ length: gridNodes }, (_, i) => BOUNDS.south + (Math.floor(i / GRID_SIDE) / (GRID_SIDE - 1)) * (BOUNDS.north - BOUNDS.south)),
  Float64Array.from({ length: gridNodes }, (_, i) => BOUNDS.west + ((i % GRID_SIDE) / (GRID_SIDE - 1)) * (BOUNDS.east - BOUNDS.west)),
);
const edges: RoadEdge[] = [];
const cellKm = { north: ((BOUNDS.north - BOUNDS.south) * 111.2) / GRID_SIDE, east: ((BOUNDS.east - BOUNDS.west) * 111.2 * Math.cos((65 * Math.PI) / 180)) / GRID_SIDE };
const minutesFor = (km: number, main: boolean) => (km / (main ? 80 : 50)) * 60 * (0.9 + random.next() * 0.3);
for (let r = 0; r < GRID_SIDE; r++) {
  for (let c = 0; c < GRID_SIDE; c++) {
    const node = r * GRID_SIDE + c;
    const from = nodeIds[node]!;
    if (c + 1 < GRID_SIDE && random.next() < 0.9) edges.push({ from, to: nodeIds[node + 1]!, minutes: minutesFor(cellKm.east, r % 20 === 0) });
    if (r + 1 < GRID_SIDE && random.next() < 0.9) edges.push({ from, to: nodeIds[node + GRID_SIDE]!, minutes: minutesFor(cellKm.north, c % 20 === 0) });
  }
}
const graph = buildRoadGraph(gridNodes, edges);
const snap = (p: GeoPoint) => {
  const r = Math.min(GRID_SIDE - 1, Math.max(0, Math.round(((p.lat - BOUNDS.south) / (BOUNDS.north - BOUNDS.south)) * (GRID_SIDE - 1))));
  const c = Math.min(GRID_SIDE - 1, Math.max(0, Math.round(((p.lon - BOUNDS.west) / (BOUNDS.east - BOUNDS.west)) * (GRID_SIDE - 1))));
  return nodeIds[r * GRID_SIDE + c]!;
};
const originNodes = Int32Array.from(origins, snap);
console.log(`  road graph: ${graph.nodeCount} nodes, ${edges.length} roads, built in ${(performance.now() - started).toFixed(0)} ms (not timed)`);

const roadRuns: number[] = [];
let tables: NearestSites[] = [];
for (let run = 0; run < 3; run++) {
  started = performance.now();
  tables = byClass.map((ids) => new NearestSites(graph, ids.map((id) => ({ id, node: snap(sites[id]!) }))));
  const minutes = new Float32Array(ORIGINS * CLASSES);
  for (let o = 0; o < ORIGINS; o++) for (let c = 0; c < CLASSES; c++) minutes[o * CLASSES + c] = tables[c]!.distance[originNodes[o]!]!;
  roadRuns.push(performance.now() - started);
}
started = performance.now();
tables[0]!.close(closing);
const roadUpdate = performance.now() - started;
const roadTime = summarize(roadRuns).p50;
console.log(`  road graph: ${roadTime.toFixed(0)} ms (median of 3), ${((ORIGINS * CLASSES) / (roadTime / 1000) / 1e6).toFixed(1)} M origin×class/s; closing a site: ${roadUpdate.toFixed(1)} ms`);

const met = differences === 0 && roadTime <= TARGETS.road && estimateTime <= TARGETS.estimate && roadUpdate <= TARGETS.update && estimateUpdate <= TARGETS.update;
console.log(`targets: road ≤ ${TARGETS.road} ms, estimate ≤ ${TARGETS.estimate} ms, one-site change ≤ ${TARGETS.update} ms: ${met ? 'PASS' : 'FAIL'}`);
process.exitCode = met ? 0 : 1;
