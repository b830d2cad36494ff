import { sql, type Kysely } from 'kysely';

/**
 * The region's shared time frame for a school year: its periods (jaksot) and timetable bars
 * (palkit), each bar a set of weekly lessons. Member schools and providers adopt the frame, and
 * their offerings name the bars they run in; the lessons are copied into offering.time_slots,
 * which every clash check reads.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table time_frame (
      id serial primary key,
      region_id integer not null references region(id) on delete cascade,
      academic_year text not null,
      name text not null check (length(name) between 1 and 200),
      unique (region_id, academic_year)
    );

    create table time_frame_period (
      frame_id integer not null references time_frame(id) on delete cascade,
      region_id integer not null references region(id) on delete cascade,
      number integer not null check (number between 1 and 6),
      starts_on date not null,
      ends_on date not null,
      primary key (frame_id, number),
      check (ends_on >= starts_on)
    );

    create table time_frame_bar (
      frame_id integer not null references time_frame(id) on delete cascade,
      region_id integer not null references region(id) on delete cascade,
      code text not null check (code ~ '^[A-Za-z0-9ÅÄÖåäö_-]{1,10}$'),
      lessons jsonb not null check (jsonb_typeof(lessons) = 'array' and jsonb_array_length(lessons) between 1 and 10),
      primary key (frame_id, code)
    );

    create table time_frame_adoption (
      frame_id integer not null references time_frame(id) on delete cascade,
      region_id integer not null references region(id) on delete cascade,
      organization_id integer not null references organization(id) on delete cascade,
      primary key (frame_id, organization_id)
    );
    create index time_frame_adoption_org_idx on time_frame_adoption (organization_id);

    alter table offering add column bar_codes text[] not null default '{}';
  `.execute(db);
}
