import { sql } from 'kysely';
import type { Transporter } from 'nodemailer';
import type { Db } from '../../server/db/database.js';
import { retryDelayMinutes } from './recipients.js';

const CLAIM_MINUTES = 5;

/**
 * Sends the e-mails that are due. Each is claimed first (pushed into the future, so another
 * worker skips it); a failure is recorded and retried later with a growing delay. The outbox
 * never touches the state changes that queued it.
 */
export async function deliverDueEmails(db: Db, transport: Transporter, from: string, batch = 20) {
  const claimed = await db
    .updateTable('outbox_email')
    .set({ next_attempt_at: sql`now() + ${`${CLAIM_MINUTES} minutes`}::interval` })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('outbox_email')
        .select('id')
        .where('sent_at', 'is', null)
        .where('next_attempt_at', '<=', sql<Date>`now()`)
        .orderBy('id')
        .limit(batch)
        .forUpdate()
        .skipLocked(),
    )
    .returning(['id', 'to_address', 'subject', 'body', 'attempts'])
    .execute();
  let sent = 0;
  for (const email of claimed) {
    try {
      await transport.sendMail({ from, to: email.to_address, subject: email.subject, text: email.body });
      await db.updateTable('outbox_email').set({ sent_at: new Date(), attempts: email.attempts + 1, last_error: null }).where('id', '=', email.id).execute();
      sent++;
    } catch (error) {
      const attempts = email.attempts + 1;
      await db
        .updateTable('outbox_email')
        .set({
          attempts,
          last_error: String((error as Error).message ?? error).slice(0, 500),
          next_attempt_at: sql`now() + ${`${retryDelayMinutes(attempts)} minutes`}::interval`,
        })
        .where('id', '=', email.id)
        .execute();
    }
  }
  return { claimed: claimed.length, sent };
}
