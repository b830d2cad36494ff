import { sql, type Kysely } from 'kysely';

/**
 * Selection rounds: a window in which students rank wishes for a period's offerings, then a
 * batch allocation. Outcomes are kept per wish with the reason a wish was not met, and are
 * replaced by each re-run until the round is published.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table selection_round (
      id serial primary key,
      region_id integer not null references region(id) on delete cascade,
      organizer_id integer references organization(id),
      name text not null check (length(name) between 1 and 200),
      academic_year text not null,
      period integer not null check (period between 1 and 6),
      opens_at timestamptz not null,
      closes_at timestamptz not null,
      max_courses_per_student integer not null check (max_courses_per_student between 1 and 20),
      max_travel_minutes integer check (max_travel_minutes between 1 and 600),
      seed integer not null,
      status text not null default 'open' check (status in ('open', 'allocated', 'published')),
      allocation_method text,
      objective double precision,
      allocated_at timestamptz,
      published_at timestamptz,
      created_by integer references app_user(id),
      created_at timestamptz not null default now(),
      check (closes_at > opens_at)
    );
    create index selection_round_region_idx on selection_round (region_id, opens_at desc);

    create table round_offering (
      round_id integer not null references selection_round(id) on delete cascade,
      region_id integer not null references region(id) on delete cascade,
      offering_id integer not null references offering(id),
      capacity integer not null check (capacity >= 0),
      partner_seats integer not null check (partner_seats >= 0 and partner_seats <= capacity),
      primary key (round_id, offering_id)
    );

    create table round_wish (
      round_id integer not null,
      region_id integer not null references region(id) on delete cascade,
      student_id integer not null references app_user(id) on delete cascade,
      offering_id integer not null,
      rank integer not null check (rank between 1 and 20),
      primary key (round_id, student_id, rank),
      unique (round_id, student_id, offering_id),
      foreign key (round_id, offering_id) references round_offering (round_id, offering_id) on delete cascade
    );

    create table round_outcome (
      round_id integer not null,
      region_id integer not null references region(id) on delete cascade,
      student_id integer not null references app_user(id) on delete cascade,
      offering_id integer not null,
      rank integer not null,
      assigned boolean not null,
      reason text check (reason in ('not_eligible', 'too_far', 'full', 'partner_seats_full', 'clash', 'course_limit')),
      clash_offering_id integer references offering(id),
      enrolment_id integer references enrolment(id),
      primary key (round_id, student_id, offering_id),
      foreign key (round_id, offering_id) references round_offering (round_id, offering_id) on delete cascade,
      check (assigned = (reason is null))
    );
  `.execute(db);
}
