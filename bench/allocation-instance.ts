import { seededRandom } from '../src/features/demo/random.js';
import type { DeliveryMode } from '../src/features/catalog/vocabulary.js';
import type { RoundOffering, RoundWish } from '../src/features/round/allocation-problem.js';
import { clashBetween, type ScheduledOffering, type TimeSlot } from '../src/features/timetable/clashes.js';
import { DEFAULT_TRAVEL_PARAMETERS, estimateTravelMinutes, type GeoPoint } from '../src/features/travel/estimate.js';

export interface InstanceSize {
  students: number;
  wishesPerStudent: number;
  offerings: number;
  sites: number;
  organizations: number;
  maxCoursesPerStudent: number;
}

const BLOCKS = [
  ['08:15', '09:30'],
  ['09:45', '11:00'],
  ['11:45', '13:00'],
  ['13:15', '14:30'],
] as const;

/** Ten timetable bars of two lessons a week each, over five days of four blocks. */
const BARS: TimeSlot[][] = Array.from({ length: 10 }, (_, bar) =>
  [0, 1].map((lesson) => {
    const cell = (bar + lesson * 10) % 20;
    const [start, end] = BLOCKS[cell % 4]!;
    return { day: 1 + Math.floor(cell / 4), start, end };
  }),
);

export interface RoundWorld {
  sites: (GeoPoint & { organization: number })[];
  scheduled: (ScheduledOffering & { organization: number; popularity: number })[];
  offerings: RoundOffering[];
  wishes: RoundWish[];
  /** Student s (1-based) lives by site homeSites[s − 1]. */
  homeSites: number[];
  clashes: [number, number][];
}

/**
 * A generated selection round with the structure of a real one: sites spread over Lapland,
 * offerings on the shared bars (some on two), on site, remote or online; students wish mostly
 * near their home school, some offerings far more popular than others; clashes are computed
 * with the real clash rule (overlap or too short a trip between sites).
 */
export function generateRoundWorld(size: InstanceSize, seed = 2026): RoundWorld {
  const random = seededRandom(seed);
  const sites: (GeoPoint & { organization: number })[] = Array.from({ length: size.sites }, () => ({
    lat: 65.6 + random.next() * 3.2,
    lon: 23.5 + random.next() * 5.5,
    organization: random.int(0, size.organizations - 1),
  }));
  const modes: DeliveryMode[] = ['onsite', 'onsite', 'onsite', 'onsite', 'onsite', 'onsite', 'remote', 'remote', 'online', 'online'];
  const scheduled: (ScheduledOffering & { organization: number; popularity: number })[] = Array.from({ length: size.offerings }, (_, i) => {
    const site = random.int(0, size.sites - 1);
    const bars = random.next() < 0.1 ? random.sample([...BARS.keys()], 2) : [random.int(0, BARS.length - 1)];
    return {
      id: i + 1,
      mode: random.pick(modes),
      periods: [1],
      timeSlots: bars.flatMap((bar) => BARS[bar]!),
      siteId: site,
      organization: sites[site]!.organization,
      popularity: 1 / (1 + random.next() * 9),
    };
  });
  const offerings: RoundOffering[] = scheduled.map((o) => {
    const capacity = random.int(10, 30);
    return { id: o.id, capacity, partnerSeats: random.int(Math.ceil(capacity * 0.3), capacity) };
  });

  const travelMinutes = new Map<number, number>();
  const travel = (a: number, b: number) => {
    const key = a * size.sites + b;
    let minutes = travelMinutes.get(key);
    if (minutes === undefined) travelMinutes.set(key, (minutes = a === b ? 0 : estimateTravelMinutes(sites[a]!, sites[b]!, DEFAULT_TRAVEL_PARAMETERS)));
    return minutes;
  };

  // Students choose among the offerings reachable from their home site, weighted by popularity.
  const nearby = sites.map((home) =>
    scheduled.filter((o) => o.mode !== 'onsite' || estimateTravelMinutes(home, sites[o.siteId!]!, DEFAULT_TRAVEL_PARAMETERS) <= 90),
  );
  const wishes: RoundWish[] = [];
  const homeSites: number[] = [];
  const pairs = new Set<number>();
  for (let s = 1; s <= size.students; s++) {
    const homeSite = random.int(0, size.sites - 1);
    homeSites.push(homeSite);
    const candidates = nearby[homeSite]!;
    const chosen = new Set<number>();
    while (chosen.size < Math.min(size.wishesPerStudent, candidates.length)) {
      const o = candidates[random.int(0, candidates.length - 1)]!;
      if (random.next() < o.popularity) chosen.add(o.id);
    }
    const list = [...chosen];
    list.forEach((offeringId, k) => {
      wishes.push({
        studentId: s,
        offeringId,
        rank: k + 1,
        home: scheduled[offeringId - 1]!.organization === sites[homeSite]!.organization,
        ownStudyRight: random.next() < 0.7,
        ineligible: random.next() < 0.02 ? 'not_eligible' : null,
      });
      for (const other of list) if (other < offeringId) pairs.add(other * (size.offerings + 1) + offeringId);
    });
  }
  const clashes: [number, number][] = [];
  for (const key of pairs) {
    const a = Math.floor(key / (size.offerings + 1));
    const b = key % (size.offerings + 1);
    if (clashBetween(scheduled[a - 1]!, scheduled[b - 1]!, travel)) clashes.push([a, b]);
  }
  return { sites, scheduled, offerings, wishes, homeSites, clashes };
}
