const WEIGHTS = [7, 9, 10, 5, 8, 4, 2];

/** Finnish business ID (Y-tunnus), e.g. `0201256-6`: seven digits, a hyphen and a mod-11 check digit. */
export function isValidBusinessId(value: string): boolean {
  const match = /^(\d{7})-(\d)$/.exec(value);
  if (!match) return false;
  const digits = match[1]!.split('').map(Number);
  const remainder = digits.reduce((sum, digit, i) => sum + digit * WEIGHTS[i]!, 0) % 11;
  if (remainder === 1) return false;
  const check = remainder === 0 ? 0 : 11 - remainder;
  return check === Number(match[2]);
}
