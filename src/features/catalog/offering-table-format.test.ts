import { describe, expect, it } from 'vitest';
import { fieldsFromFileRow, formatTimeSlots, parseTimeSlots } from './offering-table-format.js';

describe('time slots in files', () => {
  it('reads Finnish weekday abbreviations and numbers, with : or . in times', () => {
    expect(parseTimeSlots('ma 08:15-09:30; 3 10.00-11.15')).toEqual([
      { day: 1, start: '08:15', end: '09:30' },
      { day: 3, start: '10:00', end: '11:15' },
    ]);
  });

  it('writes what it reads', () => {
    const slots = [{ day: 2, start: '12:15', end: '13:30' }, { day: 5, start: '08:15', end: '09:30' }];
    expect(parseTimeSlots(formatTimeSlots(slots))).toEqual(slots);
  });

  it('passes an unreadable slot on for validation to reject', () => {
    expect(parseTimeSlots('someday')).toEqual([{ day: 'someday', start: '', end: '' }]);
  });
});

describe('fieldsFromFileRow', () => {
  it('turns spreadsheet text into offering fields', () => {
    const sites = new Map([['pellon lukio', 12]]);
    const fields = fieldsFromFileRow(
      { course_code: ' MAA2 ', site: 'Pellon lukio', mode: 'onsite', language: 'fi', academic_year: '2026-2027', periods: '1;2', capacity: '24', seats_for_partners: '4', target_groups: 'young, adult', fee_euros: '12,50' },
      sites,
    );
    expect(fields).toMatchObject({ courseCode: 'MAA2', siteId: 12, periods: [1, 2], capacity: 24, seatsForPartners: 4, targetGroups: ['young', 'adult'], feeEuros: 12.5, enrolmentStart: null });
  });

  it('marks an unknown site name with -1', () => {
    expect(fieldsFromFileRow({ site: 'Nowhere' }, new Map()).siteId).toBe(-1);
  });
});
