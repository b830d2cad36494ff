import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ApiClient } from '../../../test/api-client.js';
import { ENGINES } from '../../../test/databases.js';
import { useDemoApp } from '../../../test/test-app.js';
import { recoverAbandonedImports } from './offering-import-journal.js';

const HEADER = 'course_code,site,mode,language,academic_year,periods,time_slots,capacity,seats_for_partners,target_groups,fee_euros,contact_name';
const row = (i: number) => `106109,"Lappia, Tornion kampus",onsite,fi,2026-2027,2,"ti 08:30-14:30",${16 + (i % 10)},4,young,0,Haku ${i}`;

describe.each(ENGINES)('large offering imports on %s', (engine) => {
  const context = useDemoApp(engine);
  const count = async (where = sql`true`) =>
    Number((await sql<{ n: number }>`select count(*)::int as n from offering where ${where}`.execute(context.db)).rows[0]!.n);

  it('lets other requests through between its batches, and writes every row', async () => {
    const coordinator = new ApiClient(context.app);
    await coordinator.login('koordinaattori.lappia@tarjotin.example');
    const before = await count();
    const csv = [HEADER, ...Array.from({ length: 3000 }, (_, i) => row(i))].join('\n');
    let importing = true;
    const waits: number[] = [];
    const visitor = new ApiClient(context.app);
    const searching = (async () => {
      while (importing) {
        const started = performance.now();
        expect((await visitor.get('/offerings?q=matematiikka&limit=5')).status).toBe(200);
        waits.push(performance.now() - started);
        // A visitor's next click; in one process, a loop of requests without a pause would never let the import's turn come.
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const imported = await coordinator.request('POST', '/offerings/import', csv, { 'content-type': 'text/csv' });
    importing = false;
    await searching;
    expect(imported.body).toEqual({ created: 3000, updated: 0 });
    expect(await count()).toBe(before + 3000);
    // The tray answered all along: several searches finished while the import ran, none waited long.
    expect(waits.length).toBeGreaterThan(5);
    expect(Math.max(...waits)).toBeLessThan(1500);
    expect(await context.db.selectFrom('offering_import').select('id').execute()).toEqual([]);
  });

  it('drops an import its process left while staging, and finishes one it left while applying', async () => {
    const offering = await context.db.selectFrom('offering').selectAll().where('seats_for_partners', '>', 0).orderBy('id').executeTakeFirstOrThrow();
    const { id, created_at, updated_at, seats_taken, course_code, course_sort_name, education_form, field, ...columns } = offering;
    void [created_at, updated_at, course_code, course_sort_name, education_form, field];
    const staged = (importId: number, values: object, offeringId: number | null) => ({
      import_id: importId,
      region_id: offering.region_id,
      offering_id: offeringId,
      row_number: 2,
      offering: JSON.stringify({ ...columns, time_slots: JSON.stringify(offering.time_slots), ...values }),
    });
    const longAgo = new Date(Date.now() - 3600_000);
    const newImport = (state: 'staging' | 'applying') =>
      context.db.insertInto('offering_import').values({ region_id: offering.region_id, provider_id: offering.provider_id, state, touched_at: longAgo }).returning('id').executeTakeFirstOrThrow();

    const left = await newImport('staging');
    await context.db.insertInto('offering_import_row').values(staged(left.id, { contact_name: 'Jäi kesken' }, null)).execute();
    const applying = await newImport('applying');
    await context.db.updateTable('offering').set({ seats_taken: 1 }).where('id', '=', id).execute();
    await context.db
      .insertInto('offering_import_row')
      .values([staged(applying.id, { contact_name: 'Valmistui' }, null), staged(applying.id, { contact_name: 'Päivitetty', seats_for_partners: 0 }, id)])
      .execute();
    const fresh = await context.db.insertInto('offering_import').values({ region_id: offering.region_id, provider_id: offering.provider_id }).returning('id').executeTakeFirstOrThrow();

    await recoverAbandonedImports(context.db);
    expect(await count(sql`contact_name = 'Jäi kesken'`)).toBe(0);
    expect(await count(sql`contact_name = 'Valmistui'`)).toBe(1);
    const updated = await context.db.selectFrom('offering').select(['contact_name', 'seats_for_partners', 'seats_taken']).where('id', '=', id).executeTakeFirstOrThrow();
    // A seat taken after the commit point is kept: partner seats do not fall below it.
    expect(updated).toEqual({ contact_name: 'Päivitetty', seats_for_partners: 1, seats_taken: 1 });
    // An import still being written by a live process is left alone.
    expect((await context.db.selectFrom('offering_import').select('id').execute()).map((i) => i.id)).toEqual([fresh.id]);
    expect(seats_taken).toBe(0);
  });
});
