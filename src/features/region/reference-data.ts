import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { Insertable } from 'kysely';
import type { Db } from '../../server/db/database.js';
import type { MunicipalityTable } from '../../server/db/schema.js';

/** Real public data shipped with the project; see data/SOURCES.md for origin and licence. */
export const REFERENCE_DIR = fileURLToPath(new URL('../../../data/reference/', import.meta.url));

export const readReferenceFile = (name: string) => readFileSync(REFERENCE_DIR + name, 'utf8');

const PAAVO_YEAR = 2018;

type CsvRow = Record<string, string>;
const parseCsv = (text: string): CsvRow[] => parse(text, { columns: true, skip_empty_lines: true, bom: true });
const optionalNumber = (value: string | undefined) => (value ? Number(value) : null);

/**
 * Statistics Finland's municipality list joined with the Paavo 2018 age groups. Paavo names areas
 * without codes, in Finnish or (for Swedish-speaking municipalities) in Swedish.
 */
export function parseMunicipalities(municipalityCsv: string, paavoCsv: string, schoolsCsv: string): Insertable<MunicipalityTable>[] {
  const cohortsByName = new Map(parseCsv(paavoCsv).map((row) => [row['Area']!, row]));
  const schoolCentres = meanSchoolLocations(schoolsCsv);
  const column = (age: string) => `${age} years, ${PAAVO_YEAR} (HE)`;
  return parseCsv(municipalityCsv).map((row) => {
    const cohorts = cohortsByName.get(row['municipality_name_fi']!) ?? cohortsByName.get(row['municipality_name_sv']!);
    const code = row['kunta']!.padStart(3, '0');
    const fallback = row['centre_lat'] ? undefined : schoolCentres.get(code);
    return {
      code,
      name_fi: row['municipality_name_fi']!,
      name_sv: row['municipality_name_sv'] || row['municipality_name_fi']!,
      maakunta_code: row['maakunta_code']!,
      maakunta_name_fi: row['maakunta_name_fi']!,
      lat: optionalNumber(row['centre_lat']) ?? fallback?.lat ?? null,
      lon: optionalNumber(row['centre_lon']) ?? fallback?.lon ?? null,
      population: optionalNumber(row['population']),
      population_year: optionalNumber(row['population_year']),
      cohort_13_15: optionalNumber(cohorts?.[column('13-15')]),
      cohort_16_17: optionalNumber(cohorts?.[column('16-17')]),
      cohort_18_19: optionalNumber(cohorts?.[column('18-19')]),
      cohort_year: cohorts ? PAAVO_YEAR : null,
    };
  });
}

/**
 * The mean location of a municipality's schools: the centre used where Statistics Finland gives no
 * central locality (Tuusula in the 2026 list).
 */
function meanSchoolLocations(schoolsCsv: string) {
  const sums = new Map<string, { lat: number; lon: number; n: number }>();
  for (const row of parseCsv(schoolsCsv)) {
    if (!row['municipality_code'] || !row['lat']) continue;
    const sum = sums.get(row['municipality_code']) ?? { lat: 0, lon: 0, n: 0 };
    sums.set(row['municipality_code'], { lat: sum.lat + Number(row['lat']), lon: sum.lon + Number(row['lon']), n: sum.n + 1 });
  }
  return new Map([...sums].map(([code, s]) => [code, { lat: s.lat / s.n, lon: s.lon / s.n }]));
}

export function loadReferenceMunicipalities() {
  return parseMunicipalities(
    readReferenceFile('fi_municipalities_2026.csv'),
    readReferenceFile('paavo_2018_municipality_age_groups.csv'),
    readReferenceFile('fi_schools_all.csv'),
  );
}

/** Idempotent: re-running refreshes every municipality from the files. */
export async function upsertMunicipalities(db: Db, rows: Insertable<MunicipalityTable>[]) {
  await db
    .insertInto('municipality')
    .values(rows)
    .onConflict((oc) =>
      oc.column('code').doUpdateSet((eb) => ({
        name_fi: eb.ref('excluded.name_fi'),
        name_sv: eb.ref('excluded.name_sv'),
        maakunta_code: eb.ref('excluded.maakunta_code'),
        maakunta_name_fi: eb.ref('excluded.maakunta_name_fi'),
        lat: eb.ref('excluded.lat'),
        lon: eb.ref('excluded.lon'),
        population: eb.ref('excluded.population'),
        population_year: eb.ref('excluded.population_year'),
        cohort_13_15: eb.ref('excluded.cohort_13_15'),
        cohort_16_17: eb.ref('excluded.cohort_16_17'),
        cohort_18_19: eb.ref('excluded.cohort_18_19'),
        cohort_year: eb.ref('excluded.cohort_year'),
      })),
    )
    .execute();
}

type FormerMunicipality = { code: string; nameFi: string; nameSv: string; joinedCode: string };
let formerMunicipalities: FormerMunicipality[] | undefined;

/** Former municipalities and the one each joined (data/reference/municipal_mergers.csv), read once. */
export function readFormerMunicipalities(): readonly FormerMunicipality[] {
  return (formerMunicipalities ??= parseCsv(readReferenceFile('municipal_mergers.csv')).map((row) => ({
    code: row['former_code']!,
    nameFi: row['name_fi']!,
    nameSv: row['name_sv']!,
    joinedCode: row['joined_code']!,
  })));
}
