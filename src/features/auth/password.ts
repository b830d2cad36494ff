import { scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { hash, verify, type Options } from '@node-rs/argon2';

/**
 * Passwords are hashed with argon2id at OWASP's recommended minimum (m = 19 MiB, t = 2, p = 1):
 * memory-hard, and about 15 ms a hash here, so that two thousand students can sign in within
 * minutes. Hashing runs on libuv's thread pool, off the event loop. The stored string is the PHC
 * format (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`), so parameters can rise later.
 */
// algorithm 2 is Argon2id (the package's enum is a const enum, which isolated modules cannot read).
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const satisfies Options;
const CURRENT_PREFIX = `$argon2id$v=19$m=${ARGON2.memoryCost},t=${ARGON2.timeCost},p=${ARGON2.parallelism}$`;

/**
 * The stored "hash" of an account without a password (a student imported from the school's
 * system): no password verifies against it; the person sets one by a reset link, or signs in by
 * single sign-on.
 */
export const NO_PASSWORD = '!none';

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (stored.startsWith('$argon2')) return verify(stored, password).catch(() => false);
  if (stored.startsWith('scrypt$')) return verifyLegacyScrypt(password, stored);
  return false;
}

/** A hash made with other parameters (or the earlier scrypt) is replaced at the next successful sign-in. */
export function needsRehash(stored: string): boolean {
  return !stored.startsWith(CURRENT_PREFIX);
}

const scrypt = (password: string, salt: Buffer, keyLength: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCallback(password, salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))),
  );

/** The hashes of Tarjotin 0.1: `scrypt$N$r$p$salt$hash` (N=2^17, r=8, p=1). */
async function verifyLegacyScrypt(password: string, stored: string): Promise<boolean> {
  const [, N, r, p, salt, hashed] = stored.split('$');
  if (!salt || !hashed) return false;
  const expected = Buffer.from(hashed, 'base64url');
  const key = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(N),
    r: Number(r),
    p: Number(p),
    maxmem: 256 * 1024 * 1024,
  });
  return timingSafeEqual(key, expected);
}
