import fc from 'fast-check';

/** The parts of OpenAPI 3.0 JSON Schema the routes' zod schemas produce. */
export interface JsonSchema {
  type?: string | string[];
  nullable?: boolean;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  multipleOf?: number;
  default?: unknown;
}

/**
 * Values a client might send where a route expects this schema: values the schema allows, so
 * that requests get past validation into the route's own code, and (`withHostile`) hostile ones
 * mixed in that the validation must turn away (huge and malformed numbers, NUL characters, very long or odd
 * text, the wrong type). Ids are drawn mostly from the small numbers the demo's rows have.
 */
export function arbitraryFor(schema: JsonSchema | undefined, name = '', withHostile = true): fc.Arbitrary<unknown> {
  const valid = validFor(schema ?? {}, name, withHostile);
  return withHostile ? fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: hostile, weight: 1 }) : valid;
}

export const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    2 ** 31,
    2 ** 31 - 1,
    2 ** 53 + 1,
    -1,
    0,
    -(2 ** 31) - 1,
    1e308,
    -0,
    0.5,
    '0x10',
    '1e3',
    ' 16',
    '',
    '\u0000',
    'a\u0000b',
    '9'.repeat(40),
    "'; drop table offering; --",
    '../../etc/passwd',
    '<script>alert(1)</script>',
    '=HYPERLINK("http://x")',
    '\u202eevil',
    '😀'.repeat(50),
    'x'.repeat(5000),
    '2026-02-30',
    '9999-99-99T99:99:99Z',
    null,
    true,
    [],
    {},
    { __proto__: { admin: true } },
    [[[[[]]]]],
  ),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.integer(),
  fc.double(),
);

function validFor(schema: JsonSchema, name: string, withHostile: boolean): fc.Arbitrary<unknown> {
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) {
    // A whole number in a path or query: a number, or its digits; the range stands beside the alternatives.
    if (schema.minimum !== undefined || schema.maximum !== undefined) {
      const range = { minimum: schema.minimum, maximum: schema.maximum };
      return fc.oneof(...alternatives.map((s) => (s.type === 'string' ? numberFor(range, true, name).map(String) : numberFor(range, true, name))));
    }
    return fc.oneof(...alternatives.map((s) => validFor(s, name, withHostile)));
  }
  if (schema.allOf?.length) return validFor(Object.assign({}, ...schema.allOf), name, withHostile);
  let value = validOfType(schema, name, withHostile);
  if (schema.nullable || (Array.isArray(schema.type) && schema.type.includes('null'))) value = fc.option(value, { nil: null, freq: 6 });
  return value;
}

function validOfType(schema: JsonSchema, name: string, withHostile: boolean): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'integer':
    case 'number':
      return numberFor(schema, type === 'integer', name);
    case 'boolean':
      return fc.boolean();
    case 'string':
      return stringFor(schema, name);
    case 'array': {
      const items = validFor(schema.items ?? {}, name, withHostile);
      return fc.array(items, { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 5, 5) });
    }
    case 'object':
      return objectFor(schema, withHostile);
    default:
      return fc.oneof(fc.string({ maxLength: 10 }), fc.integer({ min: 0, max: 100 }), fc.boolean());
  }
}

function numberFor(schema: JsonSchema, integer: boolean, name: string): fc.Arbitrary<number> {
  const min = schema.minimum ?? -(2 ** 31);
  const max = schema.maximum ?? 2 ** 31 - 1;
  if (!integer) {
    const step = schema.multipleOf ?? 0.01;
    return fc.integer({ min: Math.ceil(min / step), max: Math.floor(Math.min(max, 1e6) / step) }).map((n) => Math.round(n * step * 100) / 100);
  }
  // Ids and the like: the demo's rows have small ids (regions 1–2, people up to ~50, offerings ~400), so most draws land on real ones.
  const upTo = (top: number) => fc.integer({ min: Math.max(min, 0), max: Math.min(max, top) });
  return /ids?$/i.test(name) || name === ''
    ? fc.oneof({ arbitrary: upTo(3), weight: 2 }, { arbitrary: upTo(60), weight: 3 }, { arbitrary: upTo(400), weight: 3 }, { arbitrary: fc.integer({ min, max }), weight: 1 })
    : fc.integer({ min, max: Math.min(max, 1e6) });
}

function stringFor(schema: JsonSchema, name: string): fc.Arbitrary<string> {
  // A schema that trims and checks an address shows only `string` in its input: the field's name tells.
  if (schema.format === 'email' || /email/i.test(name)) return fc.constantFrom('opiskelija.pello@tarjotin.example', 'admin@tarjotin.example', 'nobody@example.fi', 'a@b.fi');
  if (name === 'password') return fc.oneof(fc.constant('demo-salasana-2026'), fc.string({ minLength: 1, maxLength: 30 }));
  if (schema.format === 'date-time') return fc.date({ min: new Date('2025-01-01'), max: new Date('2028-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
  if (schema.format === 'date') return fc.date({ min: new Date('2025-01-01'), max: new Date('2028-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  const maxLength = Math.min(schema.maxLength ?? 40, 60);
  if (schema.pattern) {
    return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length >= (schema.minLength ?? 0) && s.length <= (schema.maxLength ?? Infinity));
  }
  return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.max(maxLength, schema.minLength ?? 0) });
}

function objectFor(schema: JsonSchema, withHostile: boolean): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const fields = Object.fromEntries(Object.entries(properties).map(([key, property]) => [key, arbitraryFor(property, key, withHostile)]));
  // Required fields mostly present, optional ones sometimes: both the happy path and the missing-field one.
  return fc.record(fields, { requiredKeys: Object.keys(properties).filter((key) => required.has(key)) }).chain((value) =>
    fc.oneof(
      { arbitrary: fc.constant(value), weight: 9 },
      { arbitrary: fc.constant(Object.fromEntries(Object.entries(value).slice(1))), weight: 1 },
      { arbitrary: fc.constant({ ...value, unexpected: 'x' }), weight: 1 },
    ),
  );
}
