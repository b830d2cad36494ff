import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { OfferingDto } from './offering-dto.js';
import type { OfferingFileFormat } from './offering-import.js';
import { OFFERING_COLUMNS, fileRowFromOffering } from './offering-table-format.js';

export const CONTENT_TYPES: Record<OfferingFileFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export async function writeOfferingFile(offerings: OfferingDto[], format: OfferingFileFormat): Promise<Buffer> {
  const rows = offerings.map(fileRowFromOffering);
  if (format === 'csv') {
    // A byte-order mark makes Excel read the file as UTF-8 (ä, ö, å).
    return Buffer.from('\uFEFF' + stringify(rows, { header: true, columns: [...OFFERING_COLUMNS] }), 'utf8');
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('offerings');
  sheet.columns = OFFERING_COLUMNS.map((key) => ({ header: key, key, width: Math.max(12, key.length + 2) }));
  sheet.addRows(rows);
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
