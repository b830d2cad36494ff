import { badRequest, HttpError, type FieldIssue } from '../http/errors.js';
import { excerpt } from '../http/excerpt.js';
import { parseCsv } from './csv-records.js';
import { restoreNeutralised } from './spreadsheet-cells.js';
import type { TableFileFormat } from './table-file.js';
import { decodeText, detectCsvLayout } from './text-encoding.js';
import { SPREADSHEET_LIMITS, tooManyRows } from './upload-limits.js';
import { readXlsxRows } from './xlsx-rows.js';

/** A data row of an uploaded table, by its (normalised) column header. */
export type TableRecord = Record<string, string>;

/** The first data row's number, counting the header as row 1 as spreadsheets do. */
export const FIRST_DATA_ROW = 2;

/**
 * Reads an uploaded CSV (any encoding and separator Excel saves) or XLSX into records keyed by
 * `header(column)`; a cell holding a NUL character is refused with its row and column, and a file
 * of more rows than the caps allow, before anything else is done with it.
 */
export async function readTableRecords(content: Buffer, format: TableFileFormat, header: (column: string) => string = (c) => c.trim().toLowerCase()): Promise<TableRecord[]> {
  const records = format === 'csv' ? await readCsv(content, header) : await readXlsx(content, header);
  if (records.length > SPREADSHEET_LIMITS.rows) throw tooManyRows();
  const withNul = records.flatMap((record, i) =>
    Object.entries(record)
      .filter(([, value]) => value?.includes('\u0000'))
      .map(([column]) => ({ path: column, row: FIRST_DATA_ROW + i, code: 'nul_character', message: 'contains a NUL character' })),
  );
  if (withNul.length > 0) throw badRequest(withNul.slice(0, 200), `${withNul.length} cells hold a NUL character; nothing was imported`);
  return records;
}

export const isBlankRecord = (record: TableRecord) => Object.values(record).every((v) => !v?.trim());

async function readCsv(content: Buffer, header: (column: string) => string): Promise<TableRecord[]> {
  try {
    // Finnish Excel saves "CSV (semicolon delimited)" in Windows-1252; the text is decoded whatever it is.
    const { text } = decodeText(content);
    return await parseCsv<TableRecord>(text, {
      columns: (h: string[]) => h.map(header),
      bom: true,
      skip_empty_lines: true,
      delimiter: detectCsvLayout(text).delimiter,
      trim: true,
      // Cells an export neutralised against formula injection come back as they were.
      cast: (value) => restoreNeutralised(value),
    });
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(400, 'unreadable_file', `The CSV file cannot be read: ${excerpt((error as Error).message, 120)}`);
  }
}

async function readXlsx(content: Buffer, header: (column: string) => string): Promise<TableRecord[]> {
  const [headerRow = [], ...dataRows] = await readXlsxRows(content);
  const columns = headerRow.map(header);
  return dataRows.map((cells) => Object.fromEntries(cells.flatMap((cell, i) => (columns[i] ? [[columns[i], cell]] : []))));
}

/**
 * An import's refusal: every problem with its row, as `issues` and as the `rows` the file's user
 * reads; `nothingWritten` says so in the message ("no student was imported").
 */
export function refusedImport(issues: FieldIssue[], nothingWritten: string) {
  const shown = issues.slice(0, 500);
  return new HttpError(400, 'validation_failed', `${issues.length} problem${issues.length === 1 ? '' : 's'} in the file; ${nothingWritten}`, shown, {
    rows: shown.map((i) => ({ row: i.row ?? 1, field: i.path, message: i.message })),
  });
}
