import { describe, expect, it } from 'vitest';
import { creditsTowardRights } from './plan-summary.js';

describe('creditsTowardRights', () => {
  it('counts lukio modules and vocational units toward their own study right (kaksoistutkinto)', () => {
    const rights = [
      { kind: 'general_upper_secondary' as const, targetCredits: 150 },
      { kind: 'vocational' as const, targetCredits: 180 },
    ];
    const result = creditsTowardRights(rights, [
      { educationForm: 'general_upper_secondary', credits: 2, completed: true },
      { educationForm: 'general_upper_secondary', credits: 3, completed: false },
      { educationForm: 'vocational', credits: 45, completed: true },
      { educationForm: 'liberal_adult', credits: 1, completed: true },
    ]);
    expect(result).toEqual([
      { kind: 'general_upper_secondary', targetCredits: 150, plannedCredits: 5, completedCredits: 2, missingCredits: 145 },
      { kind: 'vocational', targetCredits: 180, plannedCredits: 45, completedCredits: 45, missingCredits: 135 },
    ]);
  });

  it('never reports negative missing credits', () => {
    const [right] = creditsTowardRights([{ kind: 'vocational', targetCredits: 10 }], [{ educationForm: 'vocational', credits: 30, completed: false }]);
    expect(right!.missingCredits).toBe(0);
  });
});
