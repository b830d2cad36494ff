import type { Db } from '../../server/db/database.js';
import { notFound } from '../../server/http/errors.js';

/**
 * Everything Tarjotin stores about a person (GDPR art. 15, the right of access), as one JSON
 * document: their account, study rights and plan, comments on their plan and by them, enrolments
 * with every step, round wishes and outcomes, notifications, e-mails sent to them, their sessions,
 * and the audit entries about them or by them. Passwords appear as a statement, never as a hash.
 */
export async function personData(db: Db, personId: number) {
  const person = await db
    .selectFrom('app_user')
    .select(['id', 'email', 'name', 'role', 'region_id', 'organization_id', 'home_municipality_code', 'student_number', 'birth_date', 'erased_at', 'password_hash'])
    .where('id', '=', personId)
    .executeTakeFirst();
  if (!person) throw notFound('Person');
  const [studyRights, planItems, comments, enrolments, wishes, outcomes, notifications, emails, sessions, invitations, passwordResets, audit, signInIdentities] = await Promise.all([
    db.selectFrom('study_right').select(['kind', 'qualification', 'target_credits', 'start_date']).where('student_id', '=', personId).execute(),
    db
      .selectFrom('plan_item as p')
      .innerJoin('offering as o', 'o.id', 'p.offering_id')
      .select(['p.offering_id', 'o.course_code', 'o.academic_year'])
      .where('p.student_id', '=', personId)
      .execute(),
    db
      .selectFrom('plan_comment')
      .select(['id', 'student_id', 'author_id', 'body', 'at'])
      .where((eb) => eb.or([eb('student_id', '=', personId), eb('author_id', '=', personId)]))
      .orderBy('id')
      .execute(),
    db
      .selectFrom('enrolment as e')
      .innerJoin('offering as o', 'o.id', 'e.offering_id')
      .select(['e.id', 'e.offering_id', 'o.course_code', 'e.status', 'e.grade', 'e.credits', 'e.completed_on', 'e.created_at', 'e.updated_at'])
      .where('e.student_id', '=', personId)
      .orderBy('e.id')
      .execute(),
    db.selectFrom('round_wish').select(['round_id', 'offering_id', 'rank']).where('student_id', '=', personId).execute(),
    db.selectFrom('round_outcome').select(['round_id', 'offering_id', 'rank', 'assigned', 'reason']).where('student_id', '=', personId).execute(),
    db.selectFrom('notification').select(['id', 'enrolment_id', 'status', 'created_at', 'read_at']).where('user_id', '=', personId).orderBy('id').execute(),
    db.selectFrom('outbox_email').select(['subject', 'body', 'created_at', 'sent_at']).where('to_address', '=', person.email).orderBy('id').execute(),
    db.selectFrom('session').select(['created_at', 'last_seen_at', 'expires_at']).where('user_id', '=', personId).execute(),
    db
      .selectFrom('invitation')
      .select(['role', 'region_id', 'organization_id', 'invited_by', 'created_at', 'expires_at', 'accepted_at', 'revoked_at'])
      .where((eb) => eb.or([eb('email', '=', person.email), eb('accepted_user_id', '=', personId)]))
      .orderBy('id')
      .execute(),
    db.selectFrom('password_reset').select(['created_at', 'expires_at', 'used_at']).where('user_id', '=', personId).orderBy('created_at').execute(),
    db
      .selectFrom('audit_event')
      .select(['at', 'actor_id', 'actor_kind', 'action', 'subject_id', 'detail'])
      .where((eb) => eb.or([eb('subject_id', '=', personId), eb('actor_id', '=', personId)]))
      .orderBy('id')
      .execute(),
    db.selectFrom('oidc_identity').select(['provider', 'subject', 'created_at']).where('user_id', '=', personId).execute(),
  ]);
  const enrolmentIds = enrolments.map((e) => e.id);
  const steps =
    enrolmentIds.length === 0
      ? []
      : await db.selectFrom('enrolment_event').select(['enrolment_id', 'from_status', 'to_status', 'reason', 'actor_id', 'at']).where('enrolment_id', 'in', enrolmentIds).orderBy('id').execute();
  return {
    exportedAt: new Date().toISOString(),
    person: { ...withoutHash(person), password: person.password_hash.startsWith('!') ? 'none set' : 'stored only as a hash, which is not shown' },
    studyRights,
    plan: planItems,
    planComments: comments,
    enrolments: enrolments.map((e) => ({ ...e, steps: steps.filter((s) => s.enrolment_id === e.id) })),
    roundWishes: wishes,
    roundOutcomes: outcomes,
    notifications,
    emails,
    sessions,
    invitations,
    passwordResets,
    signInIdentities,
    audit,
  };
}

const withoutHash = <T extends { password_hash: string }>({ password_hash: _hash, ...rest }: T) => rest;
