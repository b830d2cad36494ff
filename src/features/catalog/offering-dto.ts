import type { DeliveryMode, EducationForm, TargetGroup, TeachingLanguage } from './vocabulary.js';
import type { TimeSlotRow } from '../../server/db/schema.js';
import type { TravelModel } from '../travel/travel-time-provider.js';

/** One offering as the API returns it. */
export interface OfferingDto {
  id: number;
  regionId: number;
  course: {
    id: number;
    code: string;
    nameFi: string;
    nameSv: string;
    nameEn: string;
    educationForm: EducationForm;
    field: string;
    credits: number;
    creditUnit: 'op' | 'osp';
    qualification: string | null;
    /** Where the course's name came from: a national code set (named in codeSet), or the provider's own. */
    nameSource: 'national' | 'local';
    codeSet: string | null;
  };
  provider: { id: number; name: string };
  site: {
    id: number;
    name: string;
    address: string | null;
    municipalityCode: string;
    lat: number;
    lon: number;
    locationApproximate: boolean;
  } | null;
  mode: DeliveryMode;
  language: TeachingLanguage;
  academicYear: string;
  periods: number[];
  timeSlots: TimeSlotRow[];
  /** Bars of the region's time frame the offering runs in; empty when its times are its own. */
  bars: string[];
  capacity: number;
  seatsForPartners: number;
  /** Partner seats already held by accepted, enrolled and completed students. */
  seatsTaken: number;
  targetGroups: TargetGroup[];
  feeEuros: number;
  enrolmentStart: string | null;
  enrolmentEnd: string | null;
  contactName: string | null;
  contactEmail: string | null;
  status: 'published' | 'withdrawn';
  isDemo: boolean;
  /** Null for remote and online study, and when no home municipality was given. */
  travelMinutes: number | null;
  travelModel: TravelModel | null;
}

export interface OfferingRow {
  id: number;
  region_id: number;
  course_id: number;
  course_code: string;
  course_name_fi: string;
  course_name_sv: string;
  course_name_en: string;
  education_form: string;
  field: string;
  credits: number;
  credit_unit: string;
  qualification: string | null;
  name_source: 'national' | 'local';
  code_set: string | null;
  provider_id: number;
  provider_name: string;
  site_id: number | null;
  site_name: string | null;
  site_address: string | null;
  site_municipality_code: string | null;
  site_lat: number | null;
  site_lon: number | null;
  site_location_approximate: boolean | null;
  mode: string;
  language: string;
  academic_year: string;
  periods: number[];
  time_slots: TimeSlotRow[];
  bar_codes: string[];
  capacity: number;
  seats_for_partners: number;
  seats_taken: number;
  target_groups: string[];
  fee_cents: number;
  enrolment_start: string | null;
  enrolment_end: string | null;
  contact_name: string | null;
  contact_email: string | null;
  status: string;
  is_demo: boolean;
}

export function offeringDto(row: OfferingRow, travelMinutes: number | null, travelModel: TravelModel | null): OfferingDto {
  return {
    id: row.id,
    regionId: row.region_id,
    course: {
      id: row.course_id,
      code: row.course_code,
      nameFi: row.course_name_fi,
      nameSv: row.course_name_sv,
      nameEn: row.course_name_en,
      educationForm: row.education_form as EducationForm,
      field: row.field,
      credits: row.credits,
      creditUnit: row.credit_unit as 'op' | 'osp',
      qualification: row.qualification,
      nameSource: row.name_source,
      codeSet: row.code_set,
    },
    provider: { id: row.provider_id, name: row.provider_name },
    site:
      row.site_id === null
        ? null
        : {
            id: row.site_id,
            name: row.site_name!,
            address: row.site_address,
            municipalityCode: row.site_municipality_code!,
            lat: row.site_lat!,
            lon: row.site_lon!,
            locationApproximate: row.site_location_approximate!,
          },
    mode: row.mode as DeliveryMode,
    language: row.language as TeachingLanguage,
    academicYear: row.academic_year,
    periods: row.periods,
    timeSlots: row.time_slots,
    bars: row.bar_codes,
    capacity: row.capacity,
    seatsForPartners: row.seats_for_partners,
    seatsTaken: row.seats_taken,
    targetGroups: row.target_groups as TargetGroup[],
    feeEuros: row.fee_cents / 100,
    enrolmentStart: row.enrolment_start,
    enrolmentEnd: row.enrolment_end,
    contactName: row.contact_name,
    contactEmail: row.contact_email,
    status: row.status as 'published' | 'withdrawn',
    isDemo: row.is_demo,
    travelMinutes,
    travelModel: travelMinutes === null ? null : travelModel,
  };
}
