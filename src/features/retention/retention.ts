import type { Db } from '../../server/db/database.js';
import { deleteOldLoginAttempts } from '../auth/login-limits.js';
import { deleteEndedSessions, type SessionLifetime } from '../auth/sessions.js';

/**
 * Removes what Tarjotin no longer needs to keep, each kind after its own period
 * (docs/data-protection.md lists them). Run by the server every few minutes; each sweep walks an index.
 */
export async function applyRetention(db: Db, sessionLifetime: SessionLifetime, now = new Date()) {
  await deleteEndedSessions(db, sessionLifetime, now);
  await deleteOldLoginAttempts(db, now);
}
