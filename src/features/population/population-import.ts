import type { Db } from '../../server/db/database.js';
import { giveWay } from '../../server/db/give-way.js';
import { badRequest, type FieldIssue } from '../../server/http/errors.js';
import { excerpt } from '../../server/http/excerpt.js';
import { foldForSearch } from '../catalog/search-text.js';
import { readJsonStat } from './json-stat.js';
import { readPopulationCsv } from './population-csv.js';
import { MUNICIPAL_MERGERS, type PopulationFigure } from './population-rows.js';

const BATCH = 1000;

export interface PopulationImportResult {
  written: number;
  /** Figures for the whole country or a region in the file, which are not stored. */
  skippedAggregates: number;
}

/**
 * Imports a population file (JSON-stat 2, or CSV in the long or Paavo layout). Every figure is
 * checked first — a known municipality, a year, an age band, a whole non-negative count, each
 * figure once — and any problem rejects the whole file with its row; nothing is written. Figures
 * already stored are replaced, so importing the same file twice changes nothing.
 */
export async function importPopulation(
  db: Db,
  file: { name: string; text: string },
  options: { source?: string; onProgress?: (done: number, total: number) => void } = {},
): Promise<PopulationImportResult> {
  const municipalities = await db.selectFrom('municipality').select(['code', 'name_fi', 'name_sv']).execute();
  const codes = new Set(municipalities.map((m) => m.code));
  const byName = new Map(municipalities.flatMap((m) => [[foldForSearch(m.name_fi), m.code], [foldForSearch(m.name_sv), m.code]] as const));
  const isJson = /\.json$/i.test(file.name) || file.text.trimStart().startsWith('{');
  const { figures, skippedAggregates } = isJson ? readJsonStat(file.text) : readPopulationCsv(file.text, (name) => byName.get(foldForSearch(name)));

  const issues = figureIssues(withMergersAdded(figures), codes);
  if (issues.length > 0) throw badRequest(issues.slice(0, 200), `${issues.length} problems in the file; nothing was imported`);

  const source = options.source ?? file.name;
  const current = withMergersAdded(figures);
  // A batch a transaction, giving way between them: a national file must not stop other users. A stop
  // in the middle leaves the figures written so far; importing the file again completes it.
  for (let i = 0; i < current.length; i += BATCH) {
    const started = performance.now();
    const rows = current.slice(i, i + BATCH).map((f) => ({
      municipality_code: f.municipalityCode,
      year: f.year!,
      age_from: f.ageFrom,
      age_to: f.ageTo,
      count: f.count!,
      source,
    }));
    await db
      .insertInto('population')
      .values(rows)
      .onConflict((oc) => oc.columns(['municipality_code', 'year', 'age_from', 'age_to']).doUpdateSet((eb) => ({ count: eb.ref('excluded.count'), source: eb.ref('excluded.source') })))
      .execute();
    options.onProgress?.(Math.min(current.length, i + BATCH), current.length);
    await giveWay(started);
  }
  return { written: current.length, skippedAggregates };
}

/** Figures of municipalities merged since are added to the municipality they joined. */
function withMergersAdded(figures: PopulationFigure[]): PopulationFigure[] {
  const joined = (f: PopulationFigure) => MUNICIPAL_MERGERS.get(foldForSearch(f.municipalityCode)) ?? MUNICIPAL_MERGERS.get(f.municipalityCode);
  const key = (f: PopulationFigure) => `${f.municipalityCode}/${f.year}/${f.ageFrom}-${f.ageTo}`;
  const result = figures.filter((f) => !joined(f));
  const index = new Map(result.map((f, i) => [key(f), i]));
  for (const f of figures.filter(joined)) {
    const moved = { ...f, municipalityCode: joined(f)! };
    const i = index.get(key(moved));
    if (i === undefined) index.set(key(moved), result.push(moved) - 1);
    else result[i] = { ...result[i]!, count: result[i]!.count === null || moved.count === null ? null : result[i]!.count! + moved.count };
  }
  return result;
}

function figureIssues(figures: PopulationFigure[], codes: ReadonlySet<string>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  for (const f of figures) {
    const issue = (path: string, code: string, message: string) => issues.push({ row: f.row, path, code, message: `${excerpt(f.at, 80)}: ${message}` });
    if (!codes.has(f.municipalityCode)) issue('municipality', 'unknown_municipality', `unknown municipality "${excerpt(f.municipalityCode)}"`);
    if (f.year === null) issue('year', 'missing_year', 'the year is missing');
    if (f.ageFrom < 0) issue('age', 'unknown_age', 'the age band is not readable');
    if (f.count === null) issue('count', 'missing_count', 'the count is missing');
    else if (!Number.isInteger(f.count)) issue('count', 'not_integer', `the count ${f.count} is not a whole number`);
    else if (f.count < 0) issue('count', 'negative_count', `the count ${f.count} is negative`);
    const key = `${f.municipalityCode}/${f.year}/${f.ageFrom}-${f.ageTo}`;
    if (seen.has(key)) issue('count', 'duplicate', `a second figure for ${key}`);
    seen.add(key);
  }
  return issues;
}
