import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../server/db/database.js';

/**
 * How many sign-in attempts may fail before more are refused, kept in the database so that they
 * hold across processes and restarts. Three limits, each over a sliding window:
 * - one account from one address: a person mistyping, or a guesser at one account;
 * - one account from anywhere: guessing spread over many addresses;
 * - one address across accounts: one password tried on many accounts ("spraying"). A school's
 *   whole network may share one public address, so this limit is high.
 * While any limit is reached, an attempt is refused before its password is checked: the right
 * password gets in only once the window has moved on.
 */
export interface LoginLimits {
  accountAtAddress: Limit;
  account: Limit;
  address: Limit;
}

export interface Limit {
  attempts: number;
  windowMinutes: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  accountAtAddress: { attempts: 5, windowMinutes: 15 },
  account: { attempts: 20, windowMinutes: 60 },
  address: { attempts: 200, windowMinutes: 15 },
};

/** Failed attempts are kept this long, then swept (docs/data-protection.md). */
export const LOGIN_ATTEMPT_RETENTION_HOURS = 24;

/**
 * The address a limit counts: an IPv4 address as it is, an IPv6 address by its /64 network, since
 * one client may use any address of its network (and an IPv4-mapped one as IPv4).
 */
export function addressKeyOf(address: string): string {
  if (!address.includes(':')) return address;
  if (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(address)) return address.slice(7);
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

export const accountKeyOf = (email: string) => createHash('sha256').update(email.trim().toLowerCase()).digest('hex');

export type AttemptVerdict = { allowed: true; attemptId: number } | { allowed: false; retryAfterSeconds: number };

/**
 * Records an attempt before its password is checked, then counts: concurrent attempts each see the
 * others, so a burst cannot slip past a limit. A refused attempt is not kept; an allowed one is
 * kept as a failure unless `succeeded` removes it.
 */
export async function beginAttempt(db: Db, limits: LoginLimits, email: string, clientAddress: string): Promise<AttemptVerdict> {
  const accountKey = accountKeyOf(email);
  const address = addressKeyOf(clientAddress);
  const { id } = await db.insertInto('login_attempt').values({ account_key: accountKey, address }).returning('id').executeTakeFirstOrThrow();
  const longest = Math.max(limits.accountAtAddress.windowMinutes, limits.account.windowMinutes, limits.address.windowMinutes);
  const within = (limit: Limit) => sql<boolean>`at > now() - make_interval(mins => ${limit.windowMinutes})`;
  const counts = await db
    .selectFrom('login_attempt')
    .select([
      sql<number>`count(*) filter (where account_key = ${accountKey} and address = ${address} and ${within(limits.accountAtAddress)})`.as('accountAtAddress'),
      sql<number>`count(*) filter (where account_key = ${accountKey} and ${within(limits.account)})`.as('account'),
      sql<number>`count(*) filter (where address = ${address} and ${within(limits.address)})`.as('address'),
      sql<Date | null>`min(at) filter (where account_key = ${accountKey} and address = ${address} and ${within(limits.accountAtAddress)})`.as('accountAtAddressSince'),
      sql<Date | null>`min(at) filter (where account_key = ${accountKey} and ${within(limits.account)})`.as('accountSince'),
      sql<Date | null>`min(at) filter (where address = ${address} and ${within(limits.address)})`.as('addressSince'),
    ])
    .where((eb) => eb.or([eb('account_key', '=', accountKey), eb('address', '=', address)]))
    .where(sql<boolean>`at > now() - make_interval(mins => ${longest})`)
    .executeTakeFirstOrThrow();
  const reached = (['accountAtAddress', 'account', 'address'] as const).filter((name) => Number(counts[name]) > limits[name].attempts);
  if (reached.length === 0) return { allowed: true, attemptId: id };
  await db.deleteFrom('login_attempt').where('id', '=', id).execute();
  // The window of a reached limit moves on once its oldest counted attempt leaves it.
  const waits = reached.map((name) => {
    const since = counts[`${name}Since`];
    const endsAt = (since ? new Date(since).getTime() : Date.now()) + limits[name].windowMinutes * 60_000;
    return Math.max(1, Math.ceil((endsAt - Date.now()) / 1000));
  });
  return { allowed: false, retryAfterSeconds: Math.max(...waits) };
}

/** A successful sign-in: its attempt is not a failure, and the account's failures from this address are forgiven. */
export async function attemptSucceeded(db: Db, attemptId: number, email: string, clientAddress: string) {
  await db.deleteFrom('login_attempt').where('id', '=', attemptId).execute();
  await db.deleteFrom('login_attempt').where('account_key', '=', accountKeyOf(email)).where('address', '=', addressKeyOf(clientAddress)).execute();
}

export async function deleteOldLoginAttempts(db: Db, now = new Date()) {
  await db.deleteFrom('login_attempt').where('at', '<', new Date(now.getTime() - LOGIN_ATTEMPT_RETENTION_HOURS * 3600_000)).execute();
}
