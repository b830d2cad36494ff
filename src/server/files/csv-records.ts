import { parse, type Options } from 'csv-parse';

/** Bytes the parser takes between two yields to the event loop (about 10 ms of parsing here). */
const SLICE_BYTES = 64 * 1024;

/**
 * Parses CSV a slice at a time, letting the event loop serve other requests between slices:
 * a 2 MB file takes over a second to parse, which would otherwise stop the whole server.
 */
export function parseCsv<T = Record<string, string>>(content: Buffer | string, options: Options): Promise<T[]> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return new Promise((resolve, reject) => {
    const records: T[] = [];
    const parser = parse(options);
    parser.on('readable', () => {
      for (let record = parser.read(); record !== null; record = parser.read()) records.push(record as T);
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
