import type { Transaction } from 'kysely';
import type { Database } from '../../server/db/schema.js';
import en from '../../web/i18n/en.json' with { type: 'json' };
import fi from '../../web/i18n/fi.json' with { type: 'json' };
import sv from '../../web/i18n/sv.json' with { type: 'json' };
import type { EnrolmentStatus } from '../enrolment/enrolment-states.js';
import { RECIPIENTS } from './recipients.js';

/** The public address of the app, for links in e-mails. */
const APP_URL = process.env.APP_URL ?? 'http://localhost:8080';

/**
 * In-app notifications and queued e-mails for everyone a step concerns, written in the step's own
 * transaction: the state change and the promise to tell of it are kept or lost together.
 */
export async function notifyStep(tx: Transaction<Database>, enrolmentId: number, status: EnrolmentStatus, actorId: number | null) {
  const enrolment = await tx
    .selectFrom('enrolment as e')
    .innerJoin('offering as o', 'o.id', 'e.offering_id')
    .innerJoin('course as c', 'c.id', 'o.course_id')
    .innerJoin('app_user as s', 's.id', 'e.student_id')
    .select(['e.id', 'e.region_id', 'e.student_id', 's.organization_id as school_id', 'o.provider_id', 'c.code', 'c.name_fi', 'c.name_sv', 'c.name_en'])
    .where('e.id', '=', enrolmentId)
    .executeTakeFirstOrThrow();
  const wanted = RECIPIENTS[status];
  let query = tx.selectFrom('app_user').select(['id', 'email']).where('id', '!=', actorId ?? -1);
  query = query.where((eb) =>
    eb.or([
      ...(wanted.includes('student') ? [eb('id', '=', enrolment.student_id)] : []),
      ...(wanted.includes('homeCounsellors') && enrolment.school_id !== null
        ? [eb.and([eb('role', '=', 'counsellor'), eb('organization_id', '=', enrolment.school_id)])]
        : []),
      ...(wanted.includes('hosts') ? [eb.and([eb('role', '=', 'coordinator'), eb('organization_id', '=', enrolment.provider_id)])] : []),
    ]),
  );
  const people = await query.execute();
  if (people.length === 0) return;
  await tx
    .insertInto('notification')
    .values(people.map((p) => ({ region_id: enrolment.region_id, user_id: p.id, enrolment_id: enrolmentId, status })))
    .execute();
  const label = (tree: typeof fi) => tree.enrolmentStatus[status];
  const subject = `Tarjotin: ${enrolment.code} ${enrolment.name_fi} – ${label(fi)}`;
  const body = [
    `${enrolment.code} ${enrolment.name_fi}: ${label(fi)}.`,
    `${enrolment.code} ${enrolment.name_sv}: ${label(sv)}.`,
    `${enrolment.code} ${enrolment.name_en}: ${label(en)}.`,
    '',
    `${APP_URL}/enrolments/${enrolmentId}`,
  ].join('\n');
  await tx
    .insertInto('outbox_email')
    .values(people.map((p) => ({ to_address: p.email, subject, body })))
    .execute();
}
