import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { Unzip, UnzipInflate } from 'fflate';
import { HttpError } from '../http/errors.js';
import { fileTooLarge, SPREADSHEET_LIMITS, tooManyRows } from './upload-limits.js';

class UnpackLimitReached extends Error {}

/**
 * Inflates every entry of the ZIP container once, counting what comes out and keeping nothing,
 * and stops as soon as the total passes the limit: the sizes a ZIP declares can lie.
 */
function checkUnpackedSize(content: Buffer, limit: number) {
  let total = 0;
  const unzip = new Unzip((entry) => {
    entry.ondata = (error, chunk) => {
      if (error) throw error;
      total += chunk.length;
      if (total > limit) throw new UnpackLimitReached();
    };
    entry.start();
  });
  unzip.register(UnzipInflate);
  try {
    unzip.push(content, true);
  } catch (error) {
    if (error instanceof UnpackLimitReached) {
      throw fileTooLarge(`The workbook unpacks to more than ${limit / 1024 / 1024} MB; split it into smaller files`);
    }
    throw new HttpError(400, 'unreadable_file', 'The file is not a readable XLSX workbook');
  }
}

/**
 * The first sheet's rows as cell texts (row 1 first; blank rows kept, so that row numbers match
 * the spreadsheet), read as a stream with the limits above.
 */
export async function readXlsxRows(content: Buffer, limits = SPREADSHEET_LIMITS): Promise<string[][]> {
  checkUnpackedSize(content, limits.unpackedBytes);
  const rows: string[][] = [];
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(content), {
      sharedStrings: 'cache',
      styles: 'cache', // dates typed in Excel are numbers with a date style
      worksheets: 'emit',
      hyperlinks: 'ignore',
      entries: 'ignore',
    });
    for await (const sheet of reader) {
      for await (const row of sheet) {
        if (row.number > limits.rows + 1) throw tooManyRows();
        const values = Array.isArray(row.values) ? row.values : [];
        if (values.length > limits.columns + 1) throw fileTooLarge(`The sheet has more than ${limits.columns} columns`);
        while (rows.length < row.number - 1) rows.push([]);
        rows.push(values.slice(1).map((value) => cellText(value as ExcelJS.CellValue)));
      }
      break;
    }
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(400, 'unreadable_file', 'The file is not a readable XLSX workbook');
  }
  return rows;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  }
  return String(value).trim();
}
