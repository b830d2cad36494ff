import { sql, type Kysely } from 'kysely';

/** Study plans (HOPS): a student's study rights, the offerings they plan to take, and comments on the plan. */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table study_right (
      id serial primary key,
      region_id integer not null references region(id) on delete cascade,
      student_id integer not null references app_user(id) on delete cascade,
      kind text not null check (kind in ('general_upper_secondary', 'vocational')),
      qualification text,
      target_credits double precision not null check (target_credits > 0),
      unique (student_id, kind)
    );

    create table plan_item (
      id serial primary key,
      region_id integer not null references region(id) on delete cascade,
      student_id integer not null references app_user(id) on delete cascade,
      offering_id integer not null references offering(id),
      unique (student_id, offering_id)
    );

    create table plan_comment (
      id serial primary key,
      region_id integer not null references region(id) on delete cascade,
      student_id integer not null references app_user(id) on delete cascade,
      author_id integer not null references app_user(id),
      body text not null check (length(body) between 1 and 2000),
      at timestamptz not null default now()
    );
    create index plan_comment_student_idx on plan_comment (student_id, id);
  `.execute(db);
}
