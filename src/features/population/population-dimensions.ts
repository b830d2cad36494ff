import { UnreadableFileError } from '../../server/files/unreadable-file-error.js';

/** A population file that cannot be read as one: the message says what to download instead. */
export class PopulationFileError extends UnreadableFileError {}

const TOTAL = /(^|[\s,])(sss|yhteensä|yhteensa|total|totalt|kaikki|both sexes|molemmat sukupuolet)($|[\s,.])/i;
const SEX_DIMENSION = /^(sukupuoli|sex|kön|gender)$/i;
const SEX_CATEGORY = /(^|\s)(miehet|naiset|males?|females?|men|women|män|kvinnor)($|\s)/i;

export const isTotalCategory = (label: string) => TOTAL.test(label.trim());

/**
 * The category of a dimension other than area, time and age to read the figures from: its total,
 * or its only category. A sex dimension must have its total (one sex alone is not the population);
 * any other dimension of several categories without a total is refused, naming it.
 */
export function categoryToUse(dimension: string, labels: readonly string[]): number {
  const total = labels.findIndex(isTotalCategory);
  if (total >= 0) return total;
  if (SEX_DIMENSION.test(dimension.trim()) || labels.some((l) => SEX_CATEGORY.test(l))) {
    throw new PopulationFileError(`"${dimension}" has no total of the sexes (${labels.slice(0, 3).join(', ')}); include "Yhteensä" when downloading`);
  }
  if (labels.length === 1) return 0;
  throw new PopulationFileError(`"${dimension}" has ${labels.length} categories (${labels.slice(0, 3).join(', ')}…) and no total; choose one when downloading`);
}

const PERSONS = /^(lkm|lukumäärä|henkilöä|henkilöt|henkeä|hlöä?|persons?|people|number|count|antal|personer|st|kpl)\.?$/i;
const NOT_PERSONS = /euro|€|\beur\b|%|prosent|percent|procent|‰|promille|keskiarvo|keski-ikä|average|mean|medel|\bvuotta\b|\bkm\b|km²|m²|\bm2\b|\bha\b|indeksi|index|suhde|ratio|osuus|share|andel|tulot|income|inkomst/i;

/**
 * Why figures in `unit` are not a count of people, or null when they may be: a unit that says
 * persons (lkm, henkilöä, number of persons) or says nothing; any unit that names something else
 * (euroa, %, keskiarvo, vuotta) is refused.
 */
export function unitProblem(unit: string | undefined): string | null {
  const text = (unit ?? '').trim();
  if (text === '' || PERSONS.test(text) || !NOT_PERSONS.test(text)) return null;
  return `the figures are in "${text}", not a number of persons; download a population table (unit: lkm / persons)`;
}

/** Labels (a measure, a column heading, a title) that say they are something other than people. */
export const describesNonPersons = (label: string) => NOT_PERSONS.test(label);
