import { courseOut } from './course-dto.js';
import type { Db } from '../../server/db/database.js';
import { foldForSearch, likePattern } from './search-text.js';

export async function listOrganizations(db: Db, filter: { region?: number; kind?: string }) {
  let query = db.selectFrom('organization').select(['id', 'region_id', 'kind', 'name', 'business_id', 'municipality_code', 'is_demo']).orderBy('name');
  if (filter.region) query = query.where('region_id', '=', filter.region);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  return (await query.execute()).map((o) => ({
    id: o.id,
    regionId: o.region_id,
    kind: o.kind,
    name: o.name,
    businessId: o.business_id,
    municipalityCode: o.municipality_code,
    isDemo: o.is_demo,
  }));
}

export async function listSites(db: Db, filter: { region?: number; organization?: number }) {
  let query = db.selectFrom('site').selectAll().orderBy('name');
  if (filter.region) query = query.where('region_id', '=', filter.region);
  if (filter.organization) query = query.where('organization_id', '=', filter.organization);
  return (await query.execute()).map((s) => ({
    id: s.id,
    regionId: s.region_id,
    organizationId: s.organization_id,
    name: s.name,
    address: s.address,
    municipalityCode: s.municipality_code,
    lat: s.lat,
    lon: s.lon,
    locationApproximate: s.location_approximate,
  }));
}

/** A page of the region's courses by code, and how many match in all. */
export async function listCourses(db: Db, filter: { region?: number; code?: string; q?: string; limit: number; offset?: number }) {
  let query = db.selectFrom('course');
  if (filter.region) query = query.where('region_id', '=', filter.region);
  if (filter.code) query = query.where('code', '=', filter.code);
  if (filter.q) query = query.where('search_text', 'like', likePattern(foldForSearch(filter.q)));
  const [items, { total }] = await Promise.all([
    query.selectAll().orderBy('code').limit(filter.limit).offset(filter.offset ?? 0).execute(),
    query.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items: items.map(courseOut), total: Number(total) };
}
