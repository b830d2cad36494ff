import type { OfferingFields } from '../catalog/offering-schema.js';
import type { DeliveryMode, TargetGroup, TeachingLanguage } from '../catalog/vocabulary.js';
import { ADULT_LUKIO_CODE, COMPREHENSIVE_SCHOOL_CODES, LUKIO_SCHOOL_CODES, SAMI_LUKIO_CODE } from './lappi-organizations.js';
import { LUKIO_MODULE_CODES } from './lukio-modules.js';
import { ADULT_COURSES, COMPREHENSIVE_COURSES, HIGHER_COURSES } from './other-courses.js';
import { seededRandom, type Random } from './random.js';
import { VOCATIONAL_UNITS } from './vocational-units.js';

export const DEMO_ACADEMIC_YEAR = '2026-2027';

export interface DemoOffering extends Omit<OfferingFields, 'siteId'> {
  providerKey: string;
  siteKey: string | null;
}

/** Lukio timetable bars (palkit) A–F: each bar meets twice a week at the same times in every member school. */
const LUKIO_BARS = [
  [{ day: 1, start: '08:15', end: '09:30' }, { day: 3, start: '10:00', end: '11:15' }],
  [{ day: 1, start: '10:00', end: '11:15' }, { day: 4, start: '08:15', end: '09:30' }],
  [{ day: 2, start: '08:15', end: '09:30' }, { day: 5, start: '10:00', end: '11:15' }],
  [{ day: 2, start: '12:15', end: '13:30' }, { day: 4, start: '12:15', end: '13:30' }],
  [{ day: 3, start: '12:15', end: '13:30' }, { day: 5, start: '08:15', end: '09:30' }],
  [{ day: 1, start: '14:00', end: '15:15' }, { day: 3, start: '14:00', end: '15:15' }],
];
/** Vocational studies take whole days: one bar per weekday. */
const DAY_BARS = [
  { code: 'MA', day: 1 },
  { code: 'TI', day: 2 },
  { code: 'KE', day: 3 },
  { code: 'TO', day: 4 },
  { code: 'PE', day: 5 },
].map(({ code, day }) => ({ code, lessons: [{ day, start: '08:30', end: '14:30' }] }));
const BARS = [...LUKIO_BARS.map((lessons, i) => ({ code: 'ABCDEF'[i]!, lessons })), ...DAY_BARS];

/** Last enrolment day for a course starting in a period of the demo year. */
const PERIOD_STARTS = ['2026-08-10', '2026-10-05', '2026-12-01', '2027-02-01', '2027-03-29'];
const dayBefore = (iso: string) => new Date(Date.parse(iso) - 86400_000).toISOString().slice(0, 10);

/** The region's shared time frame for the demo year: five periods and the bars above. */
export const LAPPI_TIME_FRAME = {
  name: 'Lapin yhteinen aikarunko 2026–2027 (demo)',
  periods: PERIOD_STARTS.map((startsOn, i) => ({ number: i + 1, startsOn, endsOn: dayBefore(PERIOD_STARTS[i + 1] ?? '2027-06-01') })),
  bars: BARS,
};

function offering(
  random: Random,
  providerKey: string,
  siteKey: string | null,
  courseCode: string,
  mode: DeliveryMode,
  options: {
    language?: TeachingLanguage;
    targetGroups?: TargetGroup[];
    capacity?: [number, number];
    partnerShare?: number;
    feeEuros?: number;
    lukioBars?: boolean;
    contact: [string, string];
  },
): DemoOffering {
  const period = random.int(1, 5);
  const capacity = random.int(...(options.capacity ?? [16, 32]));
  const bars =
    mode === 'online'
      ? []
      : options.lukioBars
        ? [random.pick(BARS.slice(0, LUKIO_BARS.length))]
        : random.sample(DAY_BARS, 2).sort((a, b) => a.lessons[0]!.day - b.lessons[0]!.day);
  return {
    providerKey,
    siteKey,
    courseCode,
    mode,
    language: options.language ?? 'fi',
    academicYear: DEMO_ACADEMIC_YEAR,
    periods: mode === 'online' ? [1, 2, 3, 4, 5] : [period],
    timeSlots: bars.flatMap((b) => b.lessons),
    bars: bars.map((b) => b.code),
    capacity,
    seatsForPartners: Math.min(capacity, Math.round(capacity * (options.partnerShare ?? random.int(10, 30) / 100))),
    targetGroups: options.targetGroups ?? ['young'],
    feeEuros: options.feeEuros ?? 0,
    enrolmentStart: '2026-05-04',
    enrolmentEnd: mode === 'online' ? '2027-04-30' : dayBefore(PERIOD_STARTS[period - 1]!),
    contactName: options.contact[0],
    contactEmail: options.contact[1],
  };
}

const VOCATIONAL_PLAN: [providerKey: string, siteKey: string, qualificationCodes: string[]][] = [
  ['lappia', 'lappia-tornio', ['SATU', 'KOTU', 'LOG', 'RACA', 'SOTE', 'LIIKE']],
  ['lappia', 'lappia-kemi', ['RAKE', 'KOTU']],
  ['lappia', 'lappia-loue', ['MAAT', 'LUY']],
  ['redu', 'redu-rovaniemi', ['SATU', 'SOTE', 'TVT', 'LIIKE', 'RACA', 'MATK']],
  ['redu', 'redu-kemijarvi', ['SOTE', 'RAKE']],
  ['redu', 'redu-sodankyla', ['MAAT', 'LOG']],
  ['redu', 'redu-kittila', ['MATK']],
  ['redu', 'redu-levi', ['RACA', 'MATK']],
  ['sakk', 'sakk-inari', ['MAAT', 'MATK', 'LUY']],
];

const WORKPLACE_PLAN: [providerKey: string, siteKey: string, courseCode: string][] = [
  ['lappia', 'konepaja-pello', '105937'],
  ['lappia', 'konepaja-pello', '105963'],
  ['lappia', 'matkailu-ylitornio', '106262'],
  ['lappia', 'matkailu-ylitornio', '102257'],
  ['lappia', 'sahko-kemi', '106101'],
  ['redu', 'ravintola-levi', '106281'],
  ['redu', 'ravintola-levi', '106271'],
  ['lappia', 'sahko-kemi', '106108'],
];

/** The demo offering of the Lappi region: about 400 offerings over all five delivery modes. */
export function buildLappiOfferings(seed = 2026): DemoOffering[] {
  const random = seededRandom(seed);
  const offerings: DemoOffering[] = [];
  const lukioContact = (code: string): [string, string] => ['Opinto-ohjaaja', `opo.${code}@tarjotin.example`];

  for (const code of LUKIO_SCHOOL_CODES) {
    const key = `school-${code}`;
    if (code === ADULT_LUKIO_CODE) {
      for (const module of random.sample(LUKIO_MODULE_CODES, 16)) {
        offerings.push(offering(random, key, null, module, 'online', { targetGroups: ['adult', 'young'], capacity: [40, 80], partnerShare: 0.5, contact: lukioContact(code) }));
      }
      continue;
    }
    const modules = random.sample(LUKIO_MODULE_CODES.filter((code) => code !== 'SÄI1'), random.int(10, 13));
    for (const module of modules) {
      offerings.push(offering(random, key, key, module, random.next() < 0.12 ? 'hybrid' : 'onsite', { lukioBars: true, contact: lukioContact(code) }));
    }
  }
  // Remote teaching shared by the small lukios of the Tornio valley (the KOPA pilot) and the Sámi lukio.
  for (const [code, courseCodes] of [
    ['00946', ['MAA5', 'MAA6', 'FY1', 'KE1', 'ENA4', 'RUB12']],
    ['00640', ['MAB5', 'BI2', 'GE1', 'PS1', 'FI1', 'KU1']],
    ['00455', ['HI1', 'YH1', 'MU1']],
  ] as const) {
    for (const courseCode of courseCodes) {
      offerings.push(offering(random, `school-${code}`, `school-${code}`, courseCode, 'remote', { lukioBars: true, partnerShare: 0.5, contact: lukioContact(code) }));
    }
  }
  for (const courseCode of ['SÄI1', 'ÄI1', 'HI1']) {
    offerings.push(offering(random, `school-${SAMI_LUKIO_CODE}`, `school-${SAMI_LUKIO_CODE}`, courseCode, 'remote', { language: 'se', lukioBars: true, partnerShare: 0.6, contact: lukioContact(SAMI_LUKIO_CODE) }));
  }

  for (const [providerKey, siteKey, qualifications] of VOCATIONAL_PLAN) {
    const contact: [string, string] = ['Hakutoimisto', `haku.${providerKey}@tarjotin.example`];
    for (const unit of VOCATIONAL_UNITS.filter((u) => qualifications.includes(u.qualificationKey))) {
      const mode = random.next() < 0.2 ? 'hybrid' : 'onsite';
      const language = providerKey === 'sakk' && random.next() < 0.5 ? 'se' : 'fi';
      offerings.push(offering(random, providerKey, siteKey, unit.code, mode, { language, targetGroups: ['young', 'adult'], capacity: [10, 20], contact }));
    }
  }
  for (const [providerKey, siteKey, courseCode] of WORKPLACE_PLAN) {
    offerings.push(offering(random, providerKey, siteKey, courseCode, 'workplace', { targetGroups: ['young', 'adult', 'jobseeker'], capacity: [1, 4], partnerShare: 1, contact: ['Työpaikkaohjaaja', `tyopaikka.${siteKey}@tarjotin.example`] }));
  }
  for (const providerKey of ['lappia', 'redu']) {
    for (const courseCode of ['101053', '101054', '101055']) {
      offerings.push(offering(random, providerKey, null, courseCode, 'online', { targetGroups: ['young', 'adult'], capacity: [30, 60], partnerShare: 0.4, contact: ['Verkko-opinnot', `verkko.${providerKey}@tarjotin.example`] }));
    }
  }

  const kivaloSites = ['kivalo-kemi', 'kivalo-keminmaa', 'kivalo-simo', 'kivalo-tervola'];
  for (const course of ADULT_COURSES) {
    for (const siteKey of random.sample(kivaloSites, 2)) {
      offerings.push(offering(random, 'kivalo', siteKey, course.code, random.next() < 0.3 ? 'hybrid' : 'onsite', { targetGroups: ['adult', 'jobseeker'], capacity: [8, 16], partnerShare: 1, feeEuros: random.pick([25, 35, 45, 60]), contact: ['Kivalo-opiston toimisto', 'kivalo@tarjotin.example'] }));
    }
    offerings.push(offering(random, 'kivalo', null, course.code, 'online', { targetGroups: ['adult'], capacity: [15, 30], partnerShare: 1, feeEuros: 20, contact: ['Kivalo-opiston toimisto', 'kivalo@tarjotin.example'] }));
  }
  for (const course of HIGHER_COURSES) {
    const contact: [string, string] = ['Avoin AMK', 'avoin@tarjotin.example'];
    offerings.push(offering(random, 'lapinamk', null, course.code, 'online', { targetGroups: ['young', 'adult'], capacity: [30, 100], partnerShare: 1, contact }));
    offerings.push(offering(random, 'lapinamk', random.pick(['lapinamk-rovaniemi', 'lapinamk-kemi']), course.code, 'remote', { targetGroups: ['young', 'adult'], capacity: [20, 40], partnerShare: 1, contact }));
  }
  for (const code of COMPREHENSIVE_SCHOOL_CODES) {
    for (const course of COMPREHENSIVE_COURSES) {
      offerings.push(offering(random, `school-${code}`, `school-${code}`, course.code, 'onsite', { capacity: [10, 18], contact: ['Rehtori', `rehtori.${code}@tarjotin.example`] }));
    }
  }
  return offerings;
}
