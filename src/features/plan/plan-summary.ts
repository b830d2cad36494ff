import type { EducationForm } from '../catalog/vocabulary.js';

export interface StudyRight {
  kind: 'general_upper_secondary' | 'vocational';
  targetCredits: number;
}

export interface PlannedCourse {
  educationForm: EducationForm;
  credits: number;
  /** Completed (with credits recorded) rather than only planned. */
  completed: boolean;
}

/**
 * Credits gathered toward each study right: lukio modules count toward the lukio syllabus
 * (150 op), vocational units toward the qualification (180 osp).
 */
export function creditsTowardRights(rights: readonly StudyRight[], courses: readonly PlannedCourse[]) {
  return rights.map((right) => {
    const counted = courses.filter((c) => c.educationForm === right.kind);
    const planned = counted.reduce((sum, c) => sum + c.credits, 0);
    const completed = counted.filter((c) => c.completed).reduce((sum, c) => sum + c.credits, 0);
    return { ...right, plannedCredits: planned, completedCredits: completed, missingCredits: Math.max(0, right.targetCredits - planned) };
  });
}
