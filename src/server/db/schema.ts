import type { ColumnType, Generated } from 'kysely';

/** Timestamps are written as Date or ISO text and read back as Date. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface RegionTable {
  id: Generated<number>;
  code: string;
  name_fi: string;
  name_sv: string;
  name_en: string;
  /** Road distance ÷ great-circle distance, for the travel-time estimate. */
  travel_circuity: Generated<number>;
  travel_speed_kmh: Generated<number>;
  /** Minutes added to every on-site trip (walking, waiting, parking). */
  travel_overhead_minutes: Generated<number>;
  /** The longest daily trip, one way, the region holds reasonable (migration 0021); the knowledge base reports the share within it. */
  daily_travel_limit_minutes: Generated<number>;
  is_demo: Generated<boolean>;
}

/** National reference data (Statistics Finland), not owned by any region. */
export interface MunicipalityTable {
  code: string;
  name_fi: string;
  name_sv: string;
  maakunta_code: string;
  maakunta_name_fi: string;
  lat: number | null;
  lon: number | null;
  population: number | null;
  population_year: number | null;
  cohort_13_15: number | null;
  cohort_16_17: number | null;
  cohort_18_19: number | null;
  cohort_year: number | null;
}

export interface RegionMunicipalityTable {
  region_id: number;
  municipality_code: string;
}

export interface OrganizationTable {
  id: Generated<number>;
  region_id: number;
  kind: string;
  name: string;
  business_id: string | null;
  municipality_code: string | null;
  search_text: string;
  /** A school's code in the national register (oppilaitosnumero), when it was added from the register (migration 0022). */
  school_code: Generated<string | null>;
  is_demo: Generated<boolean>;
}

export interface SiteTable {
  id: Generated<number>;
  region_id: number;
  organization_id: number;
  name: string;
  address: string | null;
  municipality_code: string;
  lat: number;
  lon: number;
  location_approximate: Generated<boolean>;
  is_demo: Generated<boolean>;
}

export interface CourseTable {
  id: Generated<number>;
  region_id: number;
  code: string;
  name_fi: string;
  name_sv: string;
  name_en: string;
  education_form: string;
  field: string;
  credits: number;
  credit_unit: string;
  qualification: string | null;
  search_text: string;
  /** Where the name came from (migration 0018): a national code set, or the provider's own (paikallinen). */
  name_source: Generated<'national' | 'local'>;
  code_set: string | null;
  code_uri: string | null;
  is_demo: Generated<boolean>;
}

export interface OfferingTable {
  id: Generated<number>;
  region_id: number;
  course_id: number;
  provider_id: number;
  site_id: number | null;
  /** Copies of the course's keys, kept by a trigger (migration 0002) for join-free search. */
  course_code: Generated<string>;
  course_sort_name: Generated<string>;
  education_form: Generated<string>;
  field: Generated<string>;
  mode: string;
  language: string;
  academic_year: string;
  periods: number[];
  time_slots: ColumnType<TimeSlotRow[], string, string>;
  /** Bars of the provider's adopted time frame the offering runs in; its time_slots are their lessons. */
  bar_codes: Generated<string[]>;
  capacity: number;
  seats_for_partners: number;
  /** Partner seats held by accepted, enrolled and completed enrolments (migration 0003). */
  seats_taken: Generated<number>;
  target_groups: string[];
  fee_cents: number;
  enrolment_start: string | null;
  enrolment_end: string | null;
  contact_name: string | null;
  contact_email: string | null;
  status: string;
  is_demo: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface TimeSlotRow {
  day: number;
  start: string;
  end: string;
}

export interface UserTable {
  id: Generated<number>;
  email: string;
  name: string;
  password_hash: string;
  role: string;
  region_id: number | null;
  organization_id: number | null;
  home_municipality_code: string | null;
  is_demo: Generated<boolean>;
  /** Set when the person was erased: the row is kept, pseudonymised, for the ids that point at it. */
  erased_at: Timestamp | null;
  /** Set while the account may not sign in; its sessions ended when it was set. */
  deactivated_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** A student's number in their school's administration system (migration 0019): the key a re-import updates by. */
  student_number: ColumnType<string | null, string | null | undefined, string | null>;
  /** 'YYYY-MM-DD'. */
  birth_date: ColumnType<string | null, string | null | undefined, string | null>;
}

/** An invitation to join with a role; the link carries a token of which only the hash is kept. */
export interface InvitationTable {
  id: Generated<number>;
  region_id: number;
  organization_id: number | null;
  email: string;
  role: string;
  token_hash: string;
  invited_by: number | null;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  accepted_at: Timestamp | null;
  accepted_user_id: number | null;
  revoked_at: Timestamp | null;
}

/** A password-reset link sent by e-mail: one use, a short life. */
export interface PasswordResetTable {
  token_hash: string;
  user_id: number;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface SessionTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: Generated<Date>;
  /** The absolute end of the session. */
  expires_at: Timestamp;
  /** Last use, kept to the minute: the session ends after the idle timeout. */
  last_seen_at: Generated<Date>;
  /** The single sign-on provider the session began at (migration 0020), whose session signing out ends too. */
  oidc_provider: ColumnType<string | null, string | null | undefined, string | null>;
}

/** An identity at a single sign-on provider, linked to an account. */
export interface OidcIdentityTable {
  provider: string;
  subject: string;
  user_id: number;
  created_at: Generated<Date>;
}

/** A single sign-on under way: created at the redirect to the provider, used once at its callback. */
export interface OidcLoginTable {
  state_hash: string;
  provider: string;
  /** The hash of the cookie the sign-in set in the browser that began it: the callback must come from that browser. */
  browser_hash: string;
  code_verifier: string;
  nonce: string;
  return_to: string;
  invitation_token_hash: string | null;
  created_at: Generated<Date>;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  /** SHA-256 of the lower-cased e-mail address tried. */
  account_key: string;
  address: string;
  at: Generated<Date>;
}

export interface EnrolmentTable {
  id: Generated<number>;
  region_id: number;
  offering_id: number;
  student_id: number;
  status: string;
  waitlisted_at: Timestamp | null;
  grade: string | null;
  credits: number | null;
  completed_on: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface EnrolmentEventTable {
  id: Generated<number>;
  region_id: number;
  enrolment_id: number;
  actor_id: number | null;
  from_status: string | null;
  to_status: string;
  reason: string | null;
  at: Generated<Date>;
}

export interface NotificationTable {
  id: Generated<number>;
  region_id: number;
  user_id: number;
  enrolment_id: number | null;
  status: string;
  created_at: Generated<Date>;
  read_at: Timestamp | null;
}

export interface OutboxEmailTable {
  id: Generated<number>;
  to_address: string;
  subject: string;
  body: string;
  attempts: Generated<number>;
  next_attempt_at: ColumnType<Date, Date | string | undefined, Date | string>;
  sent_at: Timestamp | null;
  last_error: string | null;
  created_at: Generated<Date>;
}

export interface StudyRightTable {
  id: Generated<number>;
  region_id: number;
  student_id: number;
  kind: string;
  qualification: string | null;
  target_credits: number;
  /** 'YYYY-MM-DD', when the administration system gave it (migration 0019). */
  start_date: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface PlanItemTable {
  id: Generated<number>;
  region_id: number;
  student_id: number;
  offering_id: number;
}

export interface PlanCommentTable {
  id: Generated<number>;
  region_id: number;
  student_id: number;
  author_id: number;
  body: string;
  at: Generated<Date>;
}

export interface SelectionRoundTable {
  id: Generated<number>;
  region_id: number;
  /** Null when the region itself runs the round. */
  organizer_id: number | null;
  name: string;
  academic_year: string;
  period: number;
  opens_at: Timestamp;
  closes_at: Timestamp;
  max_courses_per_student: number;
  max_travel_minutes: number | null;
  seed: number;
  status: Generated<string>;
  allocation_method: string | null;
  objective: number | null;
  allocated_at: Timestamp | null;
  published_at: Timestamp | null;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface RoundOfferingTable {
  round_id: number;
  region_id: number;
  offering_id: number;
  capacity: number;
  partner_seats: number;
}

export interface RoundWishTable {
  round_id: number;
  region_id: number;
  student_id: number;
  offering_id: number;
  rank: number;
}

export interface RoundOutcomeTable {
  round_id: number;
  region_id: number;
  student_id: number;
  offering_id: number;
  rank: number;
  assigned: boolean;
  reason: string | null;
  clash_offering_id: number | null;
  enrolment_id: number | null;
}

export interface TimeFrameTable {
  id: Generated<number>;
  region_id: number;
  academic_year: string;
  name: string;
}

export interface TimeFramePeriodTable {
  frame_id: number;
  region_id: number;
  number: number;
  starts_on: string;
  ends_on: string;
}

export interface TimeFrameBarTable {
  frame_id: number;
  region_id: number;
  code: string;
  lessons: ColumnType<TimeSlotRow[], string, string>;
}

export interface TimeFrameAdoptionTable {
  frame_id: number;
  region_id: number;
  organization_id: number;
}

export interface PopulationTable {
  municipality_code: string;
  year: number;
  age_from: number;
  /** Inclusive; 120 for an open band ("85 or older") and for a total. */
  age_to: number;
  count: number;
  source: string;
}

export interface RoadNetworkTable {
  region_id: number;
  /** The imported file's name. */
  source: string;
  imported_at: Timestamp;
  node_count: number;
  /** Road segments between kept nodes. */
  road_count: number;
  graph: Uint8Array;
}

export interface OfferingImportTable {
  id: Generated<number>;
  region_id: number;
  provider_id: number;
  state: Generated<'staging' | 'applying'>;
  created_at: Generated<Date>;
  touched_at: Generated<Date>;
}

export interface OfferingImportRowTable {
  id: Generated<number>;
  import_id: number;
  region_id: number;
  /** Null for a new offering. */
  offering_id: number | null;
  row_number: number;
  /** The offering's columns as they will be written. */
  offering: unknown;
}

export interface AuditEventTable {
  id: Generated<number>;
  at: Generated<Date>;
  actor_id: number | null;
  actor_kind: 'person' | 'cli' | 'system';
  action: string;
  subject_id: number | null;
  region_id: number | null;
  detail: Generated<unknown>;
}

export interface Database {
  region: RegionTable;
  municipality: MunicipalityTable;
  region_municipality: RegionMunicipalityTable;
  organization: OrganizationTable;
  site: SiteTable;
  course: CourseTable;
  offering: OfferingTable;
  app_user: UserTable;
  session: SessionTable;
  oidc_identity: OidcIdentityTable;
  oidc_login: OidcLoginTable;
  invitation: InvitationTable;
  password_reset: PasswordResetTable;
  login_attempt: LoginAttemptTable;
  enrolment: EnrolmentTable;
  enrolment_event: EnrolmentEventTable;
  notification: NotificationTable;
  outbox_email: OutboxEmailTable;
  study_right: StudyRightTable;
  plan_item: PlanItemTable;
  plan_comment: PlanCommentTable;
  selection_round: SelectionRoundTable;
  round_offering: RoundOfferingTable;
  round_wish: RoundWishTable;
  round_outcome: RoundOutcomeTable;
  time_frame: TimeFrameTable;
  time_frame_period: TimeFramePeriodTable;
  time_frame_bar: TimeFrameBarTable;
  time_frame_adoption: TimeFrameAdoptionTable;
  population: PopulationTable;
  road_network: RoadNetworkTable;
  offering_import: OfferingImportTable;
  offering_import_row: OfferingImportRowTable;
  audit_event: AuditEventTable;
}
