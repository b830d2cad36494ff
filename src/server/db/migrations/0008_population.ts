import { sql, type Kysely } from 'kysely';

/**
 * National population statistics by municipality, year and age band (reference data, like
 * `municipality`: not owned by a region). A total is the band 0–120.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table population (
      municipality_code text not null references municipality(code),
      year integer not null check (year between 1900 and 2100),
      age_from integer not null check (age_from between 0 and 120),
      age_to integer not null check (age_to between age_from and 120),
      count integer not null check (count >= 0),
      source text not null,
      primary key (municipality_code, year, age_from, age_to)
    );
    create index population_year_idx on population (year, age_from, age_to);
  `.execute(db);
}
