import { municipalityCodeOf, parseAgeBand, type PopulationFigure } from './population-rows.js';
import { UnreadableFileError } from '../../server/files/unreadable-file-error.js';

interface Category {
  index: Record<string, number> | string[];
  label?: Record<string, string>;
}

interface JsonStatDataset {
  version?: string;
  class?: string;
  id: string[];
  size: number[];
  role?: { time?: string[]; geo?: string[]; metric?: string[] };
  dimension: Record<string, { label?: string; category: Category }>;
  value: (number | null)[] | Record<string, number | null>;
}

export class JsonStatError extends UnreadableFileError {}

const TOTAL = /^(sss|total|yhteensä|yhteensa|kaikki|totalt|both sexes|molemmat sukupuolet)$/i;

/** The category codes of a dimension in index order. */
function codesOf(category: Category): string[] {
  if (Array.isArray(category.index)) return category.index;
  return Object.entries(category.index)
    .sort(([, a], [, b]) => a - b)
    .map(([code]) => code);
}

/**
 * Reads a JSON-stat 2 dataset such as Statistics Finland's PxWeb returns, whatever its dimensions
 * are called: the area dimension (role `geo`, or named area/alue/kunta), the time dimension (role
 * `time`, or year/vuosi), the age dimension (age/ikä, optional: without it the figures are totals);
 * every other dimension (sex, information) must have a single category or a total one, which is used.
 */
export function readJsonStat(text: string): { figures: PopulationFigure[]; skippedAggregates: number } {
  let data: JsonStatDataset;
  try {
    data = JSON.parse(text);
  } catch {
    throw new JsonStatError('not valid JSON');
  }
  if (data.class !== 'dataset' || !Array.isArray(data.id) || !Array.isArray(data.size) || !data.dimension) {
    throw new JsonStatError('not a JSON-stat 2 dataset (class "dataset" with id, size and dimension)');
  }
  const named = (pattern: RegExp) => data.id.find((d) => pattern.test(d) || pattern.test(data.dimension[d]?.label ?? ''));
  const geo = data.role?.geo?.[0] ?? named(/alue|area|kunta|municipalit|region/i);
  const time = data.role?.time?.[0] ?? named(/vuosi|year|time|aika|år/i);
  const age = named(/^ikä|^ika|^age|ålder|ikäryhm|age group/i);
  if (!geo) throw new JsonStatError('no area dimension (role "geo", or a dimension named area, alue or kunta)');
  if (!time) throw new JsonStatError('no time dimension (role "time", or a dimension named year or vuosi)');

  const codes = data.id.map((d) => codesOf(data.dimension[d]!.category));
  const fixed = new Map<number, number>();
  data.id.forEach((d, i) => {
    if (d === geo || d === time || d === age) return;
    const category = data.dimension[d]!.category;
    const total = codes[i]!.findIndex((code) => TOTAL.test(code) || TOTAL.test(category.label?.[code] ?? ''));
    if (codes[i]!.length === 1) fixed.set(i, 0);
    else if (total >= 0) fixed.set(i, total);
    else throw new JsonStatError(`dimension "${d}" has ${codes[i]!.length} categories and no total; choose one category when downloading`);
  });

  const strides = data.size.map((_, i) => data.size.slice(i + 1).reduce((a, b) => a * b, 1));
  const valueAt = (position: number) => (Array.isArray(data.value) ? data.value[position] : data.value[String(position)]) ?? null;
  const [geoIndex, timeIndex, ageIndex] = [data.id.indexOf(geo), data.id.indexOf(time), age ? data.id.indexOf(age) : -1];
  const figures: PopulationFigure[] = [];
  let skippedAggregates = 0;
  let point = 0;
  for (let g = 0; g < data.size[geoIndex]!; g++) {
    for (let t = 0; t < data.size[timeIndex]!; t++) {
      for (let a = 0; a < (ageIndex >= 0 ? data.size[ageIndex]! : 1); a++) {
        const index = [...fixed].reduce((sum, [dim, cat]) => sum + cat * strides[dim]!, g * strides[geoIndex]! + t * strides[timeIndex]! + (ageIndex >= 0 ? a * strides[ageIndex]! : 0));
        point++;
        const areaCode = codes[geoIndex]![g]!;
        const yearCode = codes[timeIndex]![t]!;
        const ageCode = ageIndex >= 0 ? codes[ageIndex]![a]! : 'SSS';
        const municipality = municipalityCodeOf(areaCode);
        if (municipality === null) {
          skippedAggregates++;
          continue;
        }
        const band = parseAgeBand(ageCode) ?? parseAgeBand(data.dimension[age ?? '']?.category.label?.[ageCode] ?? '');
        const year = /^\d{4}$/.test(yearCode) ? Number(yearCode) : null;
        const at = `data point ${point} (${geo}=${areaCode}, ${time}=${yearCode}${age ? `, ${age}=${ageCode}` : ''})`;
        figures.push({ at, row: point, municipalityCode: municipality, year, ageFrom: band?.from ?? -1, ageTo: band?.to ?? -1, count: valueAt(index) });
      }
    }
  }
  return { figures, skippedAggregates };
}
