import { sql, type Kysely } from 'kysely';

/**
 * Cross-enrolment: requests with their status, an append-only audit log of every step, and the
 * partner seats taken on each offering, which the database itself never lets exceed the seats.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table offering
      add column seats_taken integer not null default 0,
      add constraint offering_seats_taken_within check (seats_taken >= 0 and seats_taken <= seats_for_partners);

    create table enrolment (
      id serial primary key,
      region_id integer not null references region(id) on delete cascade,
      offering_id integer not null references offering(id),
      student_id integer not null references app_user(id),
      status text not null check (status in
        ('requested', 'approved', 'rejected', 'waitlisted', 'accepted', 'enrolled', 'completed', 'cancelled', 'dropped')),
      waitlisted_at timestamptz,
      grade text,
      credits double precision check (credits is null or credits >= 0),
      completed_on date,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create unique index enrolment_one_active on enrolment (offering_id, student_id)
      where status not in ('rejected', 'cancelled', 'dropped');
    create index enrolment_offering_status_idx on enrolment (offering_id, status, waitlisted_at, id);
    create index enrolment_student_idx on enrolment (student_id);

    create table enrolment_event (
      id serial primary key,
      region_id integer not null references region(id) on delete cascade,
      enrolment_id integer not null references enrolment(id) on delete cascade,
      actor_id integer references app_user(id),
      from_status text,
      to_status text not null,
      reason text,
      at timestamptz not null default now()
    );
    create index enrolment_event_enrolment_idx on enrolment_event (enrolment_id, id);

    create function enrolment_event_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'enrolment_event is append-only';
    end $$;
    create trigger enrolment_event_no_change before update on enrolment_event
      for each row execute function enrolment_event_append_only();
  `.execute(db);
}
