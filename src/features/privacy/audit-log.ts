import type { Transaction } from 'kysely';
import type { Db } from '../../server/db/database.js';
import type { Database } from '../../server/db/schema.js';
import type { SessionUser } from '../auth/roles.js';

/** Who did it: a person (signed in, or following a link sent to them), or the command line (the machine's owner). */
export type AuditActor = { kind: 'person'; user: Pick<SessionUser, 'id'> } | { kind: 'cli' };

export type AuditAction =
  | 'read_plan'
  | 'read_record'
  | 'read_enrolment'
  | 'read_enrolments'
  | 'read_round_result'
  | 'export_person_data'
  | 'erase_person'
  | 'backup'
  | 'restore'
  | 'import_population'
  | 'create_system_admin'
  | 'create_region'
  | 'change_region_settings'
  | 'invite_person'
  | 'accept_invitation'
  | 'revoke_invitation'
  | 'change_role'
  | 'deactivate_account'
  | 'reactivate_account'
  | 'change_password'
  | 'reset_password'
  | 'import_code_set'
  | 'create_course'
  | 'change_course'
  | 'import_students'
  | 'read_students'
  | 'change_student'
  | 'link_identity';

/**
 * Adds rows to the append-only audit trail, one per subject (or one without). `detail` holds ids and counts, never names or
 * addresses, so that the trail says nothing by itself once the people in it are pseudonymised.
 */
export async function recordAudit(db: Db | Transaction<Database>, actor: AuditActor, action: AuditAction, ...abouts: AuditSubject[]) {
  const rows = (abouts.length > 0 ? abouts : [{}]).map((about) => ({
    actor_id: actor.kind === 'person' ? actor.user.id : null,
    actor_kind: actor.kind,
    action,
    subject_id: about.subjectId ?? null,
    region_id: about.regionId ?? null,
    detail: JSON.stringify(about.detail ?? {}),
  }));
  await db.insertInto('audit_event').values(rows).execute();
}

/** What an audit row is about: a person, their region, and ids or counts. */
export interface AuditSubject {
  subjectId?: number | null;
  regionId?: number | null;
  detail?: Record<string, number | string | boolean | number[]>;
}

/** Reads of a student's data by anyone but the student are logged: who, when, what. */
export async function auditStudentRead(db: Db, user: SessionUser, action: 'read_plan' | 'read_record' | 'read_enrolment', student: { id: number; regionId: number | null }, detail?: Record<string, number>) {
  if (user.role === 'student' && user.id === student.id) return;
  await recordAudit(db, { kind: 'person', user }, action, { subjectId: student.id, regionId: student.regionId, detail });
}
