import { parse } from 'csv-parse/sync';
import type { Db } from '../../server/db/database.js';
import { restoreNeutralised } from '../../server/files/spreadsheet-cells.js';
import { fileTooLarge, readXlsxRows, SPREADSHEET_LIMITS } from '../../server/files/xlsx-rows.js';
import { badRequest, HttpError, type FieldIssue } from '../../server/http/errors.js';
import { offeringFieldsSchema } from './offering-schema.js';
import { prepareOffering } from './offering-writes.js';
import {
  COLUMN_OF_FIELD,
  fieldsFromFileRow,
  type OfferingColumn,
  type OfferingFileRow,
} from './offering-table-format.js';

export type OfferingFileFormat = 'csv' | 'xlsx';
const REQUIRED_COLUMNS: OfferingColumn[] = ['course_code', 'mode', 'language', 'academic_year', 'capacity', 'seats_for_partners', 'target_groups'];
const FIRST_DATA_ROW = 2;

export async function readOfferingFile(content: Buffer, format: OfferingFileFormat): Promise<OfferingFileRow[]> {
  const records = format === 'csv' ? readCsv(content) : await readXlsx(content);
  if (records.length > SPREADSHEET_LIMITS.rows) throw fileTooLarge(`The file has more than ${SPREADSHEET_LIMITS.rows} rows; split it into smaller files`);
  const withNul = records.flatMap((record, i) =>
    Object.entries(record)
      .filter(([, value]) => value?.includes('\u0000'))
      .map(([column]) => ({ path: column, row: FIRST_DATA_ROW + i, code: 'nul_character', message: 'contains a NUL character' })),
  );
  if (withNul.length > 0) throw badRequest(withNul.slice(0, 200), `${withNul.length} cells hold a NUL character; nothing was imported`);
  const header = Object.keys(records[0] ?? {});
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (records.length > 0 && missing.length > 0) {
    throw badRequest(
      missing.map((column) => ({ path: column, row: 1, code: 'missing_column', message: `column ${column} is missing` })),
      'The file lacks required columns; nothing was imported',
    );
  }
  return records;
}

/** Spreadsheets in a Finnish locale save CSV with semicolons; the header line tells which one a file uses. */
function detectDelimiter(content: Buffer): ',' | ';' {
  const header = content.toString('utf8', 0, Math.min(content.length, 4096)).split(/\r?\n/, 1)[0] ?? '';
  return (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ',';
}

function readCsv(content: Buffer): OfferingFileRow[] {
  try {
    return parse(content, {
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      bom: true,
      skip_empty_lines: true,
      delimiter: detectDelimiter(content),
      trim: true,
      // Cells the export neutralised against formula injection come back as they were.
      cast: (value) => restoreNeutralised(value),
    });
  } catch (error) {
    throw new HttpError(400, 'unreadable_file', `The CSV file cannot be read: ${(error as Error).message}`);
  }
}

async function readXlsx(content: Buffer): Promise<OfferingFileRow[]> {
  const [headerRow = [], ...dataRows] = await readXlsxRows(content);
  const header = headerRow.map((cell) => cell.toLowerCase());
  return dataRows.map((cells) => Object.fromEntries(cells.flatMap((cell, i) => (header[i] ? [[header[i], cell]] : []))));
}

const isBlank = (row: OfferingFileRow) => Object.values(row).every((v) => !v?.trim());

/**
 * Imports a provider's offerings from file rows: all or nothing. Every row is checked first;
 * any bad row aborts the import with each problem and its row number.
 */
export async function importOfferings(db: Db, providerId: number, rows: OfferingFileRow[]) {
  return db.transaction().execute(async (tx) => {
    const sites = await tx
      .selectFrom('site')
      .innerJoin('organization', 'organization.id', 'site.organization_id')
      .select(['site.id', 'site.name'])
      .where('site.region_id', '=', (eb) => eb.selectFrom('organization').select('region_id').where('id', '=', providerId))
      .execute();
    const siteIdByName = new Map(sites.map((s) => [s.name.toLowerCase(), s.id]));
    const issues: FieldIssue[] = [];
    const writes: { id: number | null; row: NonNullable<Awaited<ReturnType<typeof prepareOffering>>['row']> }[] = [];

    for (const [index, fileRow] of rows.entries()) {
      const rowNumber = index + FIRST_DATA_ROW;
      if (isBlank(fileRow)) continue;
      const at = (field: string) => COLUMN_OF_FIELD[field] ?? field;
      const rowIssues: FieldIssue[] = [];
      const raw = fieldsFromFileRow(fileRow, siteIdByName);
      if (raw.siteId === -1) rowIssues.push({ path: 'site', code: 'unknown_site', message: `no site named "${fileRow.site}"` });
      const parsed = offeringFieldsSchema.safeParse({ ...raw, siteId: raw.siteId === -1 ? null : raw.siteId });
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          rowIssues.push({ path: at(String(issue.path[0] ?? '')), code: issue.code, message: issue.message });
        }
      }
      const id = fileRow.id?.trim() ? Number(fileRow.id) : null;
      if (id !== null) {
        const existing = Number.isInteger(id)
          ? await tx.selectFrom('offering').select(['provider_id', 'seats_taken']).where('id', '=', id).executeTakeFirst()
          : undefined;
        if (existing?.provider_id !== providerId) {
          rowIssues.push({ path: 'id', code: 'unknown_offering', message: `offering ${fileRow.id} is not one of this provider's` });
        } else if (parsed.success && parsed.data.seatsForPartners < existing.seats_taken) {
          rowIssues.push({ path: 'seats_for_partners', code: 'below_seats_taken', message: `${existing.seats_taken} partner seats are taken already` });
        }
      }
      const status = fileRow.status?.trim() || 'published';
      if (status !== 'published' && status !== 'withdrawn') {
        rowIssues.push({ path: 'status', code: 'invalid_value', message: 'status is published or withdrawn' });
      }
      if (parsed.success && rowIssues.length === 0) {
        const prepared = await prepareOffering(tx, providerId, parsed.data, at);
        rowIssues.push(...prepared.issues);
        if (prepared.row) writes.push({ id, row: { ...prepared.row, status } });
      }
      issues.push(...rowIssues.map((issue) => ({ ...issue, row: rowNumber })));
    }

    if (issues.length > 0) {
      const badRows = new Set(issues.map((i) => i.row)).size;
      throw badRequest(issues, `${badRows} row(s) have errors; nothing was imported`);
    }
    let created = 0;
    let updated = 0;
    for (const { id, row } of writes) {
      if (id === null) {
        await tx.insertInto('offering').values(row).execute();
        created++;
      } else {
        await tx.updateTable('offering').set({ ...row, updated_at: new Date() }).where('id', '=', id).execute();
        updated++;
      }
    }
    return { created, updated };
  });
}
