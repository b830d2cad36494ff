import type { Selectable } from 'kysely';
import type { Db } from '../../server/db/database.js';
import type { MunicipalityTable, RegionTable } from '../../server/db/schema.js';
import { travelParametersOf } from '../travel/estimate.js';

export function municipalityDto(m: Selectable<MunicipalityTable>) {
  return {
    code: m.code,
    nameFi: m.name_fi,
    nameSv: m.name_sv,
    maakuntaCode: m.maakunta_code,
    maakuntaNameFi: m.maakunta_name_fi,
    lat: m.lat,
    lon: m.lon,
    population: m.population,
    populationYear: m.population_year,
    cohort13to15: m.cohort_13_15,
    cohort16to17: m.cohort_16_17,
    cohort18to19: m.cohort_18_19,
    cohortYear: m.cohort_year,
  };
}

export async function listMunicipalities(db: Db, regionId?: number) {
  let query = db.selectFrom('municipality').selectAll('municipality').orderBy('municipality.name_fi');
  if (regionId !== undefined) {
    query = query
      .innerJoin('region_municipality as rm', 'rm.municipality_code', 'municipality.code')
      .where('rm.region_id', '=', regionId);
  }
  return (await query.execute()).map(municipalityDto);
}

export async function findMunicipality(db: Db, code: string) {
  return db.selectFrom('municipality').selectAll().where('code', '=', code).executeTakeFirst();
}

export function regionDto(r: Selectable<RegionTable>, municipalityCodes: string[]) {
  return {
    id: r.id,
    code: r.code,
    nameFi: r.name_fi,
    nameSv: r.name_sv,
    nameEn: r.name_en,
    isDemo: r.is_demo,
    travel: travelParametersOf(r),
    dailyTravelLimitMinutes: r.daily_travel_limit_minutes,
    municipalityCodes,
  };
}

export async function listRegions(db: Db) {
  const [regions, members] = await Promise.all([
    db.selectFrom('region').selectAll().orderBy('name_fi').execute(),
    db.selectFrom('region_municipality').selectAll().orderBy('municipality_code').execute(),
  ]);
  return regions.map((r) =>
    regionDto(
      r,
      members.filter((m) => m.region_id === r.id).map((m) => m.municipality_code),
    ),
  );
}
