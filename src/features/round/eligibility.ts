import { MODES_WITHOUT_TRAVEL, type DeliveryMode, type EducationForm, type TargetGroup } from '../catalog/vocabulary.js';
import type { IneligibleReason } from './allocation-problem.js';

export type StudyRightKind = 'general_upper_secondary' | 'vocational';

export interface WishedOffering {
  providerId: number;
  educationForm: EducationForm;
  targetGroups: readonly TargetGroup[];
  mode: DeliveryMode;
}

export interface RoundStudent {
  homeSchoolId: number | null;
  studyRights: readonly StudyRightKind[];
}

/** The course belongs to the kind of studies the student has a study right for. */
export const countsTowardOwnStudyRight = (student: RoundStudent, offering: WishedOffering) =>
  (student.studyRights as readonly string[]).includes(offering.educationForm);

/**
 * The study-right rule, applied before any seat is handed out: an offering open to young people
 * is open to every upper-secondary student; one meant only for adults or job-seekers is open to
 * students whose own study right it belongs to. An on-site offering beyond the round's travel
 * limit from the student's home is out of reach.
 */
export function ineligibility(
  student: RoundStudent,
  offering: WishedOffering,
  travelMinutes: number | null,
  maxTravelMinutes: number | null,
): IneligibleReason | null {
  if (!offering.targetGroups.includes('young') && !countsTowardOwnStudyRight(student, offering)) return 'not_eligible';
  const travels = !MODES_WITHOUT_TRAVEL.includes(offering.mode);
  if (travels && maxTravelMinutes !== null && travelMinutes !== null && travelMinutes > maxTravelMinutes) return 'too_far';
  return null;
}
