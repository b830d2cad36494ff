import { sql, type Kysely } from 'kysely';

/** The retention sweeps find what is past its period by index (features/retention). */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create index notification_created_idx on notification (created_at);
    create index outbox_email_sent_idx on outbox_email (sent_at) where sent_at is not null;
    create index outbox_email_created_idx on outbox_email (created_at) where sent_at is null;
    create index plan_comment_at_idx on plan_comment (at);
  `.execute(db);
}
