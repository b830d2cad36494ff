import { sql, type Insertable } from 'kysely';
import type { Db } from '../../server/db/database.js';
import { giveWay } from '../../server/db/give-way.js';
import type { OfferingTable } from '../../server/db/schema.js';
import { badRequest } from '../../server/http/errors.js';

/** A checked row of an import: a new offering (`offeringId` null) or new values for an existing one. */
export interface CheckedOffering {
  offeringId: number | null;
  rowNumber: number;
  row: Insertable<OfferingTable>;
}

export type ImportStage = 'stage' | 'apply';

/** Rows a batch writes: a few tens of milliseconds on the embedded database, so others wait no longer. */
const BATCH = 250;
/** An import whose batches stopped this long ago was abandoned by a process that ended. */
const ABANDONED_AFTER_MINUTES = 10;

/**
 * Writes checked offerings all or nothing without holding the database: they are staged in
 * batches, a short commit transaction re-checks what may have changed meanwhile (partner seats
 * taken on updated offerings) and marks the import `applying`, and batches then move them into
 * `offering`. A failure before the commit point drops the staged rows; after it the import is
 * finished, by this process or, if it stops, by the maintenance of the next (recoverAbandonedImports).
 */
export async function writeOfferingImport(
  db: Db,
  regionId: number,
  providerId: number,
  offerings: CheckedOffering[],
  onProgress?: (stage: ImportStage, done: number, total: number) => void,
): Promise<void> {
  const { id } = await db.insertInto('offering_import').values({ region_id: regionId, provider_id: providerId }).returning('id').executeTakeFirstOrThrow();
  try {
    for (let i = 0; i < offerings.length; i += BATCH) {
      const started = performance.now();
      const rows = offerings.slice(i, i + BATCH).map((o) => ({
        import_id: id,
        region_id: regionId,
        offering_id: o.offeringId,
        row_number: o.rowNumber,
        offering: JSON.stringify(o.row),
      }));
      await db.insertInto('offering_import_row').values(rows).execute();
      await touch(db, id);
      onProgress?.('stage', Math.min(offerings.length, i + BATCH), offerings.length);
      await giveWay(started);
    }
    await commit(db, id);
  } catch (error) {
    await dropImport(db, id);
    throw error;
  }
  await finishImport(db, id, offerings.length, onProgress);
}

async function touch(db: Db, importId: number) {
  await db.updateTable('offering_import').set({ touched_at: new Date() }).where('id', '=', importId).execute();
}

/** The commit point: from here the import is applied whatever happens. */
async function commit(db: Db, importId: number) {
  await db.transaction().execute(async (tx) => {
    const below = await sql<{ row_number: number; seats_taken: number }>`
      select r.row_number, o.seats_taken
      from offering_import_row r join offering o on o.id = r.offering_id
      where r.import_id = ${importId} and (r.offering->>'seats_for_partners')::int < o.seats_taken
      order by r.row_number
    `.execute(tx);
    if (below.rows.length > 0) {
      const issues = below.rows.map((r) => ({
        path: 'seats_for_partners',
        row: r.row_number,
        code: 'below_seats_taken',
        message: `${r.seats_taken} partner seats were taken meanwhile`,
      }));
      throw badRequest(issues, `${issues.length} row(s) have errors; nothing was imported`);
    }
    await tx.updateTable('offering_import').set({ state: 'applying', touched_at: new Date() }).where('id', '=', importId).execute();
  });
}

/**
 * Moves the staged rows into `offering`, a batch per transaction, then forgets the import. Each
 * batch holds the import's row lock, so two processes finishing the same import (maintenance on
 * several servers) never both work on it: the one that cannot take the lock leaves it to the other.
 */
async function finishImport(db: Db, importId: number, total: number, onProgress?: (stage: ImportStage, done: number, total: number) => void) {
  for (let done = 0; ; ) {
    const started = performance.now();
    const moved = await db.transaction().execute(async (tx) => {
      const held = await sql`select id from offering_import where id = ${importId} for update skip locked`.execute(tx);
      if (held.rows.length === 0) return null;
      const batch = await sql<{ offering_id: number | null; offering: Insertable<OfferingTable> }>`
        delete from offering_import_row
        where id in (select id from offering_import_row where import_id = ${importId} order by id limit ${BATCH})
        returning offering_id, offering
      `.execute(tx);
      const created = batch.rows.filter((r) => r.offering_id === null).map((r) => r.offering);
      if (created.length > 0) await tx.insertInto('offering').values(created).execute();
      for (const { offering_id, offering } of batch.rows) {
        if (offering_id === null) continue;
        await tx
          .updateTable('offering')
          // Seats taken after the commit point are not given away: the partner seats (and so the seats in
          // all) stay at least those, so that no batch can fail once the import is committed.
          .set({
            ...offering,
            seats_for_partners: sql`greatest(${offering.seats_for_partners}::int, seats_taken)`,
            capacity: sql`greatest(${offering.capacity}::int, seats_taken)`,
            updated_at: new Date(),
          })
          .where('id', '=', offering_id)
          .execute();
      }
      if (batch.rows.length === 0) {
        await tx.deleteFrom('offering_import').where('id', '=', importId).execute();
        return 0;
      }
      await tx.updateTable('offering_import').set({ touched_at: new Date() }).where('id', '=', importId).execute();
      return batch.rows.length;
    });
    // Done, or another process holds it (and finishes it).
    if (!moved) return;
    done += moved;
    onProgress?.('apply', Math.min(done, total), total);
    await giveWay(started);
  }
}

async function dropImport(db: Db, importId: number) {
  for (;;) {
    const started = performance.now();
    const result = await sql`
      delete from offering_import_row where id in (select id from offering_import_row where import_id = ${importId} order by id limit ${BATCH * 4})
    `.execute(db);
    if (!result.numAffectedRows) break;
    await giveWay(started);
  }
  await db.deleteFrom('offering_import').where('id', '=', importId).execute();
}

/**
 * Finishes imports a stopped process left after their commit point, and drops those it left before.
 * An import counts as left when untouched for `idleMinutes`; a process that alone holds the
 * database (the embedded one) knows at its start that every import is, and passes 0.
 */
export async function recoverAbandonedImports(db: Db, idleMinutes = ABANDONED_AFTER_MINUTES, now = new Date()) {
  const abandoned = await db
    .selectFrom('offering_import')
    .select(['id', 'state'])
    .where('touched_at', '<=', new Date(now.getTime() - idleMinutes * 60_000))
    .execute();
  for (const { id, state } of abandoned) {
    if (state === 'applying') await finishImport(db, id, 0);
    else await dropImport(db, id);
  }
}
