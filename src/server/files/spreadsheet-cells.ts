/**
 * CSV cells a spreadsheet would run as a formula (OWASP "CSV injection"): text beginning with
 * `=`, `+`, `-`, `@`, a tab or a carriage return. Written with a leading apostrophe, which
 * spreadsheets show as text and hide; reading a file back removes exactly that apostrophe.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(value: unknown): unknown {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

export function restoreNeutralised(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}
