import type { EnrolmentStatus } from '../enrolment/enrolment-states.js';

export type Recipient = 'student' | 'homeCounsellors' | 'hosts';

/** Who hears of a request reaching a status: whoever must act next, and whoever it happened to. */
export const RECIPIENTS: Record<EnrolmentStatus, readonly Recipient[]> = {
  requested: ['homeCounsellors'],
  approved: ['student', 'hosts'],
  rejected: ['student', 'homeCounsellors'],
  waitlisted: ['student', 'homeCounsellors'],
  accepted: ['student', 'homeCounsellors'],
  enrolled: ['student'],
  completed: ['student', 'homeCounsellors'],
  cancelled: ['homeCounsellors', 'hosts'],
  dropped: ['homeCounsellors', 'hosts'],
};

/** Minutes to wait before the next attempt at an e-mail that failed `attempts` times: 1, 5, 30 min, then 2 h. */
export function retryDelayMinutes(attempts: number): number {
  return [1, 5, 30][attempts - 1] ?? 120;
}
