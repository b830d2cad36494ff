import type { Insertable } from 'kysely';
import type { Db } from '../../server/db/database.js';
import type { OfferingTable } from '../../server/db/schema.js';
import { badRequest, forbidden, notFound, type FieldIssue } from '../../server/http/errors.js';
import { excerpt } from '../../server/http/excerpt.js';
import { canManageOrganization, isAdmin, type SessionUser } from '../auth/roles.js';
import { lessonsOfBars } from '../timetable/time-frame.js';
import { OfferingLookups } from './offering-lookups.js';
import { offeringRuleIssues, type OfferingFields } from './offering-schema.js';

/** Where a field of the input lives, so issues point at it: `body.capacity`, or `row 4: capacity` in an import. */
export type IssuePrefix = (field: string) => string;
export const bodyField: IssuePrefix = (field) => `body.${field}`;

interface ResolvedReferences {
  regionId: number;
  courseId: number;
}

/** Checks what needs the database: the provider, the course code in its region, the site in the same region. */
export async function resolveReferences(
  lookups: OfferingLookups,
  providerId: number,
  fields: Pick<OfferingFields, 'courseCode' | 'siteId'>,
  at: IssuePrefix,
): Promise<{ issues: FieldIssue[]; resolved?: ResolvedReferences }> {
  const provider = await lookups.provider(providerId);
  if (!provider) return { issues: [{ path: at('providerId'), code: 'unknown_provider', message: 'no such provider' }] };
  const issues: FieldIssue[] = [];
  const courseId = await lookups.courseId(provider.region_id, fields.courseCode);
  if (courseId === undefined) issues.push({ path: at('courseCode'), code: 'unknown_course', message: `no course ${excerpt(fields.courseCode)} in this region` });
  if (fields.siteId != null && !(await lookups.siteIsInRegion(fields.siteId, provider.region_id))) {
    issues.push({ path: at('siteId'), code: 'unknown_site', message: 'no such site in this region' });
  }
  return courseId !== undefined && issues.length === 0 ? { issues, resolved: { regionId: provider.region_id, courseId } } : { issues };
}

export function offeringColumns(fields: OfferingFields) {
  return {
    site_id: fields.siteId,
    mode: fields.mode,
    language: fields.language,
    academic_year: fields.academicYear,
    periods: [...fields.periods].sort((a, b) => a - b),
    time_slots: JSON.stringify(fields.timeSlots),
    bar_codes: fields.bars,
    capacity: fields.capacity,
    seats_for_partners: fields.seatsForPartners,
    target_groups: fields.targetGroups,
    fee_cents: Math.round(fields.feeEuros * 100),
    enrolment_start: fields.enrolmentStart,
    enrolment_end: fields.enrolmentEnd,
    contact_name: fields.contactName,
    contact_email: fields.contactEmail,
  };
}

/** Validates a whole offering for a provider; returns the row to insert, or the issues. */
export async function prepareOffering(
  lookups: OfferingLookups,
  providerId: number,
  fields: OfferingFields,
  at: IssuePrefix,
): Promise<{ issues: FieldIssue[]; row?: Insertable<OfferingTable> }> {
  const ruleIssues = offeringRuleIssues(fields).map((i) => ({ ...i, path: at(i.path) }));
  const { issues, resolved } = await resolveReferences(lookups, providerId, fields, at);
  const bars =
    fields.bars.length > 0
      ? lessonsOfBars(await lookups.timeFrame(providerId, fields.academicYear), fields.academicYear, fields.bars, fields.periods, at)
      : null;
  const all = [...ruleIssues, ...issues, ...(bars?.issues ?? [])];
  if (all.length > 0 || !resolved) return { issues: all };
  if (bars) fields = { ...fields, timeSlots: bars.timeSlots };
  return {
    issues: [],
    row: {
      region_id: resolved.regionId,
      course_id: resolved.courseId,
      provider_id: providerId,
      status: 'published',
      ...offeringColumns(fields),
    },
  };
}

/**
 * The provider whose offerings the user writes: an admin names it (one of their region's); a
 * coordinator writes their own organization's. Anyone else, or another's provider: 403.
 */
export async function managedProvider(db: Db, user: SessionUser, requestedProviderId: number | undefined, path: string): Promise<number> {
  const providerId = isAdmin(user) ? requestedProviderId : (user.role === 'coordinator' ? user.organizationId : null);
  if (providerId === undefined) throw badRequest([{ path, code: 'required', message: 'an admin names the provider' }]);
  if (providerId === null || (requestedProviderId !== undefined && requestedProviderId !== providerId)) {
    throw forbidden('You may only publish offerings of your own organization');
  }
  const provider = await db.selectFrom('organization').select('region_id').where('id', '=', providerId).executeTakeFirst();
  if (!provider) throw badRequest([{ path, code: 'unknown_provider', message: 'no such provider' }]);
  if (!canManageOrganization(user, { id: providerId, regionId: provider.region_id })) throw forbidden('You may only publish offerings of your own region');
  return providerId;
}

export async function createOffering(db: Db, user: SessionUser, fields: OfferingFields, requestedProviderId?: number) {
  const providerId = await managedProvider(db, user, requestedProviderId, 'body.providerId');
  const { issues, row } = await prepareOffering(new OfferingLookups(db), providerId, fields, bodyField);
  if (!row) throw badRequest(issues);
  const { id } = await db.insertInto('offering').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateOffering(
  db: Db,
  user: SessionUser,
  id: number,
  patch: Partial<OfferingFields> & { status?: 'published' | 'withdrawn' },
) {
  const current = await db
    .selectFrom('offering as o')
    .innerJoin('course as c', 'c.id', 'o.course_id')
    .select(['o.id', 'o.provider_id', 'c.code as course_code'])
    .selectAll('o')
    .where('o.id', '=', id)
    .executeTakeFirst();
  // A withdrawn offering does not exist for those who may not manage it (offering-visibility.ts).
  if (!current || (current.status === 'withdrawn' && !canManageOrganization(user, { id: current.provider_id, regionId: current.region_id }))) {
    throw notFound('Offering');
  }
  if (!canManageOrganization(user, { id: current.provider_id, regionId: current.region_id })) {
    throw forbidden('You may only change offerings of your own organization');
  }
  const merged: OfferingFields = {
    courseCode: current.course_code,
    siteId: current.site_id,
    mode: current.mode as OfferingFields['mode'],
    language: current.language as OfferingFields['language'],
    academicYear: current.academic_year,
    periods: current.periods,
    timeSlots: current.time_slots,
    // Lesson times given without bars take the offering off the frame's bars.
    bars: patch.timeSlots !== undefined && patch.bars === undefined ? [] : current.bar_codes,
    capacity: current.capacity,
    seatsForPartners: current.seats_for_partners,
    targetGroups: current.target_groups as OfferingFields['targetGroups'],
    feeEuros: current.fee_cents / 100,
    enrolmentStart: current.enrolment_start,
    enrolmentEnd: current.enrolment_end,
    contactName: current.contact_name,
    contactEmail: current.contact_email,
    ...withoutUndefined(patch),
  };
  const { issues, row } = await prepareOffering(new OfferingLookups(db), current.provider_id, merged, bodyField);
  if (merged.seatsForPartners < current.seats_taken) {
    issues.push({ path: 'body.seatsForPartners', code: 'below_seats_taken', message: `${current.seats_taken} partner seats are taken already` });
  }
  if (!row || issues.length > 0) throw badRequest(issues);
  await db
    .updateTable('offering')
    .set({ ...row, status: patch.status ?? current.status, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
