import { describe, expect, it } from 'vitest';
import { passwordWeakness } from './password-policy.js';

const EMAIL = 'maija.meikalainen@pello.fi';

describe('passwordWeakness', () => {
  it('accepts a long passphrase', () => {
    expect(passwordWeakness('kolme karhua metsässä', EMAIL)).toBeNull();
    expect(passwordWeakness('Tunturi-Lappi-2026-opo', EMAIL)).toBeNull();
  });

  it('refuses what is short, long or repetitive', () => {
    expect(passwordWeakness('Lyhyt-1', EMAIL)).toBe('too_short');
    expect(passwordWeakness('x'.repeat(201), EMAIL)).toBe('too_long');
    expect(passwordWeakness('abababababababab', EMAIL)).toBe('too_simple');
  });

  it('refuses the commonest passwords, with digits and symbols around them, and digits alone', () => {
    expect(passwordWeakness('Salasana2026!', EMAIL)).toBe('common');
    expect(passwordWeakness('password1234', EMAIL)).toBe('common');
    expect(passwordWeakness('QWERTY123456', EMAIL)).toBe('common');
    expect(passwordWeakness('314159265358', EMAIL)).toBe('common');
  });

  it('refuses a password that contains the e-mail name', () => {
    expect(passwordWeakness('Maija.Meikalainen!', EMAIL)).toBe('contains_email');
  });
});
