import { describe, expect, it } from 'vitest';
import { creditUnitLabel, formatCredits } from './labels.js';

describe('credit units in the UI language', () => {
  it('says op and osp in Finnish, sp and kp in Swedish, cr and cp in English', () => {
    expect(formatCredits(1.5, 'op', 'fi')).toBe('1,5 op');
    expect(formatCredits(45, 'osp', 'fi')).toBe('45 osp');
    expect(formatCredits(1.5, 'op', 'sv')).toBe('1,5 sp');
    expect(formatCredits(45, 'osp', 'sv')).toBe('45 kp');
    expect(formatCredits(1.5, 'op', 'en')).toBe('1.5 cr');
    expect(creditUnitLabel('osp', 'en')).toBe('cp');
  });
});
