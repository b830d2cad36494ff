import { sql, type Kysely } from 'kysely';

/** In-app notifications, and an outbox of e-mails that a worker sends and retries. */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table notification (
      id serial primary key,
      region_id integer not null references region(id) on delete cascade,
      user_id integer not null references app_user(id) on delete cascade,
      enrolment_id integer references enrolment(id) on delete cascade,
      status text not null,
      created_at timestamptz not null default now(),
      read_at timestamptz
    );
    create index notification_user_idx on notification (user_id, id desc);

    create table outbox_email (
      id serial primary key,
      to_address text not null,
      subject text not null,
      body text not null,
      attempts integer not null default 0,
      next_attempt_at timestamptz not null default now(),
      sent_at timestamptz,
      last_error text,
      created_at timestamptz not null default now()
    );
    create index outbox_email_due_idx on outbox_email (next_attempt_at) where sent_at is null;
  `.execute(db);
}
