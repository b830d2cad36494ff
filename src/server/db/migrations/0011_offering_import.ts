import { sql, type Kysely } from 'kysely';

/**
 * Large offering imports that never hold the database for long: the checked rows are staged
 * here in small batches, and applied to `offering` in small batches after a commit point. An
 * import abandoned while `staging` (its process stopped) is dropped; one abandoned while
 * `applying` is finished. So an import is all or nothing, and other requests run between its batches.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table offering_import (
      id serial primary key,
      region_id integer not null references region(id) on delete cascade,
      provider_id integer not null references organization(id) on delete cascade,
      state text not null default 'staging' check (state in ('staging', 'applying')),
      created_at timestamptz not null default now(),
      -- Touched by every batch: an import not touched for a while was abandoned by a stopped process.
      touched_at timestamptz not null default now()
    );

    create table offering_import_row (
      id serial primary key,
      import_id integer not null references offering_import(id) on delete cascade,
      region_id integer not null,
      -- null: a new offering
      offering_id integer references offering(id) on delete cascade,
      row_number integer not null,
      offering jsonb not null
    );
    create index offering_import_row_batch_idx on offering_import_row (import_id, id);
  `.execute(db);
}
