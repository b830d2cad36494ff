import type { Db } from '../src/server/db/database.js';

/** The token of the newest link e-mailed to an address (`…/path/TOKEN`), read from the outbox as a mailbox would. */
export async function linkTokenSentTo(db: Db, email: string, path: string) {
  const mail = await db.selectFrom('outbox_email').select('body').where('to_address', '=', email).orderBy('id', 'desc').executeTakeFirstOrThrow();
  const match = new RegExp(`/${path}/([A-Za-z0-9_-]+)`).exec(mail.body);
  if (!match) throw new Error(`no /${path}/ link in the e-mail to ${email}`);
  return match[1]!;
}
