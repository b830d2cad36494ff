import type { Db } from '../../server/db/database.js';
import { giveWay } from '../../server/db/give-way.js';
import { decodeText, type TextEncoding } from '../../server/files/text-encoding.js';
import { badRequest, type FieldIssue } from '../../server/http/errors.js';
import { excerpt } from '../../server/http/excerpt.js';
import { INT4_MAX } from '../../server/http/input-schemas.js';
import { readFormerMunicipalities } from '../region/reference-data.js';
import { readJsonStat } from './json-stat.js';
import { areaReader } from './population-areas.js';
import { PopulationFileError } from './population-dimensions.js';
import { readPopulationCsv } from './population-csv.js';
import { bandsToStore, figuresFromObservations, withMergersAdded } from './population-figures.js';
import { coversYoungAges, isTotalFigure, LAST_PROJECTED_AGE, municipalityYearOf, OPEN_AGE, type PopulationFigure, type PopulationNote } from './population-rows.js';

const BATCH = 1000;
/** The years the table holds (its check constraint): statistics of the past century, projections of this one. */
const [FIRST_YEAR, LAST_YEAR] = [1900, 2100];

export interface PopulationImportResult {
  written: number;
  /** Figures for the whole country or a region in the file, which are not stored. */
  skippedAggregates: number;
  /** Figures of municipalities outside the ones the import was limited to. */
  skippedOutsideRegion: number;
  /** The encoding the file was read in. */
  encoding: TextEncoding;
  /** What the import did that a planner should know (months taken as years, ages banded). */
  notes: PopulationNote[];
}

/**
 * Imports a population file (JSON-stat 1 or 2; CSV as PxWeb, Sotkanet or Paavo give it, in UTF-8
 * or Latin-1). Every figure is checked first — a known municipality, a year, an age band, a whole
 * non-negative count, each figure once — and any problem rejects the whole file with its row;
 * nothing is written. A municipality's year in the file replaces what is stored for it (its total,
 * and its ages when the file has ages), so importing the same file twice changes nothing.
 */
export async function importPopulation(
  db: Db,
  file: { name: string; content: Buffer },
  options: {
    source?: string;
    /** Import only these municipalities' figures (a region's); the others are counted, not stored. */
    onlyMunicipalities?: ReadonlySet<string>;
    onProgress?: (done: number, total: number) => void;
  } = {},
): Promise<PopulationImportResult> {
  const { text, encoding } = decodeText(file.content);
  const municipalities = await db.selectFrom('municipality').select(['code', 'name_fi', 'name_sv', 'maakunta_name_fi']).execute();
  const areaOf = areaReader({ municipalities, formerMunicipalities: readFormerMunicipalities() });
  const isJson = /\.json$/i.test(file.name) || text.trimStart().startsWith('{');
  const { observations } = isJson ? readJsonStat(text) : readPopulationCsv(text);
  const { figures, skippedAggregates, notes } = figuresFromObservations(observations, areaOf);

  const codes = new Set(municipalities.map((m) => m.code));
  const limit = options.onlyMunicipalities;
  // Unknown areas stay in, so that they are reported; known ones outside the limit are left out.
  const wanted = limit ? figures.filter((f) => !codes.has(f.municipalityCode) || limit.has(f.municipalityCode)) : figures;
  const skippedOutsideRegion = figures.length - wanted.length;
  if (skippedOutsideRegion > 0) notes.push({ code: 'outside_region', count: skippedOutsideRegion, message: `${skippedOutsideRegion} figures of municipalities outside the region were not imported.` });
  if (wanted.length === 0) throw new PopulationFileError("the file has no figures for the region's municipalities");
  const merged = withMergersAdded(wanted);
  const issues = figureIssues(merged, codes);
  if (issues.length > 0) throw badRequest(issues.slice(0, 200), `${issues.length} problems in the file; nothing was imported`);
  const stored = bandsToStore(merged, notes);
  const formers = new Set(wanted.flatMap((f) => (f.joinedFrom ? [f.joinedFrom] : []))).size;
  if (formers > 0) notes.push({ code: 'former_municipalities', count: formers, message: `Figures of ${formers} former municipalities were added to the municipality each joined.` });

  const source = options.source ?? file.name;
  // A municipality's year is written in one transaction, several to a batch, giving way between
  // batches: a national file must not stop other users. A stop in the middle leaves the years
  // written so far; importing the file again completes it.
  const batches = batchesOfWholeYears(stored);
  let done = 0;
  for (const batch of batches) {
    const started = performance.now();
    await db.transaction().execute(async (tx) => {
      // The file's ages of a year replace the stored bands they overlap (which may be banded differently,
      // such as Paavo's): a file of the 16- to 18-year-olds leaves the other ages as they were.
      const ranges = new Map<string, { code: string; year: number; from: number; to: number }>();
      for (const f of batch.filter((b) => !isTotalFigure(b))) {
        const key = municipalityYearOf(f);
        const range = ranges.get(key);
        ranges.set(key, { code: f.municipalityCode, year: f.year!, from: Math.min(range?.from ?? f.ageFrom, f.ageFrom), to: Math.max(range?.to ?? f.ageTo, f.ageTo) });
      }
      if (ranges.size > 0) {
        await tx
          .deleteFrom('population')
          .where((eb) =>
            eb.or(
              [...ranges.values()].map((r) =>
                eb.and([eb('municipality_code', '=', r.code), eb('year', '=', r.year), eb('age_from', '<=', r.to), eb('age_to', '>=', r.from), eb.not(eb.and([eb('age_from', '=', 0), eb('age_to', '=', OPEN_AGE)]))]),
              ),
            ),
          )
          .execute();
      }
      await tx
        .insertInto('population')
        .values(batch.map((f) => ({ municipality_code: f.municipalityCode, year: f.year!, age_from: f.ageFrom, age_to: f.ageTo, count: f.count!, source })))
        .onConflict((oc) => oc.columns(['municipality_code', 'year', 'age_from', 'age_to']).doUpdateSet((eb) => ({ count: eb.ref('excluded.count'), source: eb.ref('excluded.source') })))
        .execute();
    });
    done += batch.length;
    options.onProgress?.(done, stored.length);
    await giveWay(started);
  }
  const incomplete = await yearsMissingYoungAges(db, stored);
  if (incomplete > 0) {
    notes.push({
      code: 'ages_incomplete',
      count: incomplete,
      message: `${incomplete} municipality-years now stored do not cover every age 0–19, so cohorts and projections keep the latest year that does.`,
    });
  }
  return { written: stored.length, skippedAggregates, skippedOutsideRegion, encoding, notes };
}

/** Of the municipality-years just written, how many still lack some age 0–19 in what is stored (the file's ages with those kept). */
async function yearsMissingYoungAges(db: Db, written: readonly PopulationFigure[]): Promise<number> {
  const years = new Set(written.filter((f) => !isTotalFigure(f)).map(municipalityYearOf));
  if (years.size === 0) return 0;
  const rows = await db
    .selectFrom('population')
    .select(['municipality_code', 'year', 'age_from', 'age_to'])
    .where('municipality_code', 'in', [...new Set(written.map((f) => f.municipalityCode))])
    .where('year', 'in', [...new Set(written.map((f) => f.year!))])
    .where('age_from', '<=', LAST_PROJECTED_AGE)
    .where((eb) => eb.not(eb.and([eb('age_from', '=', 0), eb('age_to', '=', OPEN_AGE)])))
    .execute();
  const bandsByYear = new Map<string, typeof rows>();
  for (const row of rows) {
    const key = `${row.municipality_code}/${row.year}`;
    const bands = bandsByYear.get(key);
    if (bands) bands.push(row);
    else bandsByYear.set(key, [row]);
  }
  return [...years].filter((key) => !coversYoungAges(bandsByYear.get(key) ?? [])).length;
}

/** Batches of about BATCH figures that never split a municipality's year. */
function batchesOfWholeYears(figures: readonly PopulationFigure[]): PopulationFigure[][] {
  const sorted = [...figures].sort((a, b) => a.municipalityCode.localeCompare(b.municipalityCode) || a.year! - b.year!);
  const batches: PopulationFigure[][] = [];
  let current: PopulationFigure[] = [];
  sorted.forEach((f, i) => {
    const previous = sorted[i - 1];
    if (current.length >= BATCH && previous && (previous.municipalityCode !== f.municipalityCode || previous.year !== f.year)) {
      batches.push(current);
      current = [];
    }
    current.push(f);
  });
  if (current.length > 0) batches.push(current);
  return batches;
}

function figureIssues(figures: PopulationFigure[], codes: ReadonlySet<string>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  for (const f of figures) {
    const issue = (path: string, code: string, message: string) => issues.push({ row: f.row, path, code, message: `${excerpt(f.at, 80)}: ${message}` });
    if (!codes.has(f.municipalityCode)) issue('municipality', 'unknown_municipality', `unknown municipality "${excerpt(f.municipalityCode)}"`);
    if (f.year === null) issue('year', 'missing_year', 'the year is missing');
    else if (f.year < FIRST_YEAR || f.year > LAST_YEAR) issue('year', 'year_out_of_range', `the year ${f.year} is not between ${FIRST_YEAR} and ${LAST_YEAR}`);
    if (f.ageFrom < 0) issue('age', 'unknown_age', 'the age band is not readable');
    else if (f.ageTo < f.ageFrom || f.ageTo > OPEN_AGE) issue('age', 'age_out_of_range', `the ages ${f.ageFrom}–${f.ageTo} are not a band within 0–${OPEN_AGE}`);
    if (f.count === null) issue('count', 'missing_count', 'the count is missing');
    else if (Number.isNaN(f.count)) issue('count', 'not_a_number', 'the count is not a number');
    else if (!Number.isInteger(f.count)) issue('count', 'not_integer', `the count ${f.count} is not a whole number`);
    else if (f.count < 0) issue('count', 'negative_count', `the count ${f.count} is negative`);
    else if (f.count > INT4_MAX) issue('count', 'count_too_large', `the count ${f.count} is larger than any population`);
    const key = `${f.municipalityCode}/${f.year}/${f.ageFrom}-${f.ageTo}`;
    if (seen.has(key)) issue('count', 'duplicate', `a second figure for ${key}`);
    seen.add(key);
  }
  return issues;
}
