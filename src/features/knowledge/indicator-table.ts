import type { RegionIndicators } from './region-indicators.js';

/** Columns of the indicator table, as exported; the dashboard shows the same figures. */
export const INDICATOR_COLUMNS = [
  'municipality_code',
  'municipality',
  'cohort_year',
  'cohort_16_18',
  'cohort_16_18_2030',
  'cohort_16_18_2035',
  'change_to_2035_percent',
  'annual_change_percent',
  'nearest_lukio_min',
  'nearest_vocational_min',
  'nearest_any_min',
  'lukio_offerings_within_30',
  'lukio_offerings_within_60',
  'vocational_offerings_within_30',
  'vocational_offerings_within_60',
  'remote_or_online_lukio',
  'remote_or_online_vocational',
  'travel_model',
] as const;

export function indicatorRows(indicators: RegionIndicators): Record<(typeof INDICATOR_COLUMNS)[number], string | number | boolean | null>[] {
  return indicators.municipalities.map((m) => ({
    municipality_code: m.code,
    municipality: m.nameFi,
    cohort_year: m.cohortYear,
    cohort_16_18: m.cohort16to18,
    cohort_16_18_2030: m.projection['2030'] ?? null,
    cohort_16_18_2035: m.projection['2035'] ?? null,
    change_to_2035_percent: changeTo2035(m),
    annual_change_percent: m.annualChange ? Math.round(m.annualChange.rate * 1000) / 10 : null,
    nearest_lukio_min: m.nearestMinutes.lukio,
    nearest_vocational_min: m.nearestMinutes.vocational,
    nearest_any_min: m.nearestMinutes.any,
    lukio_offerings_within_30: m.reachable[30].lukio,
    lukio_offerings_within_60: m.reachable[60].lukio,
    vocational_offerings_within_30: m.reachable[30].vocational,
    vocational_offerings_within_60: m.reachable[60].vocational,
    remote_or_online_lukio: m.remoteOrOnline.lukio,
    remote_or_online_vocational: m.remoteOrOnline.vocational,
    travel_model: m.travelModel ?? indicators.travelModel,
  }));
}

/** Percentage change of the 16–18-year-olds from the age data's year to 2035. */
export function changeTo2035(m: { cohort16to18: number | null; projection: Record<string, number> }): number | null {
  const future = m.projection['2035'];
  if (!m.cohort16to18 || future === undefined) return null;
  return Math.round((1000 * (future - m.cohort16to18)) / m.cohort16to18) / 10;
}
