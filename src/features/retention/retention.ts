import { sql } from 'kysely';
import type { Db } from '../../server/db/database.js';
import { deleteOldLoginAttempts } from '../auth/login-limits.js';
import { deleteEndedSessions, type SessionLifetime } from '../auth/sessions.js';

/**
 * How long each kind of personal data is kept once its purpose is served; docs/data-protection.md
 * gives the reasons. Sessions end by their own rules (sessions.ts), sign-in attempts after a day
 * (login-limits.ts); completed credits and the enrolment log are kept as the study record.
 */
export const RETENTION = {
  notificationMonths: 12,
  sentEmailDays: 30,
  /** E-mails that never could be sent: the in-app notification said the same. */
  unsentEmailDays: 90,
  planCommentYears: 3,
  /** Invitations once accepted, withdrawn or expired: who joined when is in the audit trail. */
  closedInvitationDays: 90,
  /** Password-reset links, a week after they were made (they work for an hour). */
  passwordResetDays: 7,
  /** Single sign-ons never completed (the provider's callback did not come): they are spent after 10 minutes anyway. */
  unfinishedSignInHours: 1,
  /** The audit trail; the database lets nothing younger go (migration 0013). */
  auditYears: 5,
} as const;

/**
 * Removes what is past its period. Run by the server's maintenance every few minutes; each sweep
 * walks an index or a small table. Periods are measured on the database's clock, the one its
 * append-only trigger uses, so that no sweep asks for a row the trigger would refuse.
 */
export async function applyRetention(db: Db, sessionLifetime: SessionLifetime) {
  const before = (interval: string) => sql<Date>`now() - ${interval}::interval`;
  await deleteEndedSessions(db, sessionLifetime);
  await deleteOldLoginAttempts(db);
  await db.deleteFrom('notification').where('created_at', '<', before(`${RETENTION.notificationMonths} months`)).execute();
  await db.deleteFrom('outbox_email').where('sent_at', '<', before(`${RETENTION.sentEmailDays} days`)).execute();
  await db.deleteFrom('outbox_email').where('sent_at', 'is', null).where('created_at', '<', before(`${RETENTION.unsentEmailDays} days`)).execute();
  await db
    .deleteFrom('invitation')
    .where((eb) => eb.or([eb('accepted_at', '<', before(`${RETENTION.closedInvitationDays} days`)), eb('revoked_at', '<', before(`${RETENTION.closedInvitationDays} days`)), eb('expires_at', '<', before(`${RETENTION.closedInvitationDays} days`))]))
    .execute();
  await db.deleteFrom('password_reset').where('created_at', '<', before(`${RETENTION.passwordResetDays} days`)).execute();
  await db.deleteFrom('oidc_login').where('created_at', '<', before(`${RETENTION.unfinishedSignInHours} hours`)).execute();
  await db.deleteFrom('plan_comment').where('at', '<', before(`${RETENTION.planCommentYears} years`)).execute();
  await db.deleteFrom('audit_event').where('at', '<', before(`${RETENTION.auditYears} years`)).execute();
}
