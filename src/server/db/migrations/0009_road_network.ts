import { sql, type Kysely } from 'kysely';

/**
 * A region's road network, imported from an OpenStreetMap extract: one per region, replaced by a
 * new import. The graph is stored whole (see roads/road-network-codec.ts): it is only ever read
 * whole, to time journeys in memory.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table road_network (
      region_id integer primary key references region(id) on delete cascade,
      source text not null,
      imported_at timestamptz not null default now(),
      node_count integer not null check (node_count > 0),
      road_count integer not null check (road_count > 0),
      graph bytea not null
    );
  `.execute(db);
}
