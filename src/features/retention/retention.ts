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

/** Starts applying retention every `intervalMs`; returns the function that stops it. */
export function startRetention(db: Db, sessionLifetime: SessionLifetime, intervalMs: number, onError: (error: unknown) => void): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    applyRetention(db, sessionLifetime)
      .catch(onError)
      .finally(() => (running = false));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
