/**
 * The national world of bench:accessibility: 100,000 origins on a 1 km grid around the municipal
 * centres, as many per municipality as its share of the real population; 2,000 sites in 30
 * classes placed where people live, each on a road node of its own; and a generated road grid
 * over Finland of 504,100 nodes, numbered in spatial order as the OpenStreetMap import numbers them.
 */
import { parse } from 'csv-parse/sync';
import { seededRandom } from '../src/features/demo/random.js';
import type { ClassedSite } from '../src/features/knowledge/accessibility-fields.js';
import { readReferenceFile } from '../src/features/region/reference-data.js';
import { RoadNetwork } from '../src/features/roads/road-network.js';
import type { GeoPoint } from '../src/features/travel/estimate.js';
import { buildRoadGraph, type RoadEdge } from '../src/features/travel/road-graph.js';
import { spatialNodeIds } from '../src/features/travel/spatial-order.js';

export const ORIGINS = 100_000;
export const SITES = 2000;
export const CLASSES = Array.from({ length: 30 }, (_, c) => `class-${c}`);
const GRID_SIDE = 710;
const BOUNDS = { south: 59.7, north: 70.1, west: 20.5, east: 31.6 };

export interface NationalWorld {
  origins: GeoPoint[];
  people: number[];
  municipalities: number;
  network: RoadNetwork;
  sites: ClassedSite[];
  /** A node no site stands on, where the bench opens a site. */
  freeNode: number;
}

export function nationalWorld(): NationalWorld {
  const random = seededRandom(2035);
  const municipalities: { centre_lat: string; centre_lon: string; population: string }[] = parse(readReferenceFile('fi_municipalities_2026.csv'), { columns: true });
  const weighted = municipalities.filter((m) => m.centre_lat && m.centre_lon && Number(m.population) > 0);
  const totalPopulation = weighted.reduce((sum, m) => sum + Number(m.population), 0);
  const origins: GeoPoint[] = [];
  const people: number[] = [];
  for (const m of weighted) {
    const count = Math.round((ORIGINS * Number(m.population)) / totalPopulation);
    const spreadKm = 3 + Math.sqrt(count) * 1.2;
    for (let i = 0; i < count && origins.length < ORIGINS; i++) {
      const lat = Number(m.centre_lat) + Math.round((random.next() * 2 - 1) * spreadKm) / 111.2;
      const eastKm = Math.round((random.next() * 2 - 1) * spreadKm);
      origins.push({ lat, lon: Number(m.centre_lon) + eastKm / (111.2 * Math.cos((lat * Math.PI) / 180)) });
      people.push(Number(m.population) / count);
    }
  }
  while (origins.length < ORIGINS) {
    origins.push(origins[random.int(0, origins.length - 1)]!);
    people.push(1);
  }

  const { network, nodeAt } = roadGrid(random);
  const taken = new Set<number>();
  const sites: ClassedSite[] = [];
  while (sites.length < SITES) {
    const node = nodeAt(origins[random.int(0, ORIGINS - 1)]!);
    if (taken.has(node)) continue;
    taken.add(node);
    const id = sites.length;
    sites.push({ id, lat: network.lat[node]!, lon: network.lon[node]!, regionId: 1, classes: [CLASSES[id % CLASSES.length]!] });
  }
  let freeNode = nodeAt({ lat: 64, lon: 26 });
  while (taken.has(freeNode)) freeNode++;
  return { origins, people, municipalities: weighted.length, network, sites, freeNode };
}

/** Roads on a grid, main roads (80 km/h) every 20th row and column, others 50 km/h; one in ten missing. */
function roadGrid(random: ReturnType<typeof seededRandom>) {
  const nodes = GRID_SIDE * GRID_SIDE;
  const latOf = (i: number) => BOUNDS.south + (Math.floor(i / GRID_SIDE) / (GRID_SIDE - 1)) * (BOUNDS.north - BOUNDS.south);
  const lonOf = (i: number) => BOUNDS.west + ((i % GRID_SIDE) / (GRID_SIDE - 1)) * (BOUNDS.east - BOUNDS.west);
  const nodeIds = spatialNodeIds(Float64Array.from({ length: nodes }, (_, i) => latOf(i)), Float64Array.from({ length: nodes }, (_, i) => lonOf(i)));
  const lat = new Float32Array(nodes);
  const lon = new Float32Array(nodes);
  for (let i = 0; i < nodes; i++) {
    lat[nodeIds[i]!] = latOf(i);
    lon[nodeIds[i]!] = lonOf(i);
  }
  const cellKm = { north: ((BOUNDS.north - BOUNDS.south) * 111.2) / GRID_SIDE, east: ((BOUNDS.east - BOUNDS.west) * 111.2 * Math.cos((65 * Math.PI) / 180)) / GRID_SIDE };
  const minutesFor = (km: number, main: boolean) => (km / (main ? 80 : 50)) * 60 * (0.9 + random.next() * 0.3);
  const roads: RoadEdge[] = [];
  for (let r = 0; r < GRID_SIDE; r++) {
    for (let c = 0; c < GRID_SIDE; c++) {
      const node = r * GRID_SIDE + c;
      const from = nodeIds[node]!;
      if (c + 1 < GRID_SIDE && random.next() < 0.9) roads.push({ from, to: nodeIds[node + 1]!, minutes: minutesFor(cellKm.east, r % 20 === 0) });
      if (r + 1 < GRID_SIDE && random.next() < 0.9) roads.push({ from, to: nodeIds[node + GRID_SIDE]!, minutes: minutesFor(cellKm.north, c % 20 === 0) });
    }
  }
  const network = new RoadNetwork(lat, lon, buildRoadGraph(nodes, roads));
  const nodeAt = (p: GeoPoint) => {
    const r = Math.min(GRID_SIDE - 1, Math.max(0, Math.round(((p.lat - BOUNDS.south) / (BOUNDS.north - BOUNDS.south)) * (GRID_SIDE - 1))));
    const c = Math.min(GRID_SIDE - 1, Math.max(0, Math.round(((p.lon - BOUNDS.west) / (BOUNDS.east - BOUNDS.west)) * (GRID_SIDE - 1))));
    return nodeIds[r * GRID_SIDE + c]!;
  };
  return { network, nodeAt };
}
