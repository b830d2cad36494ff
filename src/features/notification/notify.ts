import { sql, type Transaction } from 'kysely';
import type { Database } from '../../server/db/schema.js';
import en from '../../web/i18n/en.json' with { type: 'json' };
import fi from '../../web/i18n/fi.json' with { type: 'json' };
import sv from '../../web/i18n/sv.json' with { type: 'json' };
import type { EnrolmentStatus } from '../enrolment/enrolment-states.js';
import { appUrl } from './email-text.js';
import { RECIPIENTS } from './recipients.js';


/** Rows written at a time: a published round notifies of thousands of steps in one transaction. */
const BATCH = 1000;

/**
 * In-app notifications and queued e-mails for everyone a step concerns, written in the step's own
 * transaction: the state change and the promise to tell of it are kept or lost together.
 */
export async function notifyStep(tx: Transaction<Database>, enrolmentId: number, status: EnrolmentStatus, actorId: number | null) {
  await notifySteps(tx, [enrolmentId], status, actorId);
}

/** The same for many enrolments reaching one status at once (a published round), in a few set-based statements. */
export async function notifySteps(tx: Transaction<Database>, enrolmentIds: readonly number[], status: EnrolmentStatus, actorId: number | null) {
  for (let i = 0; i < enrolmentIds.length; i += BATCH) await notifyBatch(tx, enrolmentIds.slice(i, i + BATCH), status, actorId);
}

async function notifyBatch(tx: Transaction<Database>, enrolmentIds: number[], status: EnrolmentStatus, actorId: number | null) {
  const enrolments = await tx
    .selectFrom('enrolment as e')
    .innerJoin('offering as o', 'o.id', 'e.offering_id')
    .innerJoin('course as c', 'c.id', 'o.course_id')
    .innerJoin('app_user as s', 's.id', 'e.student_id')
    .select(['e.id', 'e.region_id', 'e.student_id', 's.organization_id as school_id', 'o.provider_id', 'c.code', 'c.name_fi', 'c.name_sv', 'c.name_en'])
    .where('e.id', '=', sql<number>`any(${enrolmentIds}::int[])`)
    .orderBy('e.id')
    .execute();
  const wanted = RECIPIENTS[status];
  const byOrganization = async (role: string, ids: (number | null)[]) => {
    const organizations = [...new Set(ids.filter((id): id is number => id !== null))];
    if (organizations.length === 0) return new Map<number, { id: number; email: string }[]>();
    const people = await tx
      .selectFrom('app_user')
      .select(['id', 'email', 'organization_id'])
      .where('role', '=', role)
      .where('organization_id', '=', sql<number>`any(${organizations}::int[])`)
      .orderBy('id')
      .execute();
    const map = new Map<number, { id: number; email: string }[]>();
    for (const person of people) {
      const ofOrganization = map.get(person.organization_id!);
      if (ofOrganization) ofOrganization.push(person);
      else map.set(person.organization_id!, [person]);
    }
    return map;
  };
  const students = wanted.includes('student')
    ? new Map((await tx.selectFrom('app_user').select(['id', 'email']).where('id', '=', sql<number>`any(${enrolments.map((e) => e.student_id)}::int[])`).execute()).map((p) => [p.id, p]))
    : new Map<number, { id: number; email: string }>();
  const counsellors = wanted.includes('homeCounsellors') ? await byOrganization('counsellor', enrolments.map((e) => e.school_id)) : new Map();
  const hosts = wanted.includes('hosts') ? await byOrganization('coordinator', enrolments.map((e) => e.provider_id)) : new Map();

  const label = (tree: typeof fi) => tree.enrolmentStatus[status];
  const notifications: { region_id: number; user_id: number; enrolment_id: number; status: EnrolmentStatus }[] = [];
  const emails: { to_address: string; subject: string; body: string }[] = [];
  for (const enrolment of enrolments) {
    const people = new Map<number, { id: number; email: string }>();
    const student = students.get(enrolment.student_id);
    if (student) people.set(student.id, student);
    for (const p of enrolment.school_id === null ? [] : (counsellors.get(enrolment.school_id) ?? [])) people.set(p.id, p);
    for (const p of hosts.get(enrolment.provider_id) ?? []) people.set(p.id, p);
    people.delete(actorId ?? -1);
    const subject = `Tarjotin: ${enrolment.code} ${enrolment.name_fi} – ${label(fi)}`;
    const body = [
      `${enrolment.code} ${enrolment.name_fi}: ${label(fi)}.`,
      `${enrolment.code} ${enrolment.name_sv}: ${label(sv)}.`,
      `${enrolment.code} ${enrolment.name_en}: ${label(en)}.`,
      '',
      `${appUrl()}/enrolments/${enrolment.id}`,
    ].join('\n');
    for (const p of people.values()) {
      notifications.push({ region_id: enrolment.region_id, user_id: p.id, enrolment_id: enrolment.id, status });
      emails.push({ to_address: p.email, subject, body });
    }
  }
  if (notifications.length === 0) return;
  await tx.insertInto('notification').values(notifications).execute();
  await tx.insertInto('outbox_email').values(emails).execute();
}
