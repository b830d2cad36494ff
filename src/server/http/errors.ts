import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isDatabaseUnavailable } from '../db/database-availability.js';
import { UnreadableFileError } from '../files/unreadable-file-error.js';

export interface FieldIssue {
  /** Dotted path of the offending input, e.g. `body.capacity`; in an import, the column name. */
  path: string;
  /** In an import: the row of the file, counting the header as row 1 as spreadsheets do. */
  row?: number;
  /** Machine-readable reason the UI translates, e.g. `too_small`, `required_for_mode`. */
  code: string;
  message: string;
}

/** An error the client caused or is told about; the handler turns it into a JSON response. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly issues: FieldIssue[] = [],
    /** More of the answer's body, for an error whose contract names more (an import's `rows`). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** The body of every error answer, for routes that list their error responses. */
export const errorBodySchema = z.object({
  error: z.string(),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), row: z.number().optional(), code: z.string(), message: z.string() })),
});

export const badRequest = (issues: FieldIssue[], message = 'The request has invalid fields') =>
  new HttpError(400, 'validation_failed', message, issues);
export const notFound = (what: string) => new HttpError(404, 'not_found', `${what} not found`);
export const forbidden = (message = 'You may not do this') => new HttpError(403, 'forbidden', message);
export const unauthorized = () => new HttpError(401, 'unauthorized', 'Sign in first');

function issuePath(context: string | undefined, instancePath: string) {
  const tail = instancePath.replace(/^\//, '').replaceAll('/', '.');
  return [context, tail].filter(Boolean).join('.');
}

/** A database error of a unique constraint: a value in use, which the caller names in its 409. */
export const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

/** Unique, check and foreign-key violations, deadlocks and serialization failures: what a concurrent request causes. */
const CONFLICT_CODES = new Set(['23505', '23514', '23503', '40P01', '40001']);

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof HttpError) {
    return reply.code(error.statusCode).send({ ...error.extra, error: error.code, message: error.message, issues: error.issues });
  }
  // An uploaded file of the wrong kind, or broken: the message says what it is and what to send.
  if (error instanceof UnreadableFileError) {
    return reply.code(400).send({ error: 'unreadable_file', message: `The file cannot be read: ${error.message}`, issues: [] });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((v) => ({
      path: issuePath(error.validationContext, v.instancePath),
      // A refinement names its own code in its params (e.g. `invalid_business_id`); zod calls it `custom`.
      code: String((v.params as { params?: { code?: string } }).params?.code ?? v.keyword),
      message: v.message ?? 'invalid',
    }));
    return reply.code(400).send({ error: 'validation_failed', message: 'The request has invalid fields', issues });
  }
  // A database constraint caught a race that the checks before it could not see: a conflict, not a crash.
  const databaseCode = (error as { code?: string }).code;
  if (databaseCode !== undefined && CONFLICT_CODES.has(databaseCode)) {
    return reply.code(409).send({ error: 'conflict', message: 'The data changed meanwhile; reload and try again', issues: [] });
  }
  // The database refused a value that validation let through (PostgreSQL's data exceptions, class 22):
  // still the client's input, so 400, and logged so that the missing check gets written.
  if (typeof databaseCode === 'string' && databaseCode.startsWith('22')) {
    request.log.warn({ err: error }, 'a value reached the database unchecked');
    return reply.code(400).send({ error: 'invalid_value', message: 'A value in the request is out of range or malformed', issues: [] });
  }
  if (isDatabaseUnavailable(error)) {
    return reply
      .code(503)
      .header('retry-after', '5')
      .send({ error: 'database_unavailable', message: 'The database is not reachable just now. Try again in a moment.', issues: [] });
  }
  // A body over the route's limit, or a multipart file over the upload limit (table-upload.ts).
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.code === 'FST_REQ_FILE_TOO_LARGE') {
    const limitMb = Math.round((request.routeOptions.bodyLimit ?? 0) / 1024 / 1024);
    return reply.code(413).send({ error: 'file_too_large', message: `The upload is larger than ${limitMb} MB`, issues: [] });
  }
  const status = error.statusCode ?? 500;
  if (status >= 500) {
    request.log.error(error);
    return reply.code(500).send({ error: 'internal', message: 'Something went wrong on the server', issues: [] });
  }
  // Fastify's own client errors: malformed JSON, body too large, unsupported media type, rate limit.
  return reply
    .code(status)
    .send({ error: error.code?.toLowerCase() ?? 'bad_request', message: error.message, issues: [] });
}
