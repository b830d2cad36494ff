import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../server/db/database.js';
import { badRequest } from '../../server/http/errors.js';
import { idParam, wholeNumberParam } from '../../server/http/input-schemas.js';
import { municipalityCodeSchema } from '../region/municipality-code.js';
import type { SiteTravelTimes, TravelFromHome } from '../travel/site-travel-times.js';
import { nearestSites, nearestSitesCovering } from '../travel/nearest-sites.js';
import { offeringDto, type OfferingRow } from './offering-dto.js';
import { foldForSearch, likePattern } from './search-text.js';
import {
  DELIVERY_MODES,
  EDUCATION_FORMS,
  FIELDS,
  MODES_WITHOUT_TRAVEL,
  TARGET_GROUPS,
  TEACHING_LANGUAGES,
  type DeliveryMode,
} from './vocabulary.js';

/** A comma-separated list in a query string: `mode=onsite,hybrid`. */
const listOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(values)).min(1))
    .optional();

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const offeringSearchSchema = z.object({
  q: z.string().trim().max(200).optional(),
  home: municipalityCodeSchema.optional(),
  maxMinutes: wholeNumberParam(1, 600).optional(),
  mode: listOf(DELIVERY_MODES),
  form: listOf(EDUCATION_FORMS),
  field: listOf(FIELDS),
  lang: listOf(TEACHING_LANGUAGES),
  targetGroup: listOf(TARGET_GROUPS),
  period: wholeNumberParam(1, 6).optional(),
  municipality: municipalityCodeSchema.optional(),
  region: idParam.optional(),
  provider: idParam.optional(),
  seatsLeft: booleanFlag.optional(),
  includeWithdrawn: booleanFlag.optional(),
  sort: z.enum(['travel', 'name', 'code']).optional(),
  limit: wholeNumberParam(1, 200).default(20),
  offset: wholeNumberParam(0, 1_000_000).default(0),
});
export type OfferingSearch = z.infer<typeof offeringSearchSchema>;


/** Travel minutes of sites from home as a relation `t(site_id, minutes)`. */
function travelRelation(minutesBySite: ReadonlyMap<number, number>) {
  const siteIds = [...minutesBySite.keys()];
  const minutes = [...minutesBySite.values()];
  return sql<{ site_id: number; minutes: number }>`(select unnest(${siteIds}::int[]) as site_id, unnest(${minutes}::int[]) as minutes)`.as('t');
}

/**
 * Offerings joined with their course, provider and site. The joins are lateral lookups by primary
 * key (`limit 1` keeps the planner from flattening them): a page is a few rows, and the planner
 * would otherwise hash whole tables to join them.
 */
function joinedOfferings(db: Db) {
  return db
    .selectFrom('offering as o')
    .innerJoinLateral(
      (eb) => eb.selectFrom('course').selectAll().whereRef('course.id', '=', 'o.course_id').limit(1).as('c'),
      (join) => join.onTrue(),
    )
    .innerJoinLateral(
      (eb) => eb.selectFrom('organization').select(['id', 'name']).whereRef('organization.id', '=', 'o.provider_id').limit(1).as('p'),
      (join) => join.onTrue(),
    )
    .leftJoinLateral(
      (eb) => eb.selectFrom('site').selectAll().whereRef('site.id', '=', 'o.site_id').limit(1).as('s'),
      (join) => join.onTrue(),
    );
}
type JoinedOfferings = ReturnType<typeof joinedOfferings>;

/** Every offering read selects the same row, so the DTO is built in one place. */
function selectOfferingRow(query: JoinedOfferings) {
  return query.select([
    'o.id',
    'o.region_id',
    'o.course_id',
    'c.code as course_code',
    'c.name_fi as course_name_fi',
    'c.name_sv as course_name_sv',
    'c.name_en as course_name_en',
    'c.education_form',
    'c.field',
    'c.credits',
    'c.credit_unit',
    'c.qualification',
    'o.provider_id',
    'p.name as provider_name',
    'o.site_id',
    's.name as site_name',
    's.address as site_address',
    's.municipality_code as site_municipality_code',
    's.lat as site_lat',
    's.lon as site_lon',
    's.location_approximate as site_location_approximate',
    'o.mode',
    'o.language',
    'o.academic_year',
    'o.periods',
    'o.time_slots',
    'o.bar_codes',
    'o.capacity',
    'o.seats_for_partners',
    'o.seats_taken',
    'o.target_groups',
    'o.fee_cents',
    'o.enrolment_start',
    'o.enrolment_end',
    'o.contact_name',
    'o.contact_email',
    'o.status',
    'o.is_demo',
  ]);
}

/** Travel minutes only where a student travels: not to remote or online study. */
function dtoWithTravel(row: OfferingRow, travel: TravelFromHome | undefined) {
  const travels = travel && row.site_id !== null && !MODES_WITHOUT_TRAVEL.includes(row.mode as DeliveryMode);
  const minutes = travels ? (travel.minutesBySite.get(row.site_id!) ?? null) : null;
  return offeringDto(row, minutes, minutes === null ? null : (travel!.modelBySite.get(row.site_id!) ?? null));
}

export async function findOffering(db: Db, travelTimes: SiteTravelTimes, id: number, home?: string) {
  return (await findOfferings(db, travelTimes, [id], home))[0];
}

/** Offerings by id, in no particular order, with travel minutes from `home` when given. */
export async function findOfferings(db: Db, travelTimes: SiteTravelTimes, ids: readonly number[], home?: string | null) {
  if (ids.length === 0) return [];
  const travel = home ? await travelTimes.fromHome(home) : undefined;
  const rows = await selectOfferingRow(joinedOfferings(db)).where('o.id', 'in', ids).execute();
  return rows.map((row) => dtoWithTravel(row as OfferingRow, travel));
}

interface WordMatches {
  courseIds: number[];
  providerIds: number[];
  /** The sort names of the matched courses span this range; null when a provider matched too. */
  nameRange: { first: string; last: string } | null;
}

/**
 * The courses and providers each search word names. Looked up first in the small tables, so that
 * the offering query becomes index lookups by id instead of a text scan joined to every offering.
 */
async function matchWords(db: Db, q: string | undefined): Promise<WordMatches[]> {
  const words = foldForSearch(q ?? '').split(' ').filter(Boolean);
  return Promise.all(
    words.map(async (word) => {
      const pattern = likePattern(word);
      const [courses, providers] = await Promise.all([
        db.selectFrom('course').select(['id', sql<string>`lower(name_fi)`.as('sort_name')]).where('search_text', 'like', pattern).execute(),
        db.selectFrom('organization').select('id').where('search_text', 'like', pattern).execute(),
      ]);
      const names = courses.map((c) => c.sort_name).sort();
      return {
        courseIds: courses.map((c) => c.id),
        providerIds: providers.map((p) => p.id),
        nameRange: providers.length === 0 && names.length > 0 ? { first: names[0]!, last: names.at(-1)! } : null,
      };
    }),
  );
}

/** Offerings matching the filters, before any ordering; no joins, so indexes on offering serve it. */
function filteredOfferings(db: Db, f: OfferingSearch, words: WordMatches[], travel: TravelFromHome | undefined) {
  let query = db.selectFrom('offering as o');
  if (!f.includeWithdrawn) query = query.where('o.status', '=', 'published');
  for (const { courseIds, providerIds, nameRange } of words) {
    query = query.where((eb) =>
      eb.or([
        eb('o.course_id', '=', sql<number>`any(${courseIds}::int[])`),
        eb('o.provider_id', '=', sql<number>`any(${providerIds}::int[])`),
      ]),
    );
    // Redundant with the ids, but lets the name-ordered index start where the matches start.
    if (nameRange) query = query.where('o.course_sort_name', '>=', nameRange.first).where('o.course_sort_name', '<=', nameRange.last);
  }
  if (f.mode) query = query.where('o.mode', 'in', f.mode);
  if (f.form) query = query.where('o.education_form', 'in', f.form);
  if (f.field) query = query.where('o.field', 'in', f.field);
  if (f.lang) query = query.where('o.language', 'in', f.lang);
  if (f.targetGroup) query = query.where(sql<boolean>`o.target_groups && ${f.targetGroup}::text[]`);
  if (f.period) query = query.where(sql<boolean>`o.periods @> array[${f.period}::int]`);
  if (f.municipality) {
    const municipality = f.municipality;
    query = query.where('o.site_id', 'in', (eb) => eb.selectFrom('site').select('id').where('municipality_code', '=', municipality));
  }
  if (f.region) query = query.where('o.region_id', '=', f.region);
  if (f.provider) query = query.where('o.provider_id', '=', f.provider);
  if (f.seatsLeft) query = query.where((eb) => eb('o.seats_for_partners', '>', eb.ref('o.seats_taken')));
  if (travel && f.maxMinutes !== undefined) {
    const reachable = nearestSites(travel.nearestFirst, travel.minutesBySite, Infinity, f.maxMinutes);
    query = query.where((eb) =>
      eb.or([eb('o.mode', 'in', MODES_WITHOUT_TRAVEL), eb('o.site_id', '=', sql<number>`any(${reachable}::int[])`)]),
    );
  }
  return query;
}
type FilteredOfferings = ReturnType<typeof filteredOfferings>;

/** Counting stops here: past it a search says "over N" (docs/decisions/0001-capped-search-counts.md). */
export const COUNT_CAP = 1000;

async function countUpTo(db: Db, filtered: FilteredOfferings, cap: number) {
  const row = await db
    .selectFrom(filtered.select(sql`1`.as('one')).limit(cap + 1).as('matches'))
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const byName = (query: FilteredOfferings) => query.orderBy('o.course_sort_name').orderBy('o.id').select('o.id');

const FIRST_RING_SITES = 32;

/** Offerings at the given sites in travel order: minutes from home, then name. */
function travelOrdered(filtered: FilteredOfferings, siteIds: number[], minutesBySite: ReadonlyMap<number, number>) {
  const minutes = new Map(siteIds.map((id) => [id, minutesBySite.get(id)!]));
  return byName(
    filtered
      .where('o.mode', 'not in', MODES_WITHOUT_TRAVEL)
      // Implied by the join, but stated so that the planner reads these sites through the site index.
      .where('o.site_id', '=', sql<number>`any(${siteIds}::int[])`)
      .innerJoin(travelRelation(minutes), (join) => join.onRef('t.site_id', '=', 'o.site_id'))
      .orderBy('t.minutes'),
  );
}

/**
 * Page ids by travel time from home, nearest first, then study from home by name. A broad search
 * fills its page from the nearest sites; a narrow one counts its offerings per site and reads the
 * page from just the nearest sites that hold enough.
 */
async function travelOrderedIds(filtered: FilteredOfferings, travel: TravelFromHome, maxMinutes: number | undefined, offset: number, limit: number) {
  const need = offset + limit;
  const { minutesBySite } = travel;
  const firstRing = nearestSites(travel.nearestFirst, minutesBySite, FIRST_RING_SITES, maxMinutes);
  const near = await travelOrdered(filtered, firstRing, minutesBySite).limit(need).execute();
  if (near.length >= need) return near.slice(offset).map((r) => r.id);

  const perSite = await filtered
    .where('o.mode', 'not in', MODES_WITHOUT_TRAVEL)
    .select(['o.site_id', sql<number>`count(*)`.as('n')])
    .groupBy('o.site_id')
    .execute();
  const { siteIds, isEverySite } = nearestSitesCovering(new Map(perSite.map((r) => [r.site_id!, Number(r.n)])), minutesBySite, need);
  const travelling =
    siteIds.length === 0 ? [] : (await travelOrdered(filtered, siteIds, minutesBySite).limit(need).execute()).map((r) => r.id);
  if (travelling.length >= need || !isEverySite) return travelling.slice(offset, need);

  const start = Math.max(offset, travelling.length);
  const fromHome = await byName(filtered.where('o.mode', 'in', MODES_WITHOUT_TRAVEL))
    .limit(need - start)
    .offset(start - travelling.length)
    .execute();
  return [...travelling.slice(offset), ...fromHome.map((r) => r.id)];
}

/** One page of full rows, in order. Name and code order read the page in one query. */
async function pageRows(
  db: Db,
  filtered: FilteredOfferings,
  sort: NonNullable<OfferingSearch['sort']>,
  travel: TravelFromHome | undefined,
  f: OfferingSearch,
): Promise<OfferingRow[]> {
  if (sort === 'travel' && travel) {
    const ids = await travelOrderedIds(filtered, travel, f.maxMinutes, f.offset, f.limit);
    if (ids.length === 0) return [];
    const rows = await selectOfferingRow(joinedOfferings(db)).where('o.id', 'in', ids).execute();
    const byId = new Map(rows.map((row) => [row.id, row as OfferingRow]));
    return ids.map((id) => byId.get(id)!);
  }
  const page = byName(sort === 'code' ? filtered.orderBy('o.course_code') : filtered).limit(f.limit).offset(f.offset);
  const rows = selectOfferingRow(joinedOfferings(db)).where('o.id', 'in', page);
  const ordered = sort === 'code' ? rows.orderBy('o.course_code') : rows;
  return (await ordered.orderBy('o.course_sort_name').orderBy('o.id').execute()) as OfferingRow[];
}

export async function searchOfferings(db: Db, travelTimes: SiteTravelTimes, f: OfferingSearch) {
  if (f.maxMinutes !== undefined && !f.home) {
    throw badRequest([{ path: 'querystring.home', code: 'required_with_max_minutes', message: 'give a home municipality with maxMinutes' }]);
  }
  const travel = f.home ? await travelTimes.fromHome(f.home) : undefined;
  if (f.home && !travel) {
    throw badRequest([{ path: 'querystring.home', code: 'unknown_municipality', message: 'no such municipality, or it has no centre point' }]);
  }
  const filtered = filteredOfferings(db, f, await matchWords(db, f.q), travel);
  const [rows, total] = await Promise.all([
    pageRows(db, filtered, f.sort ?? (travel ? 'travel' : 'name'), travel, f),
    countUpTo(db, filtered, COUNT_CAP),
  ]);
  return {
    items: rows.map((row) => dtoWithTravel(row, travel)),
    total: Math.min(total, COUNT_CAP),
    totalIsExact: total <= COUNT_CAP,
    limit: f.limit,
    offset: f.offset,
  };
}

/** Sites of every matching offering, for the map: one point per site with its offering count. */
export async function searchOfferingSites(db: Db, travelTimes: SiteTravelTimes, f: OfferingSearch) {
  const travel = f.home ? await travelTimes.fromHome(f.home) : undefined;
  const rows = await filteredOfferings(db, f, await matchWords(db, f.q), travel)
    .innerJoin('site as s', 's.id', 'o.site_id')
    .select(['s.id', 's.name', 's.municipality_code', 's.lat', 's.lon', 's.location_approximate', sql<number>`count(*)`.as('offering_count')])
    .groupBy(['s.id', 's.name', 's.municipality_code', 's.lat', 's.lon', 's.location_approximate'])
    .orderBy('s.name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    municipalityCode: r.municipality_code,
    lat: r.lat,
    lon: r.lon,
    locationApproximate: r.location_approximate,
    offeringCount: Number(r.offering_count),
    travelMinutes: travel?.minutesBySite.get(r.id) ?? null,
    travelModel: travel?.modelBySite.get(r.id) ?? null,
  }));
}
