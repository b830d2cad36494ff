import type { OfferingDto } from './offering-dto.js';
import type { OfferingFields } from './offering-schema.js';

/**
 * The columns of an offering file (CSV or XLSX). Export writes them and import reads them, so an
 * exported file can be edited in a spreadsheet and imported back: a row with an `id` updates that
 * offering, a row without creates one.
 */
export const OFFERING_COLUMNS = [
  'id',
  'course_code',
  'course_name',
  'site',
  'mode',
  'language',
  'academic_year',
  'periods',
  'time_slots',
  'bars',
  'capacity',
  'seats_for_partners',
  'target_groups',
  'fee_euros',
  'enrolment_start',
  'enrolment_end',
  'contact_name',
  'contact_email',
  'status',
] as const;
export type OfferingColumn = (typeof OFFERING_COLUMNS)[number];
export type OfferingFileRow = Partial<Record<OfferingColumn, string>>;

/** Input field each column feeds, for issue paths; course_name is for reading only. */
export const COLUMN_OF_FIELD: Record<string, OfferingColumn> = {
  courseCode: 'course_code',
  siteId: 'site',
  mode: 'mode',
  language: 'language',
  academicYear: 'academic_year',
  periods: 'periods',
  timeSlots: 'time_slots',
  bars: 'bars',
  capacity: 'capacity',
  seatsForPartners: 'seats_for_partners',
  targetGroups: 'target_groups',
  feeEuros: 'fee_euros',
  enrolmentStart: 'enrolment_start',
  enrolmentEnd: 'enrolment_end',
  contactName: 'contact_name',
  contactEmail: 'contact_email',
};

const list = (value: string | undefined) =>
  (value ?? '')
    .split(/[;,]/)
    .map((s) => s.trim())
    .filter(Boolean);

const numberOrText = (value: string | undefined) => {
  const text = (value ?? '').trim().replace(',', '.');
  return text !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
};

const textOrNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);

const DAYS = ['', 'ma', 'ti', 'ke', 'to', 'pe', 'la', 'su'];

/** `ma 08:15-09:45; ke 10:00-11:30` (Finnish weekday abbreviations or 1–7). */
export function formatTimeSlots(slots: OfferingFields['timeSlots']): string {
  return slots.map((s) => `${DAYS[s.day]} ${s.start}-${s.end}`).join('; ');
}

export function parseTimeSlots(value: string | undefined): unknown[] {
  return list(value).map((text) => {
    const match = /^(\S+)\s+(\d{1,2}[:.]\d{2})\s*-\s*(\d{1,2}[:.]\d{2})$/.exec(text);
    if (!match) return { day: text, start: '', end: '' };
    const dayText = match[1]!.toLowerCase();
    const day = DAYS.indexOf(dayText) > 0 ? DAYS.indexOf(dayText) : Number(dayText);
    const clock = (t: string) => t.replace('.', ':').padStart(5, '0');
    return { day, start: clock(match[2]!), end: clock(match[3]!) };
  });
}

/** A file row as raw field input; the offering schema validates it like an API body. */
export function fieldsFromFileRow(row: OfferingFileRow, siteIdByName: ReadonlyMap<string, number>) {
  const siteName = textOrNull(row.site);
  return {
    courseCode: (row.course_code ?? '').trim(),
    siteId: siteName === null ? null : (siteIdByName.get(siteName.toLowerCase()) ?? -1),
    mode: (row.mode ?? '').trim(),
    language: (row.language ?? '').trim(),
    academicYear: (row.academic_year ?? '').trim(),
    periods: list(row.periods).map(numberOrText),
    timeSlots: parseTimeSlots(row.time_slots),
    bars: list(row.bars),
    capacity: numberOrText(row.capacity),
    seatsForPartners: numberOrText(row.seats_for_partners),
    targetGroups: list(row.target_groups),
    feeEuros: row.fee_euros?.trim() ? numberOrText(row.fee_euros) : 0,
    enrolmentStart: textOrNull(row.enrolment_start),
    enrolmentEnd: textOrNull(row.enrolment_end),
    contactName: textOrNull(row.contact_name),
    contactEmail: textOrNull(row.contact_email),
  };
}

export function fileRowFromOffering(o: OfferingDto): Record<OfferingColumn, string | number> {
  return {
    id: o.id,
    course_code: o.course.code,
    course_name: o.course.nameFi,
    site: o.site?.name ?? '',
    mode: o.mode,
    language: o.language,
    academic_year: o.academicYear,
    periods: o.periods.join(';'),
    time_slots: formatTimeSlots(o.timeSlots),
    bars: o.bars.join(';'),
    capacity: o.capacity,
    seats_for_partners: o.seatsForPartners,
    target_groups: o.targetGroups.join(';'),
    fee_euros: o.feeEuros,
    enrolment_start: o.enrolmentStart ?? '',
    enrolment_end: o.enrolmentEnd ?? '',
    contact_name: o.contactName ?? '',
    contact_email: o.contactEmail ?? '',
    status: o.status,
  };
}
