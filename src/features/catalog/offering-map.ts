import { sql } from 'kysely';
import type { Db } from '../../server/db/database.js';
import type { SiteTravelTimes, TravelFromHome } from '../travel/site-travel-times.js';
import { nearestSites } from '../travel/nearest-sites.js';
import { nearestFirstOf, searchBasis, travelRelation, type FilteredOfferings, type OfferingSearch } from './offering-search.js';

/** The map shows at most this many sites: a phone draws them, and a broad national search would send thousands. */
export const MAP_SITE_CAP = 100;
/** Without a home, the map's sites come from at most this many matching offerings. */
export const MAP_OFFERING_CAP = 3000;

export interface MapCaps {
  sites: number;
  offerings: number;
}

interface MapSiteRow {
  id: number;
  name: string;
  municipality_code: string;
  lat: number;
  lon: number;
  location_approximate: boolean;
  n: number;
}

interface MapSites {
  sites: MapSiteRow[];
  /** False when sites of the search were left out. */
  complete: boolean;
}

const SITE_COLUMNS = ['s.id', 's.name', 's.municipality_code', 's.lat', 's.lon', 's.location_approximate'] as const;

/**
 * The matches at the given sites counted per site, with what the map shows of each site; at
 * every site when `siteIds` is undefined (filtering by a long list costs more than counting all).
 */
function countedAtSites(db: Db, filtered: FilteredOfferings, siteIds: readonly number[] | undefined) {
  const counts = (siteIds ? filtered.where('o.site_id', '=', sql<number>`any(${siteIds}::int[])`) : filtered.where('o.site_id', 'is not', null))
    .select(['o.site_id', sql<number>`count(*)`.as('n')])
    .groupBy('o.site_id')
    .as('c');
  return db.selectFrom(counts).innerJoin('site as s', 's.id', 'c.site_id').select([...SITE_COLUMNS, 'c.n']);
}

/**
 * Of the given sites (all within reach), the nearest `cap` that hold matches, in one query, and
 * how many hold matches in all: the count is taken before the limit. The ring's few sites are
 * read through the site index; every reachable site is joined to the counts instead.
 */
async function nearestHolding(db: Db, filtered: FilteredOfferings, siteIds: readonly number[], travel: TravelFromHome, cap: number, isRing: boolean) {
  const nearest = countedAtSites(db, filtered, isRing ? siteIds : undefined)
    .innerJoin(travelRelation(siteIds, travel.minutesBySite), (join) => join.onRef('t.site_id', '=', 's.id'))
    .select(sql<number>`count(*) over ()`.as('holding'))
    .orderBy('t.minutes')
    .orderBy('s.id')
    .limit(cap)
    .as('nearest');
  const rows = await db.selectFrom(nearest).selectAll().orderBy('name').execute();
  return { sites: rows as MapSiteRow[], holding: rows.length === 0 ? 0 : Number(rows[0]!.holding) };
}

/**
 * The nearest sites from home that hold matches, up to the cap. A broad search finds them among
 * the nearest `cap` sites and reads only their offerings; a search that does not is narrow, and
 * its matches are counted at every site it can reach. (A middle ring of four times the cap was
 * measured slower at p95 on the benchmark: it adds a query to the searches that need all sites.)
 * At reachable sites the matches are the filters' own: the travel limit adds nothing there.
 */
async function sitesNearHome(db: Db, filtered: FilteredOfferings, travel: TravelFromHome, f: OfferingSearch, cap: MapCaps): Promise<MapSites> {
  const order = nearestFirstOf(travel, f.region);
  const reachable = nearestSites(order, travel.minutesBySite, Infinity, f.maxMinutes);
  const ring = nearestSites(order, travel.minutesBySite, cap.sites, f.maxMinutes);
  const ringIsEverySite = ring.length === reachable.length;
  const inRing = await nearestHolding(db, filtered, ring, travel, cap.sites, true);
  if (inRing.holding >= cap.sites || ringIsEverySite) return { sites: inRing.sites, complete: ringIsEverySite && inRing.holding <= cap.sites };
  const everywhere = await nearestHolding(db, filtered, reachable, travel, cap.sites, false);
  return { sites: everywhere.sites, complete: everywhere.holding <= cap.sites };
}

/**
 * Without a home: the sites of the first matches the database finds, those with the most of them
 * first, chosen in the database so that only the map's sites are sent. When the sample leaves
 * matches or sites out, the chosen sites are counted again, exactly.
 */
async function sitesOfFirstMatches(db: Db, filtered: FilteredOfferings, cap: MapCaps): Promise<MapSites> {
  const firstMatches = filtered
    .where('o.site_id', 'is not', null)
    .select(['o.site_id', sql<number>`row_number() over ()`.as('nth')])
    .limit(cap.offerings + 1)
    .as('m');
  const perSite = db
    .selectFrom(firstMatches)
    .select(['m.site_id', sql<number>`count(*) filter (where m.nth <= ${cap.offerings})`.as('n'), sql<number>`count(*)`.as('taken')])
    .groupBy('m.site_id')
    .as('g');
  const busiest = db
    .selectFrom(perSite)
    .select(['g.site_id', 'g.n', sql<number>`count(*) filter (where g.n > 0) over ()`.as('holding'), sql<number>`sum(g.taken) over ()`.as('taken')])
    .orderBy('g.n', 'desc')
    .orderBy('g.site_id')
    .limit(cap.sites)
    .as('b');
  const rows = await db
    .selectFrom(busiest)
    .innerJoin('site as s', 's.id', 'b.site_id')
    .select([...SITE_COLUMNS, 'b.n', 'b.holding', 'b.taken'])
    .where('b.n', '>', 0)
    .orderBy('s.name')
    .execute();
  if (rows.length === 0) return { sites: [], complete: true };
  const isEveryMatch = Number(rows[0]!.taken) <= cap.offerings;
  if (isEveryMatch && Number(rows[0]!.holding) <= cap.sites) return { sites: rows, complete: true };
  const sites = await countedAtSites(db, filtered, rows.map((r) => r.id)).orderBy('s.name').execute();
  return { sites: sites as MapSiteRow[], complete: false };
}

/**
 * Sites of the matching offerings, for the map: one point per site with its offering count, by
 * name. At most MAP_SITE_CAP of them (`complete` false when some were left out): the nearest to
 * home, or without a home those of the first matches; bounded work either way (docs/decisions/0005-bounded-tray-map.md).
 */
export async function searchOfferingSites(
  db: Db,
  travelTimes: SiteTravelTimes,
  f: OfferingSearch,
  caps: MapCaps = { sites: MAP_SITE_CAP, offerings: MAP_OFFERING_CAP },
) {
  const { travel, matches } = await searchBasis(db, travelTimes, f);
  const { sites, complete } = travel ? await sitesNearHome(db, matches.filtered, travel, f, caps) : await sitesOfFirstMatches(db, matches.filtered, caps);
  const items = sites.map((s) => ({
    id: s.id,
    name: s.name,
    municipalityCode: s.municipality_code,
    lat: s.lat,
    lon: s.lon,
    locationApproximate: s.location_approximate,
    offeringCount: Number(s.n),
    travelMinutes: travel?.minutesBySite.get(s.id) ?? null,
    travelModel: travel?.modelBySite.get(s.id) ?? null,
  }));
  return { items, complete };
}
