import type { Db } from '../../server/db/database.js';
import { basename } from 'node:path';
import { readOsmRoads, OsmFileError } from './osm-file.js';
import { encodeRoadNetwork } from './road-network-codec.js';
import { buildRoadNetwork } from './road-network.js';

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

/** Removes a region's road network; its travel times go back to the estimate. False when it had none. */
export async function removeRoads(db: Db, regionId: number): Promise<boolean> {
  const result = await db.deleteFrom('road_network').where('region_id', '=', regionId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
