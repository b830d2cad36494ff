import { sql, type Kysely } from 'kysely';

/**
 * Tray search at national scale: an offering carries copies of its course's code, sort name,
 * education form and field, kept by triggers, so that filtering and ordering need no join and a
 * sorted index can stop at the first page.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table offering
      add column course_code text not null default '',
      add column course_sort_name text not null default '',
      add column education_form text not null default '',
      add column field text not null default '';

    create function offering_copy_course_keys() returns trigger language plpgsql as $$
    begin
      select c.code, lower(c.name_fi), c.education_form, c.field
        into new.course_code, new.course_sort_name, new.education_form, new.field
        from course c where c.id = new.course_id;
      return new;
    end $$;

    create trigger offering_course_keys before insert or update of course_id on offering
      for each row execute function offering_copy_course_keys();

    create function course_propagate_keys() returns trigger language plpgsql as $$
    begin
      update offering
         set course_code = new.code, course_sort_name = lower(new.name_fi),
             education_form = new.education_form, field = new.field
       where course_id = new.id;
      return null;
    end $$;

    create trigger course_keys_to_offerings after update of code, name_fi, education_form, field on course
      for each row execute function course_propagate_keys();

    update offering o
       set course_code = c.code, course_sort_name = lower(c.name_fi), education_form = c.education_form, field = c.field
      from course c where c.id = o.course_id;

    create index offering_published_name_idx on offering (course_sort_name, id) where status = 'published';
    create index offering_published_code_idx on offering (course_code, id) where status = 'published';
    create index offering_mode_idx on offering (mode);
    create index offering_language_idx on offering (language);
    create index offering_education_form_idx on offering (education_form);
    create index offering_field_idx on offering (field);
    create index offering_periods_idx on offering using gin (periods);
    create index offering_target_groups_idx on offering using gin (target_groups);
  `.execute(db);
}
