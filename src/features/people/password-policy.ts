/**
 * When a password is too weak to set. Length is what protects a password against guessing
 * (NIST SP 800-63B §5.1.1.2: at least 8 characters, better more; no composition rules), so an
 * account that can change a whole region needs at least 12; beyond that, a password is refused
 * if it is one of the commonest ones, repeats a few characters, or contains the account's e-mail
 * name. Pure: used by every place that sets a password.
 */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

/** Lower-cased stems of the passwords that lead the public breach lists (and their Finnish cousins). */
const COMMON_STEMS = new Set(['password', 'salasana', 'qwerty', 'qwertyuiop', 'asdfgh', 'asdfghjkl', 'abc', 'letmein', 'welcome', 'tervetuloa', 'iloveyou', 'admin', 'tarjotin', 'kesa', 'syksy', 'talvi', 'kevat']);

export type PasswordWeakness = 'too_short' | 'too_long' | 'too_simple' | 'common' | 'contains_email';

export function passwordWeakness(password: string, email: string): PasswordWeakness | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return 'too_short';
  if (length > MAX_PASSWORD_LENGTH) return 'too_long';
  if (new Set(password).size < 5) return 'too_simple';
  const folded = password.toLowerCase().normalize('NFD').replace(/\p{Mark}/gu, '');
  const lettersAndDigits = folded.replace(/[^\p{L}\p{N}]/gu, '');
  // A common stem with only digits and symbols around it ("Salasana2026!") is as weak as the stem; so are digits alone.
  if (/^\d+$/.test(lettersAndDigits) || COMMON_STEMS.has(lettersAndDigits.replace(/\d/g, ''))) return 'common';
  const emailName = email.split('@')[0]!.toLowerCase();
  if (emailName.length >= 4 && folded.includes(emailName)) return 'contains_email';
  return null;
}

export const PASSWORD_WEAKNESS_MESSAGES: Record<PasswordWeakness, string> = {
  too_short: `use at least ${MIN_PASSWORD_LENGTH} characters (a few words together are easy to remember)`,
  too_long: `use at most ${MAX_PASSWORD_LENGTH} characters`,
  too_simple: 'use more than a few different characters',
  common: 'this is one of the commonest passwords; choose another',
  contains_email: 'do not put your e-mail name in the password',
};
