import type { Db } from '../../server/db/database.js';
import { FIRST_DATA_ROW, isBlankRecord, readTableRecords } from '../../server/files/table-records.js';
import { badRequest, HttpError, type FieldIssue } from '../../server/http/errors.js';
import { INT4_MAX } from '../../server/http/input-schemas.js';
import { excerpt } from '../../server/http/excerpt.js';
import { offeringFieldsSchema } from './offering-schema.js';
import { writeOfferingImport, type CheckedOffering, type ImportStage } from './offering-import-journal.js';
import { OfferingLookups } from './offering-lookups.js';
import { prepareOffering } from './offering-writes.js';
import {
  COLUMN_OF_FIELD,
  fieldsFromFileRow,
  type OfferingColumn,
  type OfferingFileRow,
} from './offering-table-format.js';

export type OfferingFileFormat = 'csv' | 'xlsx';
const REQUIRED_COLUMNS: OfferingColumn[] = ['course_code', 'mode', 'language', 'academic_year', 'capacity', 'seats_for_partners', 'target_groups'];

export async function readOfferingFile(content: Buffer, format: OfferingFileFormat): Promise<OfferingFileRow[]> {
  const records = (await readTableRecords(content, format)) as OfferingFileRow[];
  if (records.length === 0) throw new HttpError(400, 'empty_file', 'The file holds no offerings: a header row and at least one row are needed');
  const header = Object.keys(records[0] ?? {});
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw badRequest(
      missing.map((column) => ({ path: column, row: 1, code: 'missing_column', message: `column ${column} is missing` })),
      'The file lacks required columns; nothing was imported',
    );
  }
  return records;
}

export type OfferingImportStage = 'check' | ImportStage;

/** Rows checked between two yields to the event loop: checking is CPU work, and other requests wait meanwhile. */
const CHECK_SLICE = 500;

/**
 * Imports a provider's offerings from file rows: all or nothing. Every row is checked first, with
 * each course, site and time frame read once; any bad row aborts the import with each problem and
 * its row number. The good rows are written in small batches (offering-import-journal.ts), so a
 * large import never holds the database from other users for long.
 */
export async function importOfferings(
  db: Db,
  providerId: number,
  rows: OfferingFileRow[],
  onProgress?: (stage: OfferingImportStage, done: number, total: number) => void,
) {
  const lookups = new OfferingLookups(db);
  const provider = await lookups.provider(providerId);
  if (!provider) throw badRequest([{ path: 'provider', code: 'unknown_provider', message: 'no such provider' }]);
  const sites = await db.selectFrom('site').select(['id', 'name']).where('region_id', '=', provider.region_id).execute();
  const siteIdByName = new Map(sites.map((s) => [s.name.toLowerCase(), s.id]));
  const existing = await existingOfferings(db, rows);
  const issues: FieldIssue[] = [];
  const checked: CheckedOffering[] = [];

  for (const [index, fileRow] of rows.entries()) {
    if (index % CHECK_SLICE === 0) {
      onProgress?.('check', index, rows.length);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const rowNumber = index + FIRST_DATA_ROW;
    if (isBlankRecord(fileRow)) continue;
    const at = (field: string) => COLUMN_OF_FIELD[field] ?? field;
    const rowIssues: FieldIssue[] = [];
    const raw = fieldsFromFileRow(fileRow, siteIdByName);
    if (raw.siteId === -1) rowIssues.push({ path: 'site', code: 'unknown_site', message: `no site named "${excerpt(fileRow.site)}"` });
    const parsed = offeringFieldsSchema.safeParse({ ...raw, siteId: raw.siteId === -1 ? null : raw.siteId });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        rowIssues.push({ path: at(String(issue.path[0] ?? '')), code: issue.code, message: issue.message });
      }
    }
    const id = offeringIdOf(fileRow);
    if (id !== null) {
      const current = existing.get(id);
      if (current?.provider_id !== providerId) {
        rowIssues.push({ path: 'id', code: 'unknown_offering', message: `offering ${excerpt(fileRow.id)} is not one of this provider's` });
      } else if (parsed.success && parsed.data.seatsForPartners < current.seats_taken) {
        rowIssues.push({ path: 'seats_for_partners', code: 'below_seats_taken', message: `${current.seats_taken} partner seats are taken already` });
      }
    }
    const status = fileRow.status?.trim() || 'published';
    if (status !== 'published' && status !== 'withdrawn') {
      rowIssues.push({ path: 'status', code: 'invalid_value', message: 'status is published or withdrawn' });
    }
    if (parsed.success && rowIssues.length === 0) {
      const prepared = await prepareOffering(lookups, providerId, parsed.data, at);
      rowIssues.push(...prepared.issues);
      if (prepared.row) checked.push({ offeringId: id, rowNumber, row: { ...prepared.row, status } });
    }
    issues.push(...rowIssues.map((issue) => ({ ...issue, row: rowNumber })));
  }

  if (issues.length > 0) {
    const badRows = new Set(issues.map((i) => i.row)).size;
    throw badRequest(issues.slice(0, MAX_REPORTED_ISSUES), `${badRows} row(s) have errors; nothing was imported`);
  }
  await writeOfferingImport(db, provider.region_id, providerId, checked, onProgress);
  const created = checked.filter((c) => c.offeringId === null).length;
  return { created, updated: checked.length - created };
}

/** Problems listed in one answer; the message counts them all. */
const MAX_REPORTED_ISSUES = 500;

/** The id column of a row: null when empty, NaN when not a whole number (reported as unknown). */
function offeringIdOf(row: OfferingFileRow): number | null {
  const text = row.id?.trim();
  if (!text) return null;
  return /^[1-9][0-9]{0,9}$/.test(text) && Number(text) <= INT4_MAX ? Number(text) : NaN;
}

/** The offerings the file's rows name by id, read in chunks. */
async function existingOfferings(db: Db, rows: OfferingFileRow[]) {
  const ids = [...new Set(rows.map(offeringIdOf).filter((id): id is number => id !== null && !Number.isNaN(id)))];
  const found = new Map<number, { provider_id: number; seats_taken: number }>();
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = await db.selectFrom('offering').select(['id', 'provider_id', 'seats_taken']).where('id', 'in', ids.slice(i, i + 1000)).execute();
    for (const o of chunk) found.set(o.id, o);
  }
  return found;
}
