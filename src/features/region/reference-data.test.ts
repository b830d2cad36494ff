import { describe, expect, it } from 'vitest';
import { loadReferenceMunicipalities, parseMunicipalities } from './reference-data.js';

describe('reference municipalities', () => {
  const municipalities = loadReferenceMunicipalities();

  it('has all 308 municipalities of the 2026 division with three-digit codes', () => {
    expect(municipalities).toHaveLength(308);
    expect(municipalities.every((m) => /^\d{3}$/.test(m.code))).toBe(true);
  });

  it('joins the 2018 upper-secondary cohorts to every municipality, Swedish names included', () => {
    expect(municipalities.filter((m) => m.cohort_16_17 === null)).toEqual([]);
    expect(municipalities.find((m) => m.code === '854')).toMatchObject({ name_fi: 'Pello', cohort_16_17: 60, cohort_year: 2018 });
    expect(municipalities.find((m) => m.name_sv === 'Mariehamn')?.cohort_16_17).toBeGreaterThan(0);
  });

  it('gives every municipality a centre, from its schools where the list has none', () => {
    expect(municipalities.filter((m) => m.lat === null || m.lon === null)).toEqual([]);
    const tuusula = municipalities.find((m) => m.code === '858')!;
    expect(tuusula.lat).toBeGreaterThan(60.3);
    expect(tuusula.lat).toBeLessThan(60.5);
  });

  it('averages school locations for a municipality without a centre point', () => {
    const list = 'kunta,municipality_name_fi,municipality_name_sv,maakunta_code,maakunta_name_fi,centre_lon,centre_lat,population,population_year\n001,Testi,Test,1,Uusimaa,,,100,2022\n';
    const paavo = '"Area"\n"Testi"\n';
    const schools = 'code,municipality_code,lat,lon\n1,001,60,24\n2,001,61,26\n';
    expect(parseMunicipalities(list, paavo, schools)[0]).toMatchObject({ lat: 60.5, lon: 25 });
  });
});
