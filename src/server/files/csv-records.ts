import { parse, type Options } from 'csv-parse';
import { SPREADSHEET_LIMITS, tooManyRows } from './upload-limits.js';

/** Bytes the parser takes between two yields to the event loop (about 10 ms of parsing here). */
const SLICE_BYTES = 64 * 1024;

/**
 * Parses CSV a slice at a time, letting the event loop serve other requests between slices:
 * a 2 MB file takes over a second to parse, which would otherwise stop the whole server. More
 * than `maxRecords` records are refused (413).
 */
export function parseCsv<T = Record<string, string>>(content: Buffer | string, options: Options, maxRecords = SPREADSHEET_LIMITS.rows): Promise<T[]> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return new Promise((resolve, reject) => {
    const records: T[] = [];
    const parser = parse(options);
    parser.on('readable', () => {
      for (let record = parser.read(); record !== null; record = parser.read()) {
        records.push(record as T);
        // Counted while parsing: a file of a million short rows stops here, not in memory.
        if (records.length > maxRecords) {
          parser.destroy();
          reject(tooManyRows());
          return;
        }
      }
    });
    parser.on('error', reject);
    parser.on('end', () => resolve(records));
    const feed = (offset: number) => {
      if (parser.destroyed) return;
      if (offset >= bytes.length) {
        parser.end();
        return;
      }
      parser.write(bytes.subarray(offset, offset + SLICE_BYTES));
      setImmediate(() => feed(offset + SLICE_BYTES));
    };
    feed(0);
  });
}
