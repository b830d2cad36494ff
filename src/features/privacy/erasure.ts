import type { Db } from '../../server/db/database.js';
import { HttpError, notFound } from '../../server/http/errors.js';
import { accountKeyOf } from '../auth/login-limits.js';
import { closeEnrolmentsOfErased } from '../enrolment/enrolment-service.js';
import { recordAudit, type AuditActor } from './audit-log.js';

export const ERASED_NAME = 'Poistettu henkilö';

/**
 * Erases a person (GDPR art. 17), keeping only what the law requires (docs/data-protection.md):
 * completed credits stay in the study record, and the enrolment log and audit trail keep their
 * rows, which now point at a pseudonymised account. Open enrolments end (their seats go to the
 * waitlist); the plan, study rights, wishes, comments on the plan, notifications, e-mails, sessions,
 * invitations, password-reset links and sign-in attempts go. The account keeps its id only: no name, address, home or password.
 * One transaction: all of it, or nothing.
 */
export async function erasePerson(db: Db, personId: number, actor: AuditActor) {
  return db.transaction().execute(async (tx) => {
    const person = await tx.selectFrom('app_user').select(['id', 'email', 'region_id', 'erased_at']).where('id', '=', personId).forUpdate().executeTakeFirst();
    if (!person) throw notFound('Person');
    if (person.erased_at) throw new HttpError(409, 'already_erased', 'This person was erased already');
    const actorId = actor.kind === 'person' ? actor.user.id : null;
    const closedEnrolments = await closeEnrolmentsOfErased(tx, personId, actorId);
    const removed = async (query: { executeTakeFirst(): Promise<{ numDeletedRows: bigint }> }) => Number((await query.executeTakeFirst()).numDeletedRows);
    const counts = {
      closedEnrolments,
      planItems: await removed(tx.deleteFrom('plan_item').where('student_id', '=', personId)),
      planComments: await removed(tx.deleteFrom('plan_comment').where('student_id', '=', personId)),
      studyRights: await removed(tx.deleteFrom('study_right').where('student_id', '=', personId)),
      roundWishes: await removed(tx.deleteFrom('round_wish').where('student_id', '=', personId)),
      roundOutcomes: await removed(tx.deleteFrom('round_outcome').where('student_id', '=', personId)),
      notifications: await removed(tx.deleteFrom('notification').where('user_id', '=', personId)),
      emails: await removed(tx.deleteFrom('outbox_email').where('to_address', '=', person.email)),
      sessions: await removed(tx.deleteFrom('session').where('user_id', '=', personId)),
      signInIdentities: await removed(tx.deleteFrom('oidc_identity').where('user_id', '=', personId)),
      passwordResets: await removed(tx.deleteFrom('password_reset').where('user_id', '=', personId)),
      invitations: await removed(tx.deleteFrom('invitation').where((eb) => eb.or([eb('email', '=', person.email), eb('accepted_user_id', '=', personId)]))),
    };
    await tx.deleteFrom('login_attempt').where('account_key', '=', accountKeyOf(person.email)).execute();
    await tx
      .updateTable('app_user')
      .set({ name: ERASED_NAME, email: `erased-${personId}@erased.invalid`, password_hash: '!erased', home_municipality_code: null, student_number: null, birth_date: null, erased_at: new Date() })
      .where('id', '=', personId)
      .execute();
    await recordAudit(tx, actor, 'erase_person', { subjectId: personId, regionId: person.region_id, detail: counts });
    return counts;
  });
}
