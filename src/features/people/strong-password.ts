import { badRequest } from '../../server/http/errors.js';
import { PASSWORD_WEAKNESS_MESSAGES, passwordWeakness } from './password-policy.js';

/** A password strong enough for this address, or a 400 at `path` naming the weakness (`password_too_short`…). */
export function requireStrongPassword(password: string, email: string, path: string) {
  const weakness = passwordWeakness(password, email);
  if (weakness) throw badRequest([{ path, code: `password_${weakness}`, message: PASSWORD_WEAKNESS_MESSAGES[weakness] }], 'The password is too weak');
}
