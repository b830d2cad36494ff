import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../server/db/database.js';
import { badRequest } from '../../server/http/errors.js';
import { idParam, wholeNumberParam } from '../../server/http/input-schemas.js';
import { municipalityCodeSchema } from '../region/municipality-code.js';
import type { SiteTravelTimes, TravelFromHome } from '../travel/site-travel-times.js';
import { nearestSites } from '../travel/nearest-sites.js';
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


/** Travel minutes of the given sites from home as a relation `t(site_id, minutes)`. */
export function travelRelation(siteIds: readonly number[], minutesBySite: ReadonlyMap<number, number>) {
  const minutes = siteIds.map((id) => minutesBySite.get(id)!);
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
    'c.name_source',
    'c.code_set',
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

/** Ids of offerings in name order: the order every page breaks ties by. */
const byName = (query: FilteredOfferings) => query.orderBy('o.course_sort_name').orderBy('o.id').select('o.id');

/** Full rows of the offerings a subquery or list names, unordered. */
const rowsOf = (db: Db, ids: readonly number[] | ReturnType<typeof byName>) => selectOfferingRow(joinedOfferings(db)).where('o.id', 'in', ids);

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
  const rows = await rowsOf(db, ids).execute();
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

interface WordMatchRow {
  nth: number;
  course_ids: number[] | null;
  provider_ids: number[] | null;
  first_name: string | null;
  last_name: string | null;
  first_code: string | null;
  last_code: string | null;
}

/**
 * The courses and providers each search word names, for every word in one statement, one row a
 * word. Looked up first in the small tables (through their trigram indexes, migration 0023), so
 * that the offering query becomes index lookups by id instead of a text scan joined to every
 * offering. The ranges are the database's own minimum and maximum, so they follow its collation.
 */
async function matchWords(db: Db, words: string[]): Promise<WordMatches[]> {
  const patterns = words.map(likePattern);
  const { rows } = await sql<WordMatchRow>`
    select w.nth::int as nth, r.course_ids, r.first_name, r.last_name, r.first_code, r.last_code,
      (select array_agg(p.id) from organization p where p.search_text like w.pattern) as provider_ids
    from unnest(${patterns}::text[]) with ordinality as w(pattern, nth)
    cross join lateral (
      select array_agg(c.id) as course_ids, min(lower(c.name_fi)) as first_name, max(lower(c.name_fi)) as last_name, min(c.code) as first_code, max(c.code) as last_code
      from course c where c.search_text like w.pattern
    ) r`.execute(db);
  return words.map((_, i) => {
    const row = rows.find((r) => r.nth === i + 1);
    const courseIds = row?.course_ids ?? [];
    const providerIds = row?.provider_ids ?? [];
    const ranged = providerIds.length === 0 && courseIds.length > 0 ? row : undefined;
    return {
      courseIds,
      providerIds,
      nameRange: ranged ? { first: ranged.first_name!, last: ranged.last_name! } : null,
      codeRange: ranged ? { first: ranged.first_code!, last: ranged.last_code! } : null,
    };
  });
}

/** Word lookups now running, by database and folded words. */
const wordLookupsInFlight = new WeakMap<Db, Map<string, Promise<WordMatches[]>>>();

/**
 * The words' matches, shared by the searches that ask for the same words at the same moment: the
 * tray page sends its list and its map request at once. Nothing is kept once the lookup answers.
 */
function matchWordsOnce(db: Db, q: string | undefined): Promise<WordMatches[]> {
  const words = foldForSearch(q ?? '').split(' ').filter(Boolean);
  if (words.length === 0) return Promise.resolve([]);
  const key = words.join(' ');
  let running = wordLookupsInFlight.get(db);
  if (!running) wordLookupsInFlight.set(db, (running = new Map()));
  const inFlight = running.get(key);
  if (inFlight) return inFlight;
  const lookup = matchWords(db, words).finally(() => running.delete(key));
  running.set(key, lookup);
  return lookup;
}

/**
 * Offerings matching the filters other than reach, before any ordering; no joins, so indexes on
 * offering serve it. `pageOrder` names the index a page will be read along, if any (travel pages
 * break ties by name); the map and the outline read none.
 */
function filteredOfferings(db: Db, f: OfferingSearch, words: WordMatches[], pageOrder?: 'name' | 'code') {
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
  return query;
}
export type FilteredOfferings = ReturnType<typeof filteredOfferings>;

/**
 * A search's matches, whole and in the two parts a travel-ordered page reads one after the other.
 * With a travel limit the whole is "at a reachable site, or followed from home"; a mode filter
 * that leaves only one of the two drops that `or`, which the planner estimates as if its arms were
 * independent of the other filters (it then scanned the whole table for a count).
 */
export interface Matches {
  /** Every filter but reach: what pages are read from at sites already known to be within reach. */
  filtered: FilteredOfferings;
  all: FilteredOfferings;
  /** Studied at a site (every mode but remote and online), within reach when the search has a travel limit; none when the mode filter leaves no such mode. */
  atSites: FilteredOfferings | undefined;
  /** Remote and online study, within reach whatever the distance; none when the mode filter leaves neither. */
  fromHome: FilteredOfferings | undefined;
}

const followedFromHome = (mode: DeliveryMode) => MODES_WITHOUT_TRAVEL.includes(mode);

function matchesOf(filtered: FilteredOfferings, f: OfferingSearch, travel: TravelFromHome | undefined): Matches {
  const modes = f.mode ?? DELIVERY_MODES;
  const reachable = travel && f.maxMinutes !== undefined ? nearestSites(travel.nearestFirst, travel.minutesBySite, Infinity, f.maxMinutes) : undefined;
  const studiedAtSites = filtered.where('o.mode', 'not in', MODES_WITHOUT_TRAVEL);
  const atSites = modes.some((mode) => !followedFromHome(mode))
    ? reachable
      ? studiedAtSites.where('o.site_id', '=', sql<number>`any(${reachable}::int[])`)
      : studiedAtSites
    : undefined;
  const fromHome = modes.some(followedFromHome) ? filtered.where('o.mode', 'in', MODES_WITHOUT_TRAVEL) : undefined;
  if (!reachable) return { filtered, all: filtered, atSites, fromHome };
  const all =
    atSites && fromHome
      ? filtered.where((eb) => eb.or([eb('o.mode', 'in', MODES_WITHOUT_TRAVEL), eb('o.site_id', '=', sql<number>`any(${reachable}::int[])`)]))
      : (atSites ?? fromHome)!;
  return { filtered, all, atSites, fromHome };
}

/** Counting stops here: past it a search says "over N" (docs/decisions/0001-capped-search-counts.md). */
export const COUNT_CAP = 1000;

async function countUpTo(db: Db, matches: FilteredOfferings, cap: number) {
  const row = await db
    .selectFrom(matches.select(sql`1`.as('one')).limit(cap + 1).as('matches'))
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const FIRST_RING_SITES = 32;

/** Sites nearest first where the search can find offerings: a region's own when it names one. */
export function nearestFirstOf(travel: TravelFromHome, region: number | undefined): readonly number[] {
  return region === undefined ? travel.nearestFirst : (travel.nearestFirstByRegion.get(region) ?? []);
}

/** Offerings at the given sites (within reach) in travel order: minutes from home, then name. */
function travelOrdered(filtered: FilteredOfferings, siteIds: number[], minutesBySite: ReadonlyMap<number, number>) {
  return byName(
    filtered
      .where('o.mode', 'not in', MODES_WITHOUT_TRAVEL)
      // Implied by the join, but stated so that the planner reads these sites through the site index.
      .where('o.site_id', '=', sql<number>`any(${siteIds}::int[])`)
      .innerJoin(travelRelation(siteIds, minutesBySite), (join) => join.onRef('t.site_id', '=', 'o.site_id'))
      .orderBy('t.minutes'),
  );
}

/** The first `need` offerings at the given sites in travel order, as full rows, in one query. */
async function travelOrderedRows(db: Db, filtered: FilteredOfferings, siteIds: number[], minutesBySite: ReadonlyMap<number, number>, need: number) {
  if (siteIds.length === 0) return [];
  const rows = await rowsOf(db, travelOrdered(filtered, siteIds, minutesBySite).limit(need))
    .innerJoin(travelRelation(siteIds, minutesBySite), (join) => join.onRef('t.site_id', '=', 'o.site_id'))
    .orderBy('t.minutes')
    .orderBy('o.course_sort_name')
    .orderBy('o.id')
    .execute();
  return rows as OfferingRow[];
}

/**
 * A narrow search: its offerings counted per reachable site, and the nearest sites that together
 * hold `need` of them (with every site tied in minutes with the last one) chosen in the database,
 * so that not every site's count is sent; then its travel-ordered offerings read from those.
 * `isEverySite` tells that no farther site holds offerings.
 */
async function travellingFromNearestCovering(
  db: Db,
  filtered: FilteredOfferings,
  atSites: FilteredOfferings,
  reachable: readonly number[],
  minutesBySite: ReadonlyMap<number, number>,
  need: number,
) {
  const perSite = atSites.select(['o.site_id', sql<number>`count(*)`.as('n')]).groupBy('o.site_id').as('c');
  const running = db
    .selectFrom(perSite)
    .innerJoin(travelRelation(reachable, minutesBySite), (join) => join.onRef('t.site_id', '=', 'c.site_id'))
    .select(['c.site_id', 't.minutes', sql<number>`sum(c.n) over (order by t.minutes, c.site_id) - c.n`.as('before')])
    .as('r');
  const chosen = db
    .selectFrom(running)
    .select(['r.site_id', 'r.minutes', sql<number>`max(case when r.before < ${need} then r.minutes end) over ()`.as('reach'), sql<number>`count(*) over ()`.as('holding')])
    .as('x');
  const rows = await db.selectFrom(chosen).select(['x.site_id', 'x.holding']).where(sql<boolean>`x.minutes <= x.reach`).execute();
  const siteIds = rows.map((r) => r.site_id!);
  const isEverySite = rows.length === 0 || rows.length === Number(rows[0]!.holding);
  const travelling = siteIds.length === 0 ? [] : (await travelOrdered(filtered, siteIds, minutesBySite).limit(need).execute()).map((r) => r.id);
  return { travelling, isEverySite };
}

/**
 * A page by travel time from home, nearest first, then study from home by name. A broad search
 * fills its page from the nearest sites, read as full rows at once; when those are all the sites
 * it can reach, they are all there is; otherwise a narrow search counts its offerings per site.
 */
async function travelOrderedPage(db: Db, { filtered, atSites, fromHome }: Matches, travel: TravelFromHome, f: OfferingSearch) {
  const { offset } = f;
  const need = offset + f.limit;
  const { minutesBySite } = travel;
  const order = nearestFirstOf(travel, f.region);
  const firstRing = nearestSites(order, minutesBySite, FIRST_RING_SITES, f.maxMinutes);
  const near = atSites ? await travelOrderedRows(db, filtered, firstRing, minutesBySite, need) : [];
  if (near.length >= need) return near.slice(offset);

  const reachable = nearestSites(order, minutesBySite, Infinity, f.maxMinutes);
  const { travelling, isEverySite } =
    !atSites || firstRing.length === reachable.length
      ? { travelling: near.map((row) => row.id), isEverySite: true }
      : await travellingFromNearestCovering(db, filtered, atSites, reachable, minutesBySite, need);
  let ids = travelling.slice(offset, need);
  if (travelling.length < need && isEverySite && fromHome) {
    const start = Math.max(offset, travelling.length);
    const studiedFromHome = await byName(fromHome).limit(need - start).offset(start - travelling.length).execute();
    ids = [...ids, ...studiedFromHome.map((r) => r.id)];
  }
  const read = new Map(near.map((row) => [row.id, row]));
  const missing = ids.filter((id) => !read.has(id));
  if (missing.length > 0) for (const row of await rowsOf(db, missing).execute()) read.set(row.id, row as OfferingRow);
  return ids.map((id) => read.get(id)!);
}

/** One page of full rows, in order, read in one query unless a travel-ordered page needs more. */
async function pageRows(db: Db, matches: Matches, sort: NonNullable<OfferingSearch['sort']>, travel: TravelFromHome | undefined, f: OfferingSearch) {
  if (sort === 'travel' && travel) return travelOrderedPage(db, matches, travel, f);
  const page = byName(sort === 'code' ? matches.all.orderBy('o.course_code') : matches.all).limit(f.limit).offset(f.offset);
  const rows = rowsOf(db, page);
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

/**
 * What every read of the tray starts from: travel from the search's home, and the offerings its
 * filters match; `pagedAlong` gives them again bounded for a page read along the name or code index.
 */
export async function searchBasis(db: Db, travelTimes: SiteTravelTimes, f: OfferingSearch) {
  const travel = await travelOfSearch(travelTimes, f);
  const words = await matchWordsOnce(db, f.q);
  return {
    travel,
    matches: matchesOf(filteredOfferings(db, f, words), f, travel),
    pagedAlong: (order: 'name' | 'code') => matchesOf(filteredOfferings(db, f, words, order), f, travel),
  };
}

export async function searchOfferings(db: Db, travelTimes: SiteTravelTimes, f: OfferingSearch) {
  const sort = f.sort ?? (f.home ? 'travel' : 'name');
  const { travel, matches, pagedAlong } = await searchBasis(db, travelTimes, f);
  // The count leaves out the page's name or code bounds: with them no index answers it alone, and the planner scanned the table.
  const [rows, total] = await Promise.all([pageRows(db, pagedAlong(sort === 'code' ? 'code' : 'name'), sort, travel, f), countUpTo(db, matches.all, COUNT_CAP)]);
  return {
    items: rows.map((row) => dtoWithTravel(row, travel)),
    total: Math.min(total, COUNT_CAP),
    totalIsExact: total <= COUNT_CAP,
    limit: f.limit,
    offset: f.offset,
  };
}

/** Matching offerings counted by education form and field: the living-in page's outline. */
export async function countOfferingGroups(db: Db, travelTimes: SiteTravelTimes, f: OfferingSearch) {
  const { matches } = await searchBasis(db, travelTimes, f);
  const rows = await matches.all
    .select(['o.education_form', 'o.field', sql<number>`count(*)`.as('n')])
    .groupBy(['o.education_form', 'o.field'])
    .orderBy('o.education_form')
    .orderBy('o.field')
    .execute();
  return rows.map((r) => ({ educationForm: r.education_form, field: r.field, count: Number(r.n) }));
}
