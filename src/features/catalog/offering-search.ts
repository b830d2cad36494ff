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

interface KeyRange {
  first: string;
  last: string;
}

interface WordMatches {
  courseIds: number[];
  providerIds: number[];
  /** The matched courses' sort names and codes span these ranges; null when a provider matched too. */
  nameRange: KeyRange | null;
  codeRange: KeyRange | null;
}

/**
 * The courses and providers each search word names. Looked up first in the small tables, so that
 * the offering query becomes index lookups by id instead of a text scan joined to every offering.
 * The ranges are the database's own minimum and maximum, so they follow its collation.
 */
async function matchWords(db: Db, q: string | undefined): Promise<WordMatches[]> {
  const words = foldForSearch(q ?? '').split(' ').filter(Boolean);
  return Promise.all(
    words.map(async (word) => {
      const pattern = likePattern(word);
      const [courses, providers] = await Promise.all([
        db
          .selectFrom('course')
          .select([
            'id',
            sql<string>`min(lower(name_fi)) over ()`.as('first_name'),
            sql<string>`max(lower(name_fi)) over ()`.as('last_name'),
            sql<string>`min(code) over ()`.as('first_code'),
            sql<string>`max(code) over ()`.as('last_code'),
          ])
          .where('search_text', 'like', pattern)
          .execute(),
        db.selectFrom('organization').select('id').where('search_text', 'like', pattern).execute(),
      ]);
      const ranged = providers.length === 0 && courses.length > 0 ? courses[0]! : undefined;
      return {
        courseIds: courses.map((c) => c.id),
        providerIds: providers.map((p) => p.id),
        nameRange: ranged ? { first: ranged.first_name, last: ranged.last_name } : null,
        codeRange: ranged ? { first: ranged.first_code, last: ranged.last_code } : null,
      };
    }),
  );
}

/**
 * Offerings matching the filters, before any ordering; no joins, so indexes on offering serve it.
 * `pageOrder` names the index a page will be read along, if any (travel pages break ties by
 * name); the map and the outline read none.
 */
function filteredOfferings(db: Db, f: OfferingSearch, words: WordMatches[], travel: TravelFromHome | undefined, pageOrder?: 'name' | 'code') {
  let query = db.selectFrom('offering as o');
  if (!f.includeWithdrawn) query = query.where('o.status', '=', 'published');
  for (const { courseIds, providerIds, nameRange, codeRange } of words) {
    // Only the id lists a word matched: an empty `or` arm keeps the planner from index-only scans.
    query = query.where((eb) =>
      eb.or([
        ...(courseIds.length > 0 ? [eb('o.course_id', '=', sql<number>`any(${courseIds}::int[])`)] : []),
        ...(providerIds.length > 0 ? [eb('o.provider_id', '=', sql<number>`any(${providerIds}::int[])`)] : []),
      ]),
    );
    // Redundant with the ids, but lets a name- or code-ordered page walk its index only where the matches are.
    if (pageOrder === 'name' && nameRange) query = query.where('o.course_sort_name', '>=', nameRange.first).where('o.course_sort_name', '<=', nameRange.last);
    if (pageOrder === 'code' && codeRange) query = query.where('o.course_code', '>=', codeRange.first).where('o.course_code', '<=', codeRange.last);
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

/** Sites nearest first where the search can find offerings: a region's own when it names one. */
function nearestFirstOf(travel: TravelFromHome, region: number | undefined): readonly number[] {
  return region === undefined ? travel.nearestFirst : (travel.nearestFirstByRegion.get(region) ?? []);
}

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

/** A narrow search: its offerings counted per site, then read from just the nearest sites that hold enough. */
async function travellingFromNearestCovering(filtered: FilteredOfferings, minutesBySite: ReadonlyMap<number, number>, need: number) {
  const perSite = await filtered
    .where('o.mode', 'not in', MODES_WITHOUT_TRAVEL)
    .select(['o.site_id', sql<number>`count(*)`.as('n')])
    .groupBy('o.site_id')
    .execute();
  const { siteIds, isEverySite } = nearestSitesCovering(new Map(perSite.map((r) => [r.site_id!, Number(r.n)])), minutesBySite, need);
  const travelling = siteIds.length === 0 ? [] : (await travelOrdered(filtered, siteIds, minutesBySite).limit(need).execute()).map((r) => r.id);
  return { travelling, isEverySite };
}

/**
 * Page ids by travel time from home, nearest first, then study from home by name. A broad search
 * fills its page from the nearest sites; when those are all the sites it can reach, they are
 * all there is; otherwise a narrow search counts its offerings per site.
 */
async function travelOrderedIds(filtered: FilteredOfferings, travel: TravelFromHome, f: OfferingSearch) {
  const { offset } = f;
  const need = offset + f.limit;
  const { minutesBySite } = travel;
  const order = nearestFirstOf(travel, f.region);
  const firstRing = nearestSites(order, minutesBySite, FIRST_RING_SITES, f.maxMinutes);
  const near = (await travelOrdered(filtered, firstRing, minutesBySite).limit(need).execute()).map((r) => r.id);
  if (near.length >= need) return near.slice(offset);

  const { travelling, isEverySite } =
    firstRing.length === nearestSites(order, minutesBySite, Infinity, f.maxMinutes).length
      ? { travelling: near, isEverySite: true }
      : await travellingFromNearestCovering(filtered, minutesBySite, need);
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
    const ids = await travelOrderedIds(filtered, travel, f);
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

/** Travel from the search's home, if it names one; a travel limit without a home, or an unknown home, is a 400. */
async function travelOfSearch(travelTimes: SiteTravelTimes, f: OfferingSearch) {
  if (f.maxMinutes !== undefined && !f.home) {
    throw badRequest([{ path: 'querystring.home', code: 'required_with_max_minutes', message: 'give a home municipality with maxMinutes' }]);
  }
  const travel = f.home ? await travelTimes.fromHome(f.home) : undefined;
  if (f.home && !travel) {
    throw badRequest([{ path: 'querystring.home', code: 'unknown_municipality', message: 'no such municipality, or it has no centre point' }]);
  }
  return travel;
}

/** What every read of the tray starts from: travel from the search's home, and the offerings its filters match. */
async function searchBasis(db: Db, travelTimes: SiteTravelTimes, f: OfferingSearch, pageOrder?: 'name' | 'code') {
  const travel = await travelOfSearch(travelTimes, f);
  return { travel, filtered: filteredOfferings(db, f, await matchWords(db, f.q), travel, pageOrder) };
}

export async function searchOfferings(db: Db, travelTimes: SiteTravelTimes, f: OfferingSearch) {
  const sort = f.sort ?? (f.home ? 'travel' : 'name');
  const { travel, filtered } = await searchBasis(db, travelTimes, f, sort === 'code' ? 'code' : 'name');
  const [rows, total] = await Promise.all([
    pageRows(db, filtered, sort, travel, f),
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

/** The map shows at most this many sites: a phone draws them, and a broad national search would send thousands. */
export const MAP_SITE_CAP = 100;
/** Without a home, the map's sites come from at most this many matching offerings. */
export const MAP_OFFERING_CAP = 3000;

export interface MapCaps {
  sites: number;
  offerings: number;
}

interface SiteCounts {
  counts: Map<number, number>;
  /** False when sites of the search were left out. */
  complete: boolean;
}

async function countBySite(filtered: FilteredOfferings, siteIds?: number[]) {
  const query = siteIds ? filtered.where('o.site_id', '=', sql<number>`any(${siteIds}::int[])`) : filtered.where('o.site_id', 'is not', null);
  const rows = await query.select(['o.site_id', sql<number>`count(*)`.as('n')]).groupBy('o.site_id').execute();
  return new Map(rows.map((r) => [r.site_id!, Number(r.n)]));
}

/** The nearest of `candidates` that hold matches, up to the cap; complete when the candidates were every reachable site and all fit. */
function nearestHolding(candidates: readonly number[], counts: Map<number, number>, coversEverySite: boolean, cap: MapCaps): SiteCounts {
  const nearest = candidates.filter((id) => counts.has(id));
  return { counts: new Map(nearest.slice(0, cap.sites).map((id) => [id, counts.get(id)!])), complete: coversEverySite && nearest.length <= cap.sites };
}

/**
 * The nearest sites from home that hold matches, up to the cap. A broad search finds them among
 * the nearest `cap` sites and reads only their offerings; a search that does not is narrow, and
 * its matches are counted at every site it can reach. (A middle ring of four times the cap was
 * measured slower at p95 on the benchmark: it adds a query to the searches that need all sites.)
 */
async function countsNearHome(filtered: FilteredOfferings, travel: TravelFromHome, f: OfferingSearch, cap: MapCaps): Promise<SiteCounts> {
  const order = nearestFirstOf(travel, f.region);
  const reachable = nearestSites(order, travel.minutesBySite, Infinity, f.maxMinutes);
  const ring = nearestSites(order, travel.minutesBySite, cap.sites, f.maxMinutes);
  const counts = await countBySite(filtered, ring);
  if (counts.size >= cap.sites || ring.length === reachable.length) return nearestHolding(ring, counts, ring.length === reachable.length, cap);
  return nearestHolding(reachable, await countBySite(filtered), true, cap);
}

/**
 * Without a home: the sites of the first matches the database finds, those with the most of them
 * first. When the sample leaves matches out, the chosen sites are counted again, exactly.
 */
async function countsOfFirstMatches(db: Db, filtered: FilteredOfferings, cap: MapCaps): Promise<SiteCounts> {
  const firstMatches = filtered
    .where('o.site_id', 'is not', null)
    .select(['o.site_id', sql<number>`row_number() over ()`.as('nth')])
    .limit(cap.offerings + 1)
    .as('m');
  // Grouped in the database: the rows themselves would cost more to send than to count.
  const rows = await db
    .selectFrom(firstMatches)
    .select(['m.site_id', sql<number>`count(*) filter (where m.nth <= ${cap.offerings})`.as('n'), sql<number>`max(m.nth)`.as('last')])
    .groupBy('m.site_id')
    .execute();
  const isEveryMatch = rows.every((r) => Number(r.last) <= cap.offerings);
  const counts = new Map<number, number>();
  for (const r of rows) if (Number(r.n) > 0) counts.set(r.site_id!, Number(r.n));
  if (isEveryMatch && counts.size <= cap.sites) return { counts, complete: true };
  const most = [...counts].sort(([a, m], [b, n]) => n - m || a - b).slice(0, cap.sites);
  return { counts: await countBySite(filtered, most.map(([id]) => id)), complete: false };
}

/**
 * Sites of the matching offerings, for the map: one point per site with its offering count. At
 * most MAP_SITE_CAP of them (`complete` false when some were left out): the nearest to home, or
 * without a home those of the first matches; bounded work either way (docs/benchmarks.md).
 */
export async function searchOfferingSites(
  db: Db,
  travelTimes: SiteTravelTimes,
  f: OfferingSearch,
  caps: MapCaps = { sites: MAP_SITE_CAP, offerings: MAP_OFFERING_CAP },
) {
  const { travel, filtered } = await searchBasis(db, travelTimes, f);
  const { counts, complete } = travel ? await countsNearHome(filtered, travel, f, caps) : await countsOfFirstMatches(db, filtered, caps);
  const sites =
    counts.size === 0
      ? []
      : await db.selectFrom('site').select(['id', 'name', 'municipality_code', 'lat', 'lon', 'location_approximate']).where('id', '=', sql<number>`any(${[...counts.keys()]}::int[])`).orderBy('name').execute();
  const items = sites.map((s) => ({
    id: s.id,
    name: s.name,
    municipalityCode: s.municipality_code,
    lat: s.lat,
    lon: s.lon,
    locationApproximate: s.location_approximate,
    offeringCount: counts.get(s.id)!,
    travelMinutes: travel?.minutesBySite.get(s.id) ?? null,
    travelModel: travel?.modelBySite.get(s.id) ?? null,
  }));
  return { items, complete };
}

/** Matching offerings counted by education form and field: the living-in page's outline. */
export async function countOfferingGroups(db: Db, travelTimes: SiteTravelTimes, f: OfferingSearch) {
  const { filtered } = await searchBasis(db, travelTimes, f);
  const rows = await filtered
    .select(['o.education_form', 'o.field', sql<number>`count(*)`.as('n')])
    .groupBy(['o.education_form', 'o.field'])
    .orderBy('o.education_form')
    .orderBy('o.field')
    .execute();
  return rows.map((r) => ({ educationForm: r.education_form, field: r.field, count: Number(r.n) }));
}
