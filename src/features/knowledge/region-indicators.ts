import { sql } from 'kysely';
import type { Db } from '../../server/db/database.js';
import { notFound } from '../../server/http/errors.js';
import { annualChangeRate, projectCohorts, singleYearAges, sixteenToEighteen } from '../population/cohort-projection.js';
import { coversYoungAges, OPEN_AGE } from '../population/population-rows.js';
import type { SiteTravelTimes } from '../travel/site-travel-times.js';
import type { GeoPoint } from '../travel/estimate.js';
import type { TravelModel, TravelTimeProvider } from '../travel/travel-time-provider.js';
import { AccessibilityFields, type ClassedSite, type Nearest } from './accessibility-fields.js';
import { ACCESS_CLASSES, reachableOfferings, THRESHOLDS, type AccessClass, type SiteOfferings } from './accessibility.js';

/** Projections reach at least this year, and at least ten years past the age data. */
export const PROJECTION_HORIZON = 2035;
const ON_SITE_MODES = ['onsite', 'hybrid', 'workplace'];
const CLASS_OF_FORM: Record<string, AccessClass> = { general_upper_secondary: 'lukio', vocational: 'vocational' };

export type RegionIndicators = Awaited<ReturnType<typeof computeRegionIndicators>>;

/**
 * Every indicator of the region's municipalities: upper-secondary cohorts and their projection,
 * and the accessibility of lukio and vocational education from each municipality's centre
 * (see docs/knowledge-base.md for the method).
 */
export async function computeRegionIndicators(db: Db, travelTimes: SiteTravelTimes, regionId: number, kept: KeptAccessibility = new Map()) {
  const region = await db.selectFrom('region').selectAll().where('id', '=', regionId).executeTakeFirst();
  if (!region) throw notFound('Region');
  const municipalities = await db
    .selectFrom('region_municipality as rm')
    .innerJoin('municipality as m', 'm.code', 'rm.municipality_code')
    .select(['m.code', 'm.name_fi', 'm.name_sv', 'm.lat', 'm.lon'])
    .where('rm.region_id', '=', regionId)
    .orderBy('m.name_fi')
    .execute();
  const codes = municipalities.map((m) => m.code);
  const [population, siteCounts, distanceFree, roadNetwork, models] = await Promise.all([
    codes.length ? db.selectFrom('population').select(['municipality_code', 'year', 'age_from', 'age_to', 'count']).where('municipality_code', 'in', codes).execute() : [],
    db
      .selectFrom('offering')
      .select(['site_id', 'education_form', sql<number>`count(*)::int`.as('n')])
      .where('status', '=', 'published')
      .where('mode', 'in', ON_SITE_MODES)
      .where('site_id', 'is not', null)
      .where('education_form', 'in', Object.keys(CLASS_OF_FORM))
      .groupBy(['site_id', 'education_form'])
      .execute(),
    db
      .selectFrom('offering')
      .select(['education_form', sql<number>`count(*)::int`.as('n')])
      .where('status', '=', 'published')
      .where('region_id', '=', regionId)
      .where('mode', 'in', ['remote', 'online'])
      .where('education_form', 'in', Object.keys(CLASS_OF_FORM))
      .groupBy('education_form')
      .execute(),
    db.selectFrom('road_network').select(['source', 'imported_at', 'node_count']).where('region_id', '=', regionId).executeTakeFirst(),
    travelTimes.models(),
  ]);

  const offerings = new Map<number, Record<AccessClass, number>>();
  for (const row of siteCounts) {
    const counts = offerings.get(row.site_id!) ?? { lukio: 0, vocational: 0, any: 0 };
    counts[CLASS_OF_FORM[row.education_form]!] += row.n;
    counts.any += row.n;
    offerings.set(row.site_id!, counts);
  }
  const remoteOrOnline = {
    lukio: distanceFree.some((r) => r.education_form === 'general_upper_secondary' && r.n > 0),
    vocational: distanceFree.some((r) => r.education_form === 'vocational' && r.n > 0),
  };

  const cohorts = new Map(municipalities.map((m) => [m.code, cohortsOf(population.filter((p) => p.municipality_code === m.code))]));
  const centres = municipalities.filter((m) => m.lat !== null && m.lon !== null);
  const classedSites = models.sites.flatMap((site) => {
    const counts = offerings.get(site.id);
    return counts ? [{ ...site, classes: ACCESS_CLASSES.filter((kind) => counts[kind] > 0) }] : [];
  });
  // Read in one synchronous stretch: another computation of the region may update the same fields.
  const fields = accessibilityFieldsFor(kept, regionId, centres.map((m) => ({ lat: m.lat!, lon: m.lon! })), models.providers, classedSites);
  const cohortOf = (m: (typeof municipalities)[number]) => Math.round(cohorts.get(m.code)?.now ?? 0);
  fields.setPeople(centres.map(cohortOf), municipalities.filter((m) => !centres.includes(m)).reduce((sum, m) => sum + cohortOf(m), 0));
  // One reading for the fixed thresholds and the region's daily travel limit (the fields keep one set of thresholds).
  const dailyLimit = region.daily_travel_limit_minutes;
  const shares = fields.sharesWithin([...new Set<number>([...THRESHOLDS, dailyLimit])]);
  const sharesAt = <T extends number>(thresholds: readonly T[]) =>
    Object.fromEntries(ACCESS_CLASSES.map((kind) => [kind, Object.fromEntries(thresholds.map((t) => [t, shares[kind][t] ?? null]))])) as Record<AccessClass, Record<T, number | null>>;
  const share16to18Within = sharesAt(THRESHOLDS);
  const withinDailyLimit = Object.fromEntries(ACCESS_CLASSES.map((kind) => [kind, shares[kind][dailyLimit] ?? null])) as Record<AccessClass, number | null>;
  const nearestByCode = new Map(centres.map((m, origin) => [m.code, Object.fromEntries(ACCESS_CLASSES.map((kind) => [kind, fields.nearest(kind, origin)])) as Record<AccessClass, Nearest>]));

  const rows = await Promise.all(
    municipalities.map(async (m) => {
      const municipalityCohorts = cohorts.get(m.code);
      const travel = await travelTimes.fromHome(m.code);
      const reachable = reachableOfferings(travel?.minutesBySite ?? new Map(), offerings as SiteOfferings);
      const nearest = nearestByCode.get(m.code);
      return {
        code: m.code,
        nameFi: m.name_fi,
        nameSv: m.name_sv,
        cohortYear: municipalityCohorts?.baseYear ?? null,
        cohort16to18: municipalityCohorts ? Math.round(municipalityCohorts.now) : null,
        projection: municipalityCohorts?.projection ?? {},
        projectionByAge: municipalityCohorts?.byAge ?? [],
        annualChange: municipalityCohorts?.change ?? null,
        nearestMinutes: Object.fromEntries(ACCESS_CLASSES.map((kind) => [kind, nearest?.[kind].minutes ?? null])) as Record<AccessClass, number | null>,
        nearestModel: Object.fromEntries(ACCESS_CLASSES.map((kind) => [kind, nearest?.[kind].model ?? null])) as Record<AccessClass, TravelModel | null>,
        reachable60: { lukio: reachable[60].lukio, vocational: reachable[60].vocational },
        reachable,
        remoteOrOnline,
        travelModel: modelOf([...offerings.keys()].flatMap((site) => travel?.modelBySite.get(site) ?? [])),
      };
    }),
  );
  return {
    region: { id: region.id, code: region.code, nameFi: region.name_fi, nameSv: region.name_sv, nameEn: region.name_en, isDemo: region.is_demo },
    computedAt: new Date().toISOString(),
    travelModel: modelOf(rows.map((r) => r.travelModel)) ?? 'estimate',
    roadNetwork: roadNetwork ? { source: roadNetwork.source, importedAt: new Date(roadNetwork.imported_at).toISOString(), nodes: roadNetwork.node_count } : null,
    municipalities: rows,
    totals: {
      cohort16to18: rows.reduce((sum, r) => sum + (r.cohort16to18 ?? 0), 0),
      projection: sumProjections(rows.map((r) => r.projection)),
      share16to18Within: share16to18Within,
      /** The region's daily travel limit (one way) and the share of the cohort whose nearest site of each kind is within it. */
      dailyTravelLimitMinutes: dailyLimit,
      share16to18WithinDailyLimit: withinDailyLimit,
    },
  };
}

/** Each region's accessibility fields, kept between computations and updated when sites change. */
export type KeptAccessibility = Map<number, AccessibilityFields<AccessClass>>;

function accessibilityFieldsFor(
  kept: KeptAccessibility,
  regionId: number,
  origins: readonly GeoPoint[],
  providers: ReadonlyMap<number, TravelTimeProvider>,
  sites: readonly ClassedSite[],
): AccessibilityFields<AccessClass> {
  const fields = kept.get(regionId);
  if (fields?.fits(origins, providers)) {
    fields.update(sites);
    return fields;
  }
  const built = new AccessibilityFields(origins, providers, ACCESS_CLASSES, sites);
  kept.set(regionId, built);
  return built;
}

/** Which model produced a set of figures: one of them, both ('mixed'), or none. */
function modelOf(models: readonly (TravelModel | 'mixed' | null)[]): TravelModel | 'mixed' | null {
  const distinct = new Set(models.filter((m) => m !== null));
  if (distinct.size > 1) return 'mixed';
  return [...distinct][0] ?? null;
}

/**
 * The cohorts of one municipality from its latest age data that covers every age up to 19 (a file
 * of only some ages, such as the 16- and 17-year-olds, does not make a year the base: the ages it
 * lacks would count as nobody), else its latest age data; projected with its own history.
 */
function cohortsOf(rows: { year: number; age_from: number; age_to: number; count: number }[]) {
  const bands = rows.filter((r) => !(r.age_from === 0 && r.age_to === OPEN_AGE) && r.age_from <= 19);
  const complete = [...new Set(bands.map((b) => b.year))].filter((year) => coversYoungAges(bands.filter((b) => b.year === year)));
  const baseYear = Math.max(...(complete.length > 0 ? complete : bands.map((b) => b.year)));
  if (!Number.isFinite(baseYear)) return null;
  const ages = singleYearAges(bands.filter((b) => b.year === baseYear).map((b) => ({ from: b.age_from, to: b.age_to, count: b.count })), 19);
  const change = annualChangeRate(rows.filter((r) => r.age_from === 0 && r.age_to === OPEN_AGE).map((r) => ({ year: r.year, count: r.count })));
  const years = projectCohorts(ages, baseYear, change?.rate ?? 0, { toYear: Math.max(PROJECTION_HORIZON, baseYear + 10), fromAge: 13, toAge: 19 });
  return {
    baseYear,
    change,
    now: sixteenToEighteen(years[0]!),
    projection: Object.fromEntries(years.slice(1).map((y) => [y.year, Math.round(sixteenToEighteen(y))])),
    byAge: years.map((y) => ({ year: y.year, ages: Object.fromEntries(Object.entries(y.byAge).map(([age, n]) => [age, Math.round(n * 10) / 10])) })),
  };
}

function sumProjections(projections: Record<string, number>[]): Record<string, number> {
  const total: Record<string, number> = {};
  for (const p of projections) for (const [year, n] of Object.entries(p)) total[year] = (total[year] ?? 0) + n;
  return total;
}

