import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { KOPA_PILOT_REGIONS, municipalityCodesOf } from './kopa-pilot-regions.js';
import { readFormerMunicipalities, readReferenceFile } from './reference-data.js';

const municipalities = (parse(readReferenceFile('fi_municipalities_2026.csv'), { columns: true }) as Record<string, string>[]).map((row) => ({
  code: row['kunta']!.padStart(3, '0'),
  nameFi: row['municipality_name_fi']!,
}));

describe('the KOPA pilot regions', () => {
  it('are the twelve of the network, with unique keys', () => {
    expect(KOPA_PILOT_REGIONS).toHaveLength(12);
    expect(new Set(KOPA_PILOT_REGIONS.map((t) => t.key)).size).toBe(12);
  });

  it('resolve to 42 municipalities of today (Loviisa, Porvoo and Sipoo are in two pilots; Honkajoki is now Kankaanpää)', () => {
    const codes = KOPA_PILOT_REGIONS.flatMap((t) => municipalityCodesOf(t, municipalities, readFormerMunicipalities()));
    expect(new Set(codes).size).toBe(42);
    expect(municipalityCodesOf(KOPA_PILOT_REGIONS.find((t) => t.key === 'pohjois-satakunta')!, municipalities, readFormerMunicipalities())).toEqual(['214']);
    expect(municipalityCodesOf(KOPA_PILOT_REGIONS.find((t) => t.key === 'kemi-tornionlaakso')!, municipalities, [])).toEqual(['854', '976']);
  });

  it('refuses a name that is not a municipality', () => {
    expect(() => municipalityCodesOf({ key: 'x', nameFi: 'X', municipalities: ['Atlantis'], providers: [] }, municipalities, [])).toThrow(/Atlantis/);
  });
});
