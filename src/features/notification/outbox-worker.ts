import nodemailer from 'nodemailer';
import type { Db } from '../../server/db/database.js';
import { runEvery } from '../../server/periodic.js';
import { deliverDueEmails } from './outbox.js';

const INTERVAL_MS = 15_000;

/** Sends queued e-mails every few seconds over SMTP_URL; without it they stay queued. Returns a stop function. */
export function startOutboxWorker(db: Db, smtpUrl: string | undefined, from: string): () => void {
  if (!smtpUrl) {
    console.log('SMTP_URL is not set: e-mail notifications are queued in the outbox but not sent.');
    return () => {};
  }
  const transport = nodemailer.createTransport(smtpUrl);
  return runEvery(INTERVAL_MS, () => deliverDueEmails(db, transport, from), (error) => console.error('outbox delivery failed', error));
}
