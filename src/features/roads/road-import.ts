import type { Db } from '../../server/db/database.js';
import { basename } from 'node:path';
import { readOsmRoads, OsmFileError } from './osm-file.js';
import { encodeRoadNetwork } from './road-network-codec.js';
import { buildRoadNetwork, type RoadNetwork } from './road-network.js';
import { MAX_SNAP_KM } from './road-snap.js';

export interface RoadImportResult {
  nodes: number;
  roads: number;
  roadWays: number;
  missingNodes: number;
  disconnectedNodes: number;
}

export type RoadImportStage = 'read' | 'build' | 'store';

/**
 * Imports a region's road network from an OpenStreetMap extract, replacing the one it had; a
 * file that cannot be read or has no roads changes nothing. Importing the same file again gives
 * the same network.
 */
export async function importRoads(
  db: Db,
  regionId: number,
  path: string,
  onProgress?: (stage: RoadImportStage, done: number, total: number) => void,
): Promise<RoadImportResult> {
  const osm = await readOsmRoads(path, (done, total) => onProgress?.('read', done, total));
  onProgress?.('build', 0, 1);
  const built = buildRoadNetwork(osm);
  const { graph } = built.network;
  if (graph.nodeCount === 0) throw new OsmFileError(`no roads for cars in the file (${osm.ways.length} ways tagged highway, ${osm.lat.length} nodes)`);
  await checkCoverage(db, regionId, built.network);
  onProgress?.('store', 0, 1);
  const row = {
    region_id: regionId,
    source: basename(path),
    node_count: graph.nodeCount,
    road_count: graph.targets.length / 2,
    graph: encodeRoadNetwork(built.network),
  };
  await db
    .insertInto('road_network')
    .values({ ...row, imported_at: new Date().toISOString() })
    .onConflict((oc) => oc.column('region_id').doUpdateSet({ ...row, imported_at: new Date().toISOString() }))
    .execute();
  onProgress?.('store', 1, 1);
  return { nodes: graph.nodeCount, roads: row.road_count, roadWays: built.roadWays, missingNodes: built.missingNodes, disconnectedNodes: built.disconnectedNodes };
}

/** Below this share of a region's municipal centres on the network, an extract is refused: it is of somewhere else. */
export const MIN_COVERAGE = 0.9;

/**
 * Refuses an extract that does not cover the region: travel times are measured from each
 * municipality's centre, and a centre farther than MAX_SNAP_KM from the network's roads is off it.
 */
async function checkCoverage(db: Db, regionId: number, network: RoadNetwork) {
  const centres = await db
    .selectFrom('region_municipality as rm')
    .innerJoin('municipality as m', 'm.code', 'rm.municipality_code')
    .select(['m.name_fi', 'm.lat', 'm.lon'])
    .where('rm.region_id', '=', regionId)
    .where('m.lat', 'is not', null)
    .execute();
  const off = centres.filter((c) => !network.nearestNode({ lat: c.lat!, lon: c.lon! }, MAX_SNAP_KM));
  const covered = centres.length - off.length;
  if (centres.length > 0 && covered / centres.length < MIN_COVERAGE) {
    throw new OsmFileError(
      `the extract covers ${covered} of the region's ${centres.length} municipal centres (${Math.round((100 * covered) / centres.length)} %; ${Math.round(MIN_COVERAGE * 100)} % needed); none near ${off.slice(0, 3).map((c) => c.name_fi).join(', ')}${off.length > 3 ? '…' : ''}. Import an extract of the region`,
    );
  }
}

/** Removes a region's road network; its travel times go back to the estimate. False when it had none. */
export async function removeRoads(db: Db, regionId: number): Promise<boolean> {
  const result = await db.deleteFrom('road_network').where('region_id', '=', regionId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
