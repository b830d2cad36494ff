import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';

export type TableFileFormat = 'csv' | 'xlsx';

export const TABLE_CONTENT_TYPES: Record<TableFileFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Rows as a CSV (UTF-8 with a byte-order mark, which Excel needs for ä, ö, å) or an XLSX sheet with a bold header. */
export async function writeTableFile(rows: Record<string, unknown>[], columns: readonly string[], format: TableFileFormat, sheetName: string): Promise<Buffer> {
  if (format === 'csv') return Buffer.from('\uFEFF' + stringify(rows, { header: true, columns: [...columns] }), 'utf8');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = columns.map((key) => ({ header: key, key, width: Math.max(12, key.length + 2) }));
  sheet.addRows(rows);
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
