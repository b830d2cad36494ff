import { describe, expect, it } from 'vitest';
import { isValidBusinessId } from './business-id.js';

describe('isValidBusinessId', () => {
  it('accepts an ID whose check digit matches', () => {
    // 0·7 + 7·9 + 3·10 + 7·5 + 5·8 + 4·4 + 6·2 = 196; 196 mod 11 = 9; check = 11 − 9 = 2.
    expect(isValidBusinessId('0737546-2')).toBe(true);
    // 1·7 = 7; 7 mod 11 = 7; check = 4.
    expect(isValidBusinessId('1000000-4')).toBe(true);
  });

  it('uses 0 as the check digit when the remainder is 0', () => {
    // 1·7 + 1·4 = 11 ≡ 0.
    expect(isValidBusinessId('1000010-0')).toBe(true);
  });

  it('rejects a wrong check digit, a remainder of 1 and bad formats', () => {
    expect(isValidBusinessId('0737546-3')).toBe(false);
    expect(isValidBusinessId('0000006-0')).toBe(false); // 6·2 = 12 ≡ 1: no valid check digit exists
    expect(isValidBusinessId('737546-2')).toBe(false);
    expect(isValidBusinessId('07375462')).toBe(false);
  });
});
