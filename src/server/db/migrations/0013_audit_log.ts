import { sql, type Kysely } from 'kysely';

/**
 * The audit trail is append-only in fact, not by convention: the database refuses to change or
 * remove it (UPDATE, DELETE, TRUNCATE), and no foreign key can cascade into it. Only the retention
 * sweep may delete, and only rows past their period (docs/data-protection.md). People are never
 * deleted but pseudonymised, so the ids in the trail stay valid and say nothing by themselves.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table audit_event (
      id bigserial primary key,
      at timestamptz not null default now(),
      -- Who acted: a person's id, or null for the CLI and the server itself (actor_kind says which).
      actor_id integer,
      actor_kind text not null check (actor_kind in ('person', 'cli', 'system')),
      action text not null,
      -- The person whose data was read or changed, when there is one.
      subject_id integer,
      region_id integer,
      detail jsonb not null default '{}'
    );
    create index audit_event_subject_idx on audit_event (subject_id, at);
    create index audit_event_at_idx on audit_event (at);

    create function refuse_audit_change() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' and tg_table_name = 'audit_event' and old.at < now() - interval '5 years' then
        return old;
      end if;
      raise exception '% is append-only', tg_table_name using errcode = 'P0001';
    end $$;
    create function refuse_audit_truncate() returns trigger language plpgsql as $$
    begin
      raise exception '% is append-only', tg_table_name using errcode = 'P0001';
    end $$;

    create trigger audit_event_append_only before update or delete on audit_event
      for each row execute function refuse_audit_change();
    create trigger audit_event_no_truncate before truncate on audit_event
      for each statement execute function refuse_audit_truncate();

    -- The enrolment workflow's log: its rows stay as long as the enrolments, which are never deleted.
    drop trigger enrolment_event_no_change on enrolment_event;
    drop function enrolment_event_append_only();
    create trigger enrolment_event_append_only before update or delete on enrolment_event
      for each row execute function refuse_audit_change();
    create trigger enrolment_event_no_truncate before truncate on enrolment_event
      for each statement execute function refuse_audit_truncate();
    alter table enrolment_event
      drop constraint enrolment_event_enrolment_id_fkey,
      add constraint enrolment_event_enrolment_id_fkey foreign key (enrolment_id) references enrolment(id),
      drop constraint enrolment_event_region_id_fkey,
      add constraint enrolment_event_region_id_fkey foreign key (region_id) references region(id);

    -- Erasure pseudonymises a person; the row stays for the ids that point at it.
    alter table app_user add column erased_at timestamptz;
  `.execute(db);
}
