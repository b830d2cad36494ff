/**
 * The peer a GIS engineer would reach for: pgRouting on PostgreSQL, installed from Debian when
 * missing. `pgr_drivingDistance` from all of a class's site nodes with `equicost => true` assigns
 * every node to its nearest site; each class's assignment is materialized in a table, as a
 * planner would keep it to read indicators from.
 */
import { existsSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import pg from 'pg';
import { installDebianPackages } from '../scripts/install-debian-packages.mjs';
import { postgresBinDir } from '../scripts/test-prerequisites.mjs';
import type { RoadGraph } from '../src/features/travel/road-graph.js';
import { startPostgresServer } from '../test/postgres-server.js';

function pgRoutingPackage(): { name: string; installed: () => boolean } {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL is not installed: run `node scripts/ensure-test-deps.mjs`');
  const major = basename(dirname(bin));
  return { name: `postgresql-${major}-pgrouting`, installed: () => existsSync(`/usr/share/postgresql/${major}/extension/pgrouting.control`) };
}

/** Each two-way road of the graph once: the graph holds it from both ends. */
function roadsOf(graph: RoadGraph) {
  const source: number[] = [];
  const target: number[] = [];
  const cost: number[] = [];
  for (let node = 0; node < graph.nodeCount; node++) {
    for (let e = graph.offsets[node]!; e < graph.offsets[node + 1]!; e++) {
      if (graph.targets[e]! <= node) continue;
      source.push(node);
      target.push(graph.targets[e]!);
      cost.push(graph.minutes[e]!);
    }
  }
  return { source, target, cost };
}

export async function startPgRouting(graph: RoadGraph) {
  const extension = pgRoutingPackage();
  if (!extension.installed()) installDebianPackages([extension.name], () => (extension.installed() ? [] : [extension.name]), 'The pgRouting comparison');
  const server = await startPostgresServer();
  const client = new pg.Client({ connectionString: server.url() });
  await client.connect();
  await client.query('create extension pgrouting cascade');
  const version = (await client.query<{ v: string }>('select pgr_version() as v')).rows[0]!.v;
  await client.query('create table road (id int primary key, source int not null, target int not null, cost float8 not null)');
  const roads = roadsOf(graph);
  const CHUNK = 100_000;
  for (let start = 0; start < roads.source.length; start += CHUNK) {
    await client.query('insert into road select * from unnest($1::int[], $2::int[], $3::int[], $4::float8[])', [
      Array.from({ length: Math.min(CHUNK, roads.source.length - start) }, (_, i) => start + i),
      roads.source.slice(start, start + CHUNK),
      roads.target.slice(start, start + CHUNK),
      roads.cost.slice(start, start + CHUNK),
    ]);
  }
  await client.query('analyze road');
  return {
    version,
    /** Every node's nearest site node and minutes, into table `nearest_<c>`; returns the milliseconds taken. */
    async nearestOfClass(c: number, siteNodes: readonly number[]): Promise<number> {
      const started = performance.now();
      await client.query(
        `create table nearest_${c} as select node::int, from_v::int as site_node, agg_cost from pgr_drivingDistance('select id, source, target, cost from road', $1::bigint[], 1e9, directed => false, equicost => true)`,
        [siteNodes],
      );
      return performance.now() - started;
    },
    async assignments(c: number, nodes: readonly number[]): Promise<Map<number, { siteNode: number; minutes: number }>> {
      const rows = await client.query<{ node: number; site_node: number; agg_cost: number }>(`select node, site_node, agg_cost from nearest_${c} where node = any($1::int[])`, [nodes]);
      return new Map(rows.rows.map((r) => [r.node, { siteNode: r.site_node, minutes: r.agg_cost }]));
    },
    /** pgRouting's own shortest minutes from one node to each of some nodes (pgr_dijkstraCost). */
    async dijkstraCost(from: number, to: readonly number[]): Promise<Map<number, number>> {
      const rows = await client.query<{ end_vid: string; agg_cost: number }>(
        `select end_vid, agg_cost from pgr_dijkstraCost('select id, source, target, cost from road', $1::bigint, $2::bigint[], directed => false)`,
        [from, to],
      );
      return new Map(rows.rows.map((r) => [Number(r.end_vid), r.agg_cost]));
    },
    async stop() {
      await client.end();
      server.stop();
    },
  };
}
