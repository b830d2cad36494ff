import { sql, type Kysely } from 'kysely';

/** The course tray: regions, reference municipalities, providers, sites, courses, offerings, accounts. */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table region (
      id serial primary key,
      code text not null unique,
      name_fi text not null,
      name_sv text not null,
      name_en text not null,
      travel_circuity double precision not null default 1.25 check (travel_circuity >= 1),
      travel_speed_kmh double precision not null default 70 check (travel_speed_kmh > 0),
      travel_overhead_minutes double precision not null default 5 check (travel_overhead_minutes >= 0),
      is_demo boolean not null default false
    );

    create table municipality (
      code char(3) primary key,
      name_fi text not null,
      name_sv text not null,
      maakunta_code text not null,
      maakunta_name_fi text not null,
      lat double precision,
      lon double precision,
      population integer,
      population_year integer,
      cohort_13_15 integer,
      cohort_16_17 integer,
      cohort_18_19 integer,
      cohort_year integer
    );

    create table region_municipality (
      region_id integer not null references region(id) on delete cascade,
      municipality_code char(3) not null references municipality(code),
      primary key (region_id, municipality_code)
    );

    create table organization (
      id serial primary key,
      region_id integer not null references region(id) on delete cascade,
      kind text not null check (kind in ('provider', 'school', 'municipality', 'company', 'employment_area')),
      name text not null,
      business_id text,
      municipality_code char(3) references municipality(code),
      search_text text not null default '',
      is_demo boolean not null default false,
      unique (region_id, name)
    );

    create table site (
      id serial primary key,
      region_id integer not null references region(id) on delete cascade,
      organization_id integer not null references organization(id),
      name text not null,
      address text,
      municipality_code char(3) not null references municipality(code),
      lat double precision not null check (lat between -90 and 90),
      lon double precision not null check (lon between -180 and 180),
      location_approximate boolean not null default false,
      is_demo boolean not null default false,
      unique (region_id, organization_id, name)
    );
    create index site_region_idx on site(region_id);

    create table course (
      id serial primary key,
      region_id integer not null references region(id) on delete cascade,
      code text not null,
      name_fi text not null,
      name_sv text not null,
      name_en text not null,
      education_form text not null check (education_form in
        ('comprehensive', 'general_upper_secondary', 'vocational', 'liberal_adult', 'higher')),
      field text not null,
      credits double precision not null check (credits >= 0),
      credit_unit text not null check (credit_unit in ('op', 'osp')),
      qualification text,
      search_text text not null default '',
      is_demo boolean not null default false,
      unique (region_id, code)
    );

    create table offering (
      id serial primary key,
      region_id integer not null references region(id) on delete cascade,
      course_id integer not null references course(id),
      provider_id integer not null references organization(id),
      site_id integer references site(id),
      mode text not null check (mode in ('onsite', 'remote', 'online', 'hybrid', 'workplace')),
      language text not null check (language in ('fi', 'sv', 'en', 'se')),
      academic_year text not null,
      periods integer[] not null default '{}',
      time_slots jsonb not null default '[]',
      capacity integer not null check (capacity >= 0),
      seats_for_partners integer not null check (seats_for_partners >= 0 and seats_for_partners <= capacity),
      target_groups text[] not null default '{}',
      fee_cents integer not null default 0 check (fee_cents >= 0),
      enrolment_start date,
      enrolment_end date,
      contact_name text,
      contact_email text,
      status text not null default 'published' check (status in ('published', 'withdrawn')),
      is_demo boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (site_id is not null or mode in ('online', 'remote')),
      check (enrolment_end is null or enrolment_start is null or enrolment_end >= enrolment_start)
    );
    create index offering_region_status_idx on offering(region_id, status);
    create index offering_course_idx on offering(course_id);
    create index offering_site_idx on offering(site_id);
    create index offering_provider_idx on offering(provider_id);

    create table app_user (
      id serial primary key,
      email text not null unique,
      name text not null,
      password_hash text not null,
      role text not null check (role in
        ('admin', 'coordinator', 'counsellor', 'student', 'planner', 'worklife')),
      region_id integer references region(id) on delete cascade,
      organization_id integer references organization(id),
      home_municipality_code char(3) references municipality(code),
      is_demo boolean not null default false,
      check (role not in ('coordinator', 'counsellor') or organization_id is not null)
    );

    create table session (
      id text primary key,
      user_id integer not null references app_user(id) on delete cascade,
      csrf_token text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    );
    create index session_user_idx on session(user_id);
  `.execute(db);
}
