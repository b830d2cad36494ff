import { describe, expect, it } from 'vitest';
import { allowedSteps, checkStep, ENROLMENT_STATUSES, freesSeat, type EnrolmentActor, type EnrolmentStatus } from './enrolment-states.js';

const ALLOWED: [EnrolmentStatus, EnrolmentStatus, EnrolmentActor[]][] = [
  ['requested', 'approved', ['homeCounsellor', 'admin']],
  ['requested', 'rejected', ['homeCounsellor', 'admin']],
  ['requested', 'cancelled', ['student', 'admin']],
  ['approved', 'accepted', ['host', 'admin']],
  ['approved', 'waitlisted', ['host', 'admin']],
  ['approved', 'rejected', ['host', 'admin']],
  ['approved', 'cancelled', ['student', 'admin']],
  ['waitlisted', 'accepted', ['host', 'admin']],
  ['waitlisted', 'rejected', ['host', 'admin']],
  ['waitlisted', 'cancelled', ['student', 'admin']],
  ['accepted', 'enrolled', ['host', 'admin']],
  ['accepted', 'cancelled', ['student', 'host', 'admin']],
  ['enrolled', 'completed', ['host', 'admin']],
  ['enrolled', 'dropped', ['student', 'host', 'admin']],
];
const ACTORS: EnrolmentActor[] = ['student', 'homeCounsellor', 'host', 'admin'];

describe('enrolment workflow', () => {
  it.each(ALLOWED)('%s → %s is allowed for exactly %j', (from, to, allowed) => {
    for (const actor of ACTORS) {
      const result = checkStep(from, to, [actor], 'a reason');
      expect(result).toEqual(allowed.includes(actor) ? { ok: true } : { ok: false, reason: 'not_allowed' });
    }
  });

  it('refuses every step not in the workflow, whoever asks', () => {
    const legal = new Set(ALLOWED.map(([from, to]) => `${from}>${to}`));
    let illegal = 0;
    for (const from of ENROLMENT_STATUSES) {
      for (const to of ENROLMENT_STATUSES) {
        if (legal.has(`${from}>${to}`)) continue;
        expect(checkStep(from, to, ACTORS, 'reason')).toEqual({ ok: false, reason: 'illegal_transition' });
        illegal++;
      }
    }
    expect(illegal).toBe(ENROLMENT_STATUSES.length ** 2 - ALLOWED.length);
  });

  it('needs a reason to reject', () => {
    expect(checkStep('requested', 'rejected', ['homeCounsellor'])).toEqual({ ok: false, reason: 'reason_required' });
    expect(checkStep('approved', 'rejected', ['host'], '  ')).toEqual({ ok: false, reason: 'reason_required' });
    expect(checkStep('approved', 'rejected', ['host'], 'Ryhmä täynnä')).toEqual({ ok: true });
  });

  it('lists the steps open to a person', () => {
    expect(allowedSteps('approved', ['host'])).toEqual(['accepted', 'waitlisted', 'rejected']);
    expect(allowedSteps('approved', ['student'])).toEqual(['cancelled']);
    expect(allowedSteps('completed', ACTORS)).toEqual([]);
  });

  it('frees a seat only when leaving a seat-holding status for one that holds none', () => {
    expect(freesSeat('accepted', 'cancelled')).toBe(true);
    expect(freesSeat('enrolled', 'dropped')).toBe(true);
    expect(freesSeat('enrolled', 'completed')).toBe(false);
    expect(freesSeat('approved', 'cancelled')).toBe(false);
  });
});
