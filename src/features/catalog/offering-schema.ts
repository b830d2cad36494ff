import { z } from 'zod';
import { idSchema } from '../../server/http/input-schemas.js';
import {
  DELIVERY_MODES,
  MODES_WITHOUT_TRAVEL,
  TARGET_GROUPS,
  TEACHING_LANGUAGES,
  type DeliveryMode,
} from './vocabulary.js';

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time as HH:MM');
const isoDate = z.iso.date();

/** A timetable bar (palkki) of the region's time frame, e.g. `A` or `MA`. */
export const barCodeSchema = z.string().regex(/^[A-Za-z0-9ÅÄÖåäö_-]{1,10}$/, 'a bar code of 1–10 letters or digits');

export const timeSlotSchema = z
  .object({ day: z.number().int().min(1).max(7), start: clock, end: clock })
  .refine((slot) => slot.end > slot.start, { path: ['end'], message: 'ends before it starts', params: { code: 'end_before_start' } });

/** The fields a coordinator edits. Shared by the API, the import and the edit form. */
export const offeringFieldsSchema = z.object({
  courseCode: z.string().trim().min(1).max(40),
  siteId: idSchema.nullable(),
  mode: z.enum(DELIVERY_MODES),
  language: z.enum(TEACHING_LANGUAGES),
  academicYear: z.string().regex(/^\d{4}-\d{4}$/, 'academic year as 2026-2027'),
  periods: z.array(z.number().int().min(1).max(6)).max(6),
  timeSlots: z.array(timeSlotSchema).max(20),
  /** Bars of the provider's adopted time frame; when given, their lessons replace timeSlots. */
  bars: z.array(barCodeSchema).max(20).default([]),
  capacity: z.number().int().min(0).max(10000),
  seatsForPartners: z.number().int().min(0).max(10000),
  targetGroups: z.array(z.enum(TARGET_GROUPS)).min(1),
  feeEuros: z.number().min(0).max(100000).multipleOf(0.01),
  enrolmentStart: isoDate.nullable(),
  enrolmentEnd: isoDate.nullable(),
  contactName: z.string().trim().max(200).nullable(),
  contactEmail: z.email().nullable(),
});

export type OfferingFields = z.infer<typeof offeringFieldsSchema>;

/** Rules across fields, as issues with the path of the field to correct. */
export function offeringRuleIssues(o: Partial<OfferingFields>): { path: string; code: string; message: string }[] {
  const issues = [];
  if (o.mode && o.siteId == null && !MODES_WITHOUT_TRAVEL.includes(o.mode as DeliveryMode)) {
    issues.push({ path: 'siteId', code: 'site_required_for_mode', message: 'this mode needs a site' });
  }
  if (o.capacity != null && o.seatsForPartners != null && o.seatsForPartners > o.capacity) {
    issues.push({ path: 'seatsForPartners', code: 'exceeds_capacity', message: 'more partner seats than capacity' });
  }
  if (o.enrolmentStart && o.enrolmentEnd && o.enrolmentEnd < o.enrolmentStart) {
    issues.push({ path: 'enrolmentEnd', code: 'end_before_start', message: 'enrolment ends before it starts' });
  }
  if (o.periods && new Set(o.periods).size !== o.periods.length) {
    issues.push({ path: 'periods', code: 'duplicate', message: 'a period is listed twice' });
  }
  return issues;
}

export const offeringCreateSchema = offeringFieldsSchema.extend({
  /** Admins choose the provider; a coordinator's offerings are always their own organization's. */
  providerId: idSchema.optional(),
});

export const offeringPatchSchema = offeringFieldsSchema.partial().extend({
  status: z.enum(['published', 'withdrawn']).optional(),
});
