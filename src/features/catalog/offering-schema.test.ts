import { describe, expect, it } from 'vitest';
import { offeringFieldsSchema, offeringRuleIssues, type OfferingFields } from './offering-schema.js';

const valid: OfferingFields = {
  courseCode: 'MAA2',
  siteId: 4,
  mode: 'onsite',
  language: 'fi',
  academicYear: '2026-2027',
  periods: [2],
  bars: [],
  timeSlots: [{ day: 1, start: '08:15', end: '09:30' }],
  capacity: 24,
  seatsForPartners: 4,
  targetGroups: ['young'],
  feeEuros: 0,
  enrolmentStart: '2026-05-01',
  enrolmentEnd: '2026-09-30',
  contactName: null,
  contactEmail: 'opo@example.fi',
};

describe('offering rules', () => {
  it('accepts a complete on-site offering', () => {
    expect(offeringFieldsSchema.safeParse(valid).success).toBe(true);
    expect(offeringRuleIssues(valid)).toEqual([]);
  });

  it('needs a site for on-site, hybrid and workplace teaching, not for remote or online', () => {
    for (const mode of ['onsite', 'hybrid', 'workplace'] as const) {
      expect(offeringRuleIssues({ ...valid, mode, siteId: null }).map((i) => i.path)).toEqual(['siteId']);
    }
    for (const mode of ['remote', 'online'] as const) {
      expect(offeringRuleIssues({ ...valid, mode, siteId: null })).toEqual([]);
    }
  });

  it('refuses more partner seats than capacity, a window that ends before it starts, and a period twice', () => {
    const issues = offeringRuleIssues({
      ...valid,
      seatsForPartners: 30,
      enrolmentEnd: '2026-04-01',
      periods: [2, 2],
    });
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['seatsForPartners', 'exceeds_capacity'],
      ['enrolmentEnd', 'end_before_start'],
      ['periods', 'duplicate'],
    ]);
  });

  it('reports schema errors with the path of each field', () => {
    const result = offeringFieldsSchema.safeParse({
      ...valid,
      mode: 'teleport',
      capacity: -1,
      timeSlots: [{ day: 8, start: '10:00', end: '09:00' }],
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['mode', 'capacity', 'timeSlots.0.day']));
  });

  it('refuses a time slot that ends before it starts', () => {
    const result = offeringFieldsSchema.safeParse({ ...valid, timeSlots: [{ day: 1, start: '10:00', end: '09:00' }] });
    expect(result.error!.issues.map((i) => i.path.join('.'))).toEqual(['timeSlots.0.end']);
  });
});
