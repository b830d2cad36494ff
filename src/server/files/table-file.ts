import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { neutraliseFormula } from './spreadsheet-cells.js';

export type TableFileFormat = 'csv' | 'xlsx';

export const TABLE_CONTENT_TYPES: Record<TableFileFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A column: the row's key, and the header written for it when that differs. */
export type TableColumn = string | { key: string; header: string };

/** The CSV separator: `;` by default, which Excel in a Finnish or Swedish locale opens in columns; `,` on request. */
export type CsvSeparator = 'semicolon' | 'comma';
export const csvSeparatorSchema = z.enum(['semicolon', 'comma']).default('semicolon').describe('CSV field separator: semicolon (Excel in Finnish and Swedish) or comma');

/**
 * Rows as CSV: UTF-8 with a byte-order mark (which Excel needs for ä, ö, å), every cell that a
 * spreadsheet would run as a formula neutralised, decimals with a comma when the separator is `;`.
 */
export function writeCsv(rows: readonly object[], columns: readonly TableColumn[], separator: CsvSeparator = 'semicolon'): Buffer {
  // Excel in a Finnish or Swedish locale, which the semicolon is for, reads `12.3` as a date: decimals get a comma there.
  const cell = (value: unknown) => (separator === 'semicolon' && typeof value === 'number' && !Number.isInteger(value) ? String(value).replace('.', ',') : neutraliseFormula(value));
  const safe = rows.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, cell(value)])));
  const delimiter = separator === 'comma' ? ',' : ';';
  return Buffer.from('\uFEFF' + stringify(safe, { header: true, columns: [...columns], delimiter }), 'utf8');
}

/** Rows as a CSV (see writeCsv) or an XLSX sheet with a bold header (its cells are text, never formulas). */
export async function writeTableFile(rows: readonly object[], columns: readonly string[], format: TableFileFormat, sheetName: string, separator?: CsvSeparator): Promise<Buffer> {
  if (format === 'csv') return writeCsv(rows, columns, separator);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = columns.map((key) => ({ header: key, key, width: Math.max(12, key.length + 2) }));
  sheet.addRows([...rows]);
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
