import { MODES_WITHOUT_TRAVEL, type DeliveryMode } from '../catalog/vocabulary.js';

export interface TimeSlot {
  day: number;
  start: string;
  end: string;
}

/** What a clash check needs of an offering: when its lessons are, and whether one travels to them. */
export interface ScheduledOffering {
  id: number;
  mode: DeliveryMode;
  periods: readonly number[];
  timeSlots: readonly TimeSlot[];
  siteId: number | null;
}

export type Clash =
  | { kind: 'overlap'; period: number; day: number; a: number; b: number }
  | { kind: 'travel'; period: number; day: number; a: number; b: number; gapMinutes: number; travelMinutes: number };

/** Site-to-site travel minutes, from whichever travel model the region uses. */
export type SiteTravel = (fromSiteId: number, toSiteId: number) => number;

const minutesOf = (clock: string) => {
  const [h, m] = clock.split(':').map(Number);
  return h! * 60 + m!;
};

const travelsTo = (o: ScheduledOffering) => o.siteId !== null && !MODES_WITHOUT_TRAVEL.includes(o.mode);

/**
 * Two offerings clash when, in a period both run, their lessons overlap on a day, or the gap
 * between them is shorter than the trip from one site to the other. Remote and online lessons
 * need no trip but can still overlap.
 */
export function clashBetween(a: ScheduledOffering, b: ScheduledOffering, travel: SiteTravel): Clash | null {
  for (const period of a.periods.filter((p) => b.periods.includes(p))) {
    for (const x of a.timeSlots) {
      for (const y of b.timeSlots.filter((slot) => slot.day === x.day)) {
        const [first, second, firstOffering, secondOffering] =
          minutesOf(x.start) <= minutesOf(y.start) ? [x, y, a, b] : [y, x, b, a];
        const gap = minutesOf(second.start) - minutesOf(first.end);
        if (gap < 0) return { kind: 'overlap', period, day: x.day, a: a.id, b: b.id };
        if (travelsTo(firstOffering) && travelsTo(secondOffering) && firstOffering.siteId !== secondOffering.siteId) {
          const minutes = travel(firstOffering.siteId!, secondOffering.siteId!);
          if (gap < minutes) return { kind: 'travel', period, day: x.day, a: a.id, b: b.id, gapMinutes: gap, travelMinutes: minutes };
        }
      }
    }
  }
  return null;
}

/** Every clashing pair in a plan. */
export function clashesIn(plan: readonly ScheduledOffering[], travel: SiteTravel): Clash[] {
  const clashes: Clash[] = [];
  for (let i = 0; i < plan.length; i++) {
    for (let j = i + 1; j < plan.length; j++) {
      const clash = clashBetween(plan[i]!, plan[j]!, travel);
      if (clash) clashes.push(clash);
    }
  }
  return clashes;
}
