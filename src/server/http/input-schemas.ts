import { z } from 'zod';

/** The largest value of a PostgreSQL `integer`, the type of every id and count column. */
export const INT4_MAX = 2_147_483_647;

/** An e-mail address as accounts are keyed: trimmed and lower-cased, so that sign-in ignores case. */
export const accountEmailSchema = z.string().trim().toLowerCase().pipe(z.email());

/** A database id in a JSON body. */
export const idSchema = z.number().int().min(1).max(INT4_MAX);

/**
 * A whole number in a path or query string, written in decimal digits only: "0x10", "1e3",
 * " 16" and "" are refused (`Number()` would read them as 16, 1000, 16 and 0). Numbers given by
 * code calling a schema directly are taken as they are.
 */
export function wholeNumberParam(min: number, max: number) {
  return (
    z
      .union([z.number(), z.string().regex(/^(0|[1-9][0-9]{0,9})$/, 'a whole number in decimal digits').transform(Number)])
      .pipe(z.number().int().min(min).max(max))
      // The range, for the OpenAPI document: the pipe's checks do not show in its input schema.
      .meta({ minimum: min, maximum: max })
  );
}

/** An id in a path or query string. */
export const idParam = wholeNumberParam(1, INT4_MAX);

/** `{ id }` path parameters. */
export const idParams = z.object({ id: idParam });
