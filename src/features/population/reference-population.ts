import { readFileSync } from 'node:fs';
import type { Db } from '../../server/db/database.js';
import { REFERENCE_DIR } from '../region/reference-data.js';
import { importPopulation } from './population-import.js';

export const REFERENCE_POPULATION_FILES = ['paavo_2018_municipality_age_groups.csv', 'population_totals_2000_2022.csv'];

/** The population statistics shipped in data/reference (see data/SOURCES.md), loaded when the table is empty. */
export async function loadReferencePopulation(db: Db) {
  if (await db.selectFrom('population').select('year').limit(1).executeTakeFirst()) return;
  for (const name of REFERENCE_POPULATION_FILES) {
    await importPopulation(db, { name, content: readFileSync(REFERENCE_DIR + name) }, { source: `Statistics Finland / THL: ${name}` });
  }
}
