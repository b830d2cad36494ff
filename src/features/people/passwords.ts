import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../server/db/database.js';
import { inTransaction } from '../../server/db/transaction.js';
import { badRequest, HttpError } from '../../server/http/errors.js';
import { accountEmailSchema } from '../../server/http/input-schemas.js';
import { hashPassword, verifyPassword } from '../auth/password.js';
import type { SessionUser } from '../auth/roles.js';
import { hashSecretToken, newSecretToken } from '../auth/secret-token.js';
import { appUrl, trilingualEmail } from '../notification/email-text.js';
import { recordAudit } from '../privacy/audit-log.js';
import type { LinkDelivery } from './invitations.js';
import { requireStrongPassword } from './strong-password.js';

/** A reset link works for an hour, and one is sent at most every few minutes to an address. */
const RESET_MINUTES = 60;
const RESET_INTERVAL_MINUTES = 5;

export const passwordChangeSchema = z.object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().max(200) });
export const resetRequestSchema = z.object({ email: accountEmailSchema });
export const resetSchema = z.object({ password: z.string().max(200) });

/**
 * Changes the signed-in person's password when they know the current one; every other session of
 * theirs ends (a device someone else holds is signed out), this one stays.
 */
export async function changePassword(db: Db, user: SessionUser, sessionToken: string, input: z.infer<typeof passwordChangeSchema>) {
  const row = await db.selectFrom('app_user').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
  if (!(await verifyPassword(input.currentPassword, row.password_hash))) {
    throw badRequest([{ path: 'body.currentPassword', code: 'wrong_password', message: 'the current password is wrong' }], 'The current password is wrong');
  }
  requireStrongPassword(input.newPassword, user.email, 'body.newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(db, async (tx) => {
    await tx.updateTable('app_user').set({ password_hash: passwordHash }).where('id', '=', user.id).execute();
    await tx.deleteFrom('session').where('user_id', '=', user.id).where('id', '<>', hashSecretToken(sessionToken)).execute();
    await recordAudit(tx, { kind: 'person', user }, 'change_password', { subjectId: user.id, regionId: user.regionId });
  });
}

/**
 * Sends a reset link to an active account's address. The answer is the same whether or not the
 * address has an account, so the form tells nobody who is registered; a few minutes pass between
 * two links to one address, so the form cannot be used to flood a mailbox. `delivery` as for an
 * invitation: the demo seed sets its students' passwords through this link.
 */
export async function requestPasswordReset(db: Db, email: string, delivery: LinkDelivery = {}) {
  const account = await db.selectFrom('app_user').select('id').where('email', '=', email).where('erased_at', 'is', null).where('deactivated_at', 'is', null).executeTakeFirst();
  if (!account) return;
  const token = newSecretToken();
  const message = trilingualEmail('passwordReset', `${appUrl()}/reset-password/${token}`, () => ({}));
  await inTransaction(db, async (tx) => {
    // Serialises two requests for one account: the second sees the first's link.
    await tx.selectFrom('app_user').select('id').where('id', '=', account.id).forUpdate().execute();
    const recent = await tx
      .selectFrom('password_reset')
      .select('token_hash')
      .where('user_id', '=', account.id)
      .where('created_at', '>', sql<Date>`now() - ${`${RESET_INTERVAL_MINUTES} minutes`}::interval`)
      .executeTakeFirst();
    if (recent) return;
    await tx.insertInto('password_reset').values({ token_hash: hashSecretToken(token), user_id: account.id, expires_at: sql`now() + ${`${RESET_MINUTES} minutes`}::interval`, used_at: null }).execute();
    if (delivery.handOver) delivery.handOver(token);
    else await tx.insertInto('outbox_email').values({ to_address: email, subject: message.subject, body: message.body, last_error: null, sent_at: null, next_attempt_at: new Date() }).execute();
  });
}

/**
 * Sets a new password through a reset link: the link is spent, every session of the account ends
 * (whoever had the old password is out), and the person signs in with the new one.
 */
export async function resetPassword(db: Db, token: string, password: string) {
  const tokenHash = hashSecretToken(token);
  const reset = await db
    .selectFrom('password_reset as r')
    .innerJoin('app_user as u', 'u.id', 'r.user_id')
    .select(['r.user_id', 'r.expires_at', 'r.used_at', 'u.email', 'u.region_id'])
    .where('r.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!reset || reset.used_at) throw new HttpError(404, 'reset_not_found', 'This link is not valid: it was used already or mistyped');
  if (new Date(reset.expires_at) <= new Date()) throw new HttpError(410, 'reset_expired', 'This link has expired; ask for a new one');
  requireStrongPassword(password, reset.email, 'body.password');
  const passwordHash = await hashPassword(password);
  await inTransaction(db, async (tx) => {
    const spent = await tx.updateTable('password_reset').set({ used_at: sql`now()` }).where('token_hash', '=', tokenHash).where('used_at', 'is', null).executeTakeFirst();
    if (spent.numUpdatedRows === 0n) throw new HttpError(404, 'reset_not_found', 'This link was used already');
    await tx.updateTable('app_user').set({ password_hash: passwordHash }).where('id', '=', reset.user_id).execute();
    await tx.deleteFrom('session').where('user_id', '=', reset.user_id).execute();
    await recordAudit(tx, { kind: 'person', user: { id: reset.user_id } }, 'reset_password', { subjectId: reset.user_id, regionId: reset.region_id });
  });
}
