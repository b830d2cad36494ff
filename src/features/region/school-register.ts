import { parse } from 'csv-parse/sync';
import { foldForSearch } from '../catalog/search-text.js';
import { readReferenceFile } from './reference-data.js';

/** A school of the national register (Opetushallitus / Statistics Finland, data/SOURCES.md), with its coordinates. */
export interface RegisterSchool {
  code: string;
  name: string;
  /** `upper_secondary`, `comprehensive`, `vocational`… as the register groups schools. */
  type: string;
  municipalityCode: string;
  postalCode: string;
  lat: number;
  lon: number;
}

let register: { school: RegisterSchool; folded: string }[] | undefined;

/** The bundled register, read once. */
export function schoolRegister(): readonly { school: RegisterSchool; folded: string }[] {
  return (register ??= (parse(readReferenceFile('fi_schools_all.csv'), { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[])
    .filter((row) => row['lat'] && row['lon'])
    .map((row) => {
      const school = {
        code: row['code']!,
        name: row['name']!,
        type: row['type']!,
        municipalityCode: row['municipality_code']!,
        postalCode: row['postal_code']!,
        lat: Number(row['lat']),
        lon: Number(row['lon']),
      };
      return { school, folded: foldForSearch(school.name) };
    }));
}

export const findRegisterSchool = (code: string) => schoolRegister().find((entry) => entry.school.code === code)?.school;

/**
 * Schools whose name has every word of the query (accent-insensitive), optionally within some
 * municipalities; upper secondary schools first, then by name; at most `limit`.
 */
export function searchSchoolRegister(query: string, options: { municipalityCodes?: readonly string[]; limit: number }): RegisterSchool[] {
  const words = foldForSearch(query).split(' ').filter(Boolean);
  const within = options.municipalityCodes ? new Set(options.municipalityCodes) : null;
  return schoolRegister()
    .filter((entry) => (!within || within.has(entry.school.municipalityCode)) && words.every((word) => entry.folded.includes(word)))
    .map((entry) => entry.school)
    .sort((a, b) => Number(b.type === 'upper_secondary') - Number(a.type === 'upper_secondary') || a.name.localeCompare(b.name, 'fi'))
    .slice(0, options.limit);
}
