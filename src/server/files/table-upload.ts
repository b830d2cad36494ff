import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { badRequest } from '../http/errors.js';
import { TABLE_CONTENT_TYPES, type TableFileFormat } from './table-file.js';

/** An upload's size cap, for the route's `bodyLimit` too; what an XLSX may unpack to and how many rows a table may have are capped when it is read. */
export const TABLE_UPLOAD_LIMIT = 10 * 1024 * 1024;

/**
 * Lets the routes of the calling plugin take a table file: as the request body (text/csv, an XLSX
 * type or octet-stream), or as the one file of a multipart/form-data upload (a browser's form).
 */
export async function acceptTableUploads(app: FastifyInstance) {
  app.addContentTypeParser(['text/csv', TABLE_CONTENT_TYPES.xlsx, 'application/octet-stream'], { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  await app.register(multipart, { limits: { fileSize: TABLE_UPLOAD_LIMIT, files: 1, fields: 5 } });
}

const XLSX_MAGIC = Buffer.from('PK\u0003\u0004', 'latin1');

/**
 * The uploaded table and its format: as its content type declares (text/csv, the XLSX type), or
 * when none does (octet-stream, a form's file) by its first bytes: an XLSX is a zip.
 */
export async function uploadedTable(request: FastifyRequest): Promise<{ content: Buffer; format: TableFileFormat }> {
  let content: Buffer | undefined;
  let declared: string | undefined;
  if (request.isMultipart()) {
    const part = await request.file();
    content = part ? await part.toBuffer() : undefined;
    declared = part?.mimetype;
  } else if (Buffer.isBuffer(request.body)) {
    content = request.body;
    declared = request.headers['content-type'];
  }
  if (!content) throw badRequest([{ path: 'body', code: 'file_required', message: 'send the file: as text/csv or XLSX, or as a multipart/form-data file' }]);
  const format = declared?.startsWith('text/csv') ? 'csv' : declared?.startsWith(TABLE_CONTENT_TYPES.xlsx) ? 'xlsx' : content.subarray(0, 4).equals(XLSX_MAGIC) ? 'xlsx' : 'csv';
  return { content, format };
}
