import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../server/db/database.js';
import { badRequest } from '../../server/http/errors.js';
import type { SiteTravelTimes, TravelFromHome } from '../travel/site-travel-times.js';
import { offeringDto, type OfferingRow } from './offering-dto.js';
import { foldForSearch, likePattern } from './search-text.js';
import {
  DELIVERY_MODES,
  EDUCATION_FORMS,
  FIELDS,
  MODES_WITHOUT_TRAVEL,
  TARGET_GROUPS,
  TEACHING_LANGUAGES,
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
  home: z.string().regex(/^\d{3}$/, 'three-digit municipality code').optional(),
  maxMinutes: z.coerce.number().int().min(1).max(600).optional(),
  mode: listOf(DELIVERY_MODES),
  form: listOf(EDUCATION_FORMS),
  field: listOf(FIELDS),
  lang: listOf(TEACHING_LANGUAGES),
  targetGroup: listOf(TARGET_GROUPS),
  period: z.coerce.number().int().min(1).max(6).optional(),
  municipality: z.string().regex(/^\d{3}$/, 'three-digit municipality code').optional(),
  region: z.coerce.number().int().positive().optional(),
  provider: z.coerce.number().int().positive().optional(),
  seatsLeft: booleanFlag.optional(),
  includeWithdrawn: booleanFlag.optional(),
  sort: z.enum(['travel', 'name', 'code']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type OfferingSearch = z.infer<typeof offeringSearchSchema>;

const NO_TRAVEL_MODES = sql.join(MODES_WITHOUT_TRAVEL.map((m) => sql.lit(m)));

/**
 * Offerings joined with course, provider, site and the travel minutes `t` of each site from the
 * home municipality (empty without a home, or only sites within `onlyWithin` minutes).
 */
function joinedOfferings(db: Db, travel: TravelFromHome | undefined, onlyWithin?: number) {
  const entries = [...(travel?.minutesBySite ?? [])].filter(
    ([, minutes]) => onlyWithin === undefined || minutes <= onlyWithin,
  );
  const siteIds = entries.map(([id]) => id);
  const minutes = entries.map(([, m]) => m);
  return db
    .selectFrom('offering as o')
    .innerJoin('course as c', 'c.id', 'o.course_id')
    .innerJoin('organization as p', 'p.id', 'o.provider_id')
    .leftJoin('site as s', 's.id', 'o.site_id')
    .leftJoin(
      sql<{ site_id: number; minutes: number }>`(select unnest(${siteIds}::int[]) as site_id, unnest(${minutes}::int[]) as minutes)`.as('t'),
      (join) => join.onRef('t.site_id', '=', 'o.site_id'),
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
    'o.capacity',
    'o.seats_for_partners',
    'o.target_groups',
    'o.fee_cents',
    'o.enrolment_start',
    'o.enrolment_end',
    'o.contact_name',
    'o.contact_email',
    'o.status',
    'o.is_demo',
    sql<number | null>`case when o.mode in (${NO_TRAVEL_MODES}) then null else t.minutes end`.as('travel_minutes'),
  ]);
}

export async function findOffering(db: Db, travelTimes: SiteTravelTimes, id: number, home?: string) {
  const travel = home ? await travelTimes.fromHome(home) : undefined;
  const row = await selectOfferingRow(joinedOfferings(db, travel)).where('o.id', '=', id).executeTakeFirst();
  return row && offeringDto(row as OfferingRow, row.travel_minutes, travel?.model ?? null);
}

function applyFilters(query: JoinedOfferings, f: OfferingSearch, withTravel: boolean): JoinedOfferings {
  if (!f.includeWithdrawn) query = query.where('o.status', '=', 'published');
  for (const word of foldForSearch(f.q ?? '').split(' ').filter(Boolean)) {
    const pattern = likePattern(word);
    query = query.where((eb) => eb.or([eb('c.search_text', 'like', pattern), eb('p.search_text', 'like', pattern)]));
  }
  if (f.mode) query = query.where('o.mode', 'in', f.mode);
  if (f.form) query = query.where('c.education_form', 'in', f.form);
  if (f.field) query = query.where('c.field', 'in', f.field);
  if (f.lang) query = query.where('o.language', 'in', f.lang);
  if (f.targetGroup) query = query.where(sql<boolean>`o.target_groups && ${f.targetGroup}::text[]`);
  if (f.period) query = query.where(sql<boolean>`${f.period}::int = any(o.periods)`);
  if (f.municipality) query = query.where('s.municipality_code', '=', f.municipality);
  if (f.region) query = query.where('o.region_id', '=', f.region);
  if (f.provider) query = query.where('o.provider_id', '=', f.provider);
  if (f.seatsLeft) query = query.where('o.seats_for_partners', '>', 0);
  if (withTravel && f.maxMinutes !== undefined) {
    query = query.where((eb) => eb.or([eb('o.mode', 'in', MODES_WITHOUT_TRAVEL), eb('t.minutes', 'is not', null)]));
  }
  return query;
}

function applySort<Q extends ReturnType<typeof selectOfferingRow>>(query: Q, sort: OfferingSearch['sort']) {
  switch (sort) {
    case 'travel':
      return query.orderBy(sql`travel_minutes asc nulls last`).orderBy('c.name_fi').orderBy('o.id');
    case 'code':
      return query.orderBy('c.code').orderBy('o.id');
    default:
      return query.orderBy('c.name_fi').orderBy('o.id');
  }
}

export async function searchOfferings(db: Db, travelTimes: SiteTravelTimes, f: OfferingSearch) {
  if (f.maxMinutes !== undefined && !f.home) {
    throw badRequest([{ path: 'querystring.home', code: 'required_with_max_minutes', message: 'give a home municipality with maxMinutes' }]);
  }
  const travel = f.home ? await travelTimes.fromHome(f.home) : undefined;
  if (f.home && !travel) {
    throw badRequest([{ path: 'querystring.home', code: 'unknown_municipality', message: 'no such municipality, or it has no centre point' }]);
  }
  const filtered = applyFilters(joinedOfferings(db, travel, f.maxMinutes), f, travel !== undefined);
  const sort = f.sort ?? (travel ? 'travel' : 'name');
  const rows = (await applySort(selectOfferingRow(filtered), sort)
    .select(sql<number>`count(*) over ()`.as('total_count'))
    .limit(f.limit)
    .offset(f.offset)
    .execute()) as (OfferingRow & { travel_minutes: number | null; total_count: number })[];
  const total = rows[0]?.total_count ?? (f.offset > 0 ? await countOfferings(filtered) : 0);
  return {
    items: rows.map((row) => offeringDto(row, row.travel_minutes, travel?.model ?? null)),
    total,
    limit: f.limit,
    offset: f.offset,
    travelModel: travel?.model ?? null,
  };
}

async function countOfferings(filtered: JoinedOfferings): Promise<number> {
  const row = await filtered.select(sql<number>`count(*)`.as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Sites of every matching offering, for the map: one point per site with its offering count. */
export async function searchOfferingSites(db: Db, travelTimes: SiteTravelTimes, f: OfferingSearch) {
  const travel = f.home ? await travelTimes.fromHome(f.home) : undefined;
  const filtered = applyFilters(joinedOfferings(db, travel, f.maxMinutes), f, travel !== undefined);
  const rows = await filtered
    .select([
      's.id',
      's.name',
      's.municipality_code',
      's.lat',
      's.lon',
      's.location_approximate',
      sql<number>`count(*)`.as('offering_count'),
    ])
    .where('o.site_id', 'is not', null)
    .groupBy(['s.id', 's.name', 's.municipality_code', 's.lat', 's.lon', 's.location_approximate'])
    .orderBy('s.name')
    .execute();
  return rows.map((r) => ({
    id: r.id as number,
    name: r.name as string,
    municipalityCode: r.municipality_code as string,
    lat: r.lat as number,
    lon: r.lon as number,
    locationApproximate: r.location_approximate as boolean,
    offeringCount: Number(r.offering_count),
    travelMinutes: travel?.minutesBySite.get(r.id as number) ?? null,
  }));
}
