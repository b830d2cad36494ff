import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ApiClient } from '../../../test/api-client.js';
import { ENGINES } from '../../../test/databases.js';
import { useDemoApp } from '../../../test/test-app.js';
import { OFFERING_COLUMNS } from './offering-table-format.js';

const HEADER = 'course_code,site,mode,language,academic_year,periods,time_slots,capacity,seats_for_partners,target_groups,fee_euros,enrolment_start,enrolment_end,contact_name,contact_email';
const GOOD_ROW = '106109,"Lappia, Tornion kampus",onsite,fi,2026-2027,2,"ti 08:30-14:30; to 08:30-14:30",16,4,young;adult,0,2026-08-01,2026-09-30,Haku,haku@example.fi';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ONLINE_ROW = '101053,,online,fi,2026-2027,1;2;3,,40,20,young,0,,,,';

/** Made once for both engines: writing 50,001 rows takes seconds. */
let longWorkbook: Promise<Buffer> | undefined;
function fiftyThousandAndOneRows(): Promise<Buffer> {
  longWorkbook ??= (async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('offerings');
    sheet.addRow(['course_code', 'mode', 'language', 'academic_year', 'capacity', 'seats_for_partners', 'target_groups']);
    for (let i = 0; i < 50_001; i++) sheet.addRow(['101053', 'online', 'fi', '2026-2027', 40, 20, 'young']);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  })();
  return longWorkbook;
}

describe.each(ENGINES)('offering import and export on %s', (engine) => {
  const context = useDemoApp(engine);
  const lappiaCount = async () =>
    Number(
      (
        await context.db
          .selectFrom('offering')
          .innerJoin('organization', 'organization.id', 'offering.provider_id')
          .where('organization.name', 'like', 'Lappia%')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const coordinator = async () => {
    const client = new ApiClient(context.app);
    await client.login('koordinaattori.lappia@tarjotin.example');
    return client;
  };
  const upload = (client: ApiClient, body: string | Buffer, type = 'text/csv') =>
    client.request('POST', '/offerings/import', body, { 'content-type': type });

  it('imports every row of a good CSV file', async () => {
    const client = await coordinator();
    const before = await lappiaCount();
    const result = await upload(client, [HEADER, GOOD_ROW, ONLINE_ROW].join('\n'));
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ created: 2, updated: 0 });
    expect(await lappiaCount()).toBe(before + 2);
  });

  it('reads CSV as Finnish Excel saves it: semicolons, Windows-1252', async () => {
    const client = await coordinator();
    const before = await lappiaCount();
    const excel = [
      HEADER.replaceAll(',', ';'),
      '106109;"Lappia, Tornion kampus";onsite;fi;2026-2027;2;"ti 08:30-14:30; to 08:30-14:30";16;4;"young;adult";0;2026-08-01;2026-09-30;Päivi Hämäläinen;haku@example.fi',
    ].join('\r\n');
    const result = await upload(client, Buffer.from(excel, 'latin1'));
    expect(result.body).toEqual({ created: 1, updated: 0 });
    expect(await lappiaCount()).toBe(before + 1);
    const created = await context.db.selectFrom('offering').select(['contact_name', 'time_slots']).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(created.contact_name).toBe('Päivi Hämäläinen');
  });

  it('rejects a file with one bad row, naming the row and the reason, and imports nothing', async () => {
    const client = await coordinator();
    const before = await lappiaCount();
    const badRow = '106101,"Lappia, Tornion kampus",onsite,fi,2026-2027,2,,10,12,young,0,,,,';
    const unknownSite = '106108,Nowhere,onsite,fi,2026-2027,2,,10,2,young,0,,,,';
    const result = await upload(client, [HEADER, GOOD_ROW, badRow, ONLINE_ROW, unknownSite].join('\n'));
    expect(result.status).toBe(400);
    expect(result.body.message).toMatch(/2 row\(s\)/);
    expect(result.body.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, path: 'seats_for_partners', code: 'exceeds_capacity' }),
        expect.objectContaining({ row: 5, path: 'site', code: 'unknown_site' }),
      ]),
    );
    expect(await lappiaCount()).toBe(before);
  });

  it('reports missing columns and unreadable files', async () => {
    const client = await coordinator();
    const missing = await upload(client, 'course_code,mode\n106109,onsite');
    expect(missing.status).toBe(400);
    expect(missing.body.issues.map((i: { path: string }) => i.path)).toContain('capacity');
    const broken = await upload(client, Buffer.from('not a workbook'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(broken.status).toBe(400);
    expect(broken.body.error).toBe('unreadable_file');
    // An empty file, a header alone and random bytes hold no offerings: refused, not "0 created".
    for (const nothing of [Buffer.alloc(0), Buffer.from(`${HEADER}\n`), Buffer.from([0x8f, 0x02, 0xff, 0x10, 0x41])]) {
      const refused = await upload(client, nothing);
      expect(refused.status).toBe(400);
      expect(refused.body.error).toBe('empty_file');
    }
  });

  it('refuses an import by a student and an update of another provider\'s offering', async () => {
    const student = new ApiClient(context.app);
    await student.login('opiskelija.pello@tarjotin.example');
    expect((await upload(student, [HEADER, GOOD_ROW].join('\n'))).status).toBe(403);
    const reduOffering = await context.db
      .selectFrom('offering')
      .innerJoin('organization', 'organization.id', 'offering.provider_id')
      .where('organization.name', 'like', 'Lapin koulutuskeskus REDU%')
      .select('offering.id')
      .executeTakeFirstOrThrow();
    const client = await coordinator();
    const result = await upload(client, [`id,${HEADER}`, `${reduOffering.id},${GOOD_ROW}`].join('\n'));
    expect(result.status).toBe(400);
    expect(result.body.issues[0]).toMatchObject({ row: 2, path: 'id', code: 'unknown_offering' });
  });

  it('writes no cell a spreadsheet would run as a formula, and reads such cells back unchanged', async () => {
    const client = await coordinator();
    const providerId = (await client.get('/auth/session')).body.user.organizationId;
    const formulas = ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', "=cmd|' /C calc'!A0"];
    const ids = (await client.get(`/offerings?provider=${providerId}&limit=5&sort=code`)).body.items.map((o: { id: number }) => o.id);
    for (const [i, contactName] of formulas.entries()) expect((await client.patch(`/offerings/${ids[i]}`, { contactName })).status).toBe(200);
    const csv = await client.get(`/offerings/export?provider=${providerId}&format=csv`);
    const rows: Record<string, string>[] = parse(csv.raw, { columns: true, bom: true, delimiter: ';' });
    const written = rows.filter((r) => ids.includes(Number(r.id))).map((r) => r.contact_name);
    expect(written.sort()).toEqual(formulas.map((f) => `'${f}`).sort());
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect((await upload(client, csv.raw)).status).toBe(200);
    for (const [i, contactName] of formulas.entries()) expect((await client.get(`/offerings/${ids[i]}`)).body.contactName).toBe(contactName);
  });

  it('refuses, with 413 and a message, an upload over 10 MB and a workbook that unpacks beyond its limit', async () => {
    const client = await coordinator();
    const before = await lappiaCount();
    const huge = await upload(client, Buffer.alloc(11 * 1024 * 1024, 'a'));
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ error: 'file_too_large', message: 'The upload is larger than 10 MB' });

    // A few kilobytes that inflate to 64 MB: refused while unpacking, without holding it.
    const bomb = Buffer.from(zipSync({ '[Content_Types].xml': new Uint8Array(10), 'xl/sharedStrings.xml': new Uint8Array(64 * 1024 * 1024) }));
    expect(bomb.length).toBeLessThan(200_000);
    const started = performance.now();
    const refused = await upload(client, bomb, XLSX);
    expect(refused.status).toBe(413);
    expect(refused.body.message).toContain('unpacks to more than 40 MB');
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(await lappiaCount()).toBe(before);
  });

  it('refuses a workbook of more than 50,000 rows with 413', async () => {
    const client = await coordinator();
    const before = await lappiaCount();
    const tooLong = await upload(client, await fiftyThousandAndOneRows(), XLSX);
    expect(tooLong.status).toBe(413);
    expect(tooLong.body.message).toContain('more than 50000 rows');
    const longCsv = await upload(client, ['course_code,mode,language,academic_year,capacity,seats_for_partners,target_groups', ...Array(50_001).fill('101053,online,fi,2026-2027,40,20,young')].join('\n'));
    expect(longCsv.status).toBe(413);
    expect(await lappiaCount()).toBe(before);
  });

  it('exports CSV that imports back as updates, and reads XLSX the same way', async () => {
    const client = await coordinator();
    const providerId = (await client.get('/auth/session')).body.user.organizationId;
    const csv = await client.get(`/offerings/export?provider=${providerId}&format=csv`);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    // For Excel in a Finnish or Swedish locale: a byte-order mark, semicolons.
    expect(csv.raw.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.raw.toString('utf8').split('\n', 1)[0]).toMatch(/^\uFEFFid;course_code;/);
    const rows: Record<string, string>[] = parse(csv.raw, { columns: true, bom: true, delimiter: ';' });
    expect(rows.length).toBeGreaterThan(10);
    const comma = await client.get(`/offerings/export?provider=${providerId}&format=csv&separator=comma`);
    expect(parse(comma.raw, { columns: true, bom: true })).toEqual(rows);
    expect(rows[0]).toHaveProperty('course_code');
    const before = await lappiaCount();
    const reimport = await upload(client, csv.raw);
    expect(reimport.body).toEqual({ created: 0, updated: rows.length });
    expect(await lappiaCount()).toBe(before);

    const xlsx = await client.get(`/offerings/export?provider=${providerId}&format=xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.raw as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(rows.length + 1);
    sheet.getRow(2).getCell(OFFERING_COLUMNS.indexOf('capacity') + 1).value = 'many'; // the first offering's capacity
    const edited = Buffer.from(await workbook.xlsx.writeBuffer());
    const result = await upload(client, edited, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(result.status).toBe(400);
    expect(result.body.issues[0]).toMatchObject({ row: 2, path: 'capacity' });
  });
});
