import { HttpError } from '../http/errors.js';

/** What an uploaded spreadsheet may hold: a workbook unpacks to many times its size, so both are capped. */
export const SPREADSHEET_LIMITS = { unpackedBytes: 40 * 1024 * 1024, rows: 50_000, columns: 200 };

export const fileTooLarge = (message: string) => new HttpError(413, 'file_too_large', message);

export const tooManyRows = () => fileTooLarge(`The file has more than ${SPREADSHEET_LIMITS.rows} rows; split it into smaller files`);
