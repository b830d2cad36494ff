/**
 * The cross-enrolment (ristiinopiskelu) workflow as data: which step may follow which, and who
 * may take it. The server refuses anything not listed here (409 for an illegal step, 403 for
 * the wrong person), so the rules live in one place.
 */
export const ENROLMENT_STATUSES = [
  'requested',
  'approved',
  'rejected',
  'waitlisted',
  'accepted',
  'enrolled',
  'completed',
  'cancelled',
  'dropped',
] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

/** How the acting person relates to the enrolment. */
export type EnrolmentActor = 'student' | 'homeCounsellor' | 'host' | 'admin';

interface Step {
  to: EnrolmentStatus;
  by: readonly EnrolmentActor[];
  needsReason?: boolean;
}

const STEPS: Record<EnrolmentStatus, readonly Step[]> = {
  requested: [
    { to: 'approved', by: ['homeCounsellor', 'admin'] },
    { to: 'rejected', by: ['homeCounsellor', 'admin'], needsReason: true },
    { to: 'cancelled', by: ['student', 'admin'] },
  ],
  approved: [
    { to: 'accepted', by: ['host', 'admin'] },
    { to: 'waitlisted', by: ['host', 'admin'] },
    { to: 'rejected', by: ['host', 'admin'], needsReason: true },
    { to: 'cancelled', by: ['student', 'admin'] },
  ],
  waitlisted: [
    { to: 'accepted', by: ['host', 'admin'] },
    { to: 'rejected', by: ['host', 'admin'], needsReason: true },
    { to: 'cancelled', by: ['student', 'admin'] },
  ],
  accepted: [
    { to: 'enrolled', by: ['host', 'admin'] },
    { to: 'cancelled', by: ['student', 'host', 'admin'] },
  ],
  enrolled: [
    { to: 'completed', by: ['host', 'admin'] },
    { to: 'dropped', by: ['student', 'host', 'admin'] },
  ],
  rejected: [],
  completed: [],
  cancelled: [],
  dropped: [],
};

/** Statuses that hold one of the offering's partner seats. */
export const SEAT_HOLDING: readonly EnrolmentStatus[] = ['accepted', 'enrolled', 'completed'];

export type StepCheck =
  | { ok: true }
  | { ok: false; reason: 'illegal_transition' | 'not_allowed' | 'reason_required' };

export function checkStep(from: EnrolmentStatus, to: EnrolmentStatus, actors: readonly EnrolmentActor[], reason?: string): StepCheck {
  const step = STEPS[from].find((s) => s.to === to);
  if (!step) return { ok: false, reason: 'illegal_transition' };
  if (!step.by.some((actor) => actors.includes(actor))) return { ok: false, reason: 'not_allowed' };
  if (step.needsReason && !reason?.trim()) return { ok: false, reason: 'reason_required' };
  return { ok: true };
}

export function allowedSteps(from: EnrolmentStatus, actors: readonly EnrolmentActor[]): EnrolmentStatus[] {
  return STEPS[from].filter((s) => s.by.some((a) => actors.includes(a))).map((s) => s.to);
}

/** Whether a step frees a seat that the waitlist may take. */
export const freesSeat = (from: EnrolmentStatus, to: EnrolmentStatus) =>
  SEAT_HOLDING.includes(from) && !SEAT_HOLDING.includes(to);
