import { categoryToUse, describesNonPersons, PopulationFileError, unitProblem } from './population-dimensions.js';
import type { Observation } from './population-figures.js';
import { parseAgeBand } from './population-rows.js';

interface Category {
  index?: Record<string, number> | string[];
  label?: Record<string, string>;
  unit?: Record<string, { label?: string; base?: string; symbol?: string }>;
}

interface JsonStatDataset {
  class?: string;
  id: string[];
  size: number[];
  role?: { time?: string[]; geo?: string[]; metric?: string[] };
  dimension: Record<string, { label?: string; category: Category }>;
  value: (number | null)[] | Record<string, number | null>;
}

/** The category codes of a dimension in index order (a lone category may come without an index). */
function codesOf(category: Category): string[] {
  if (Array.isArray(category.index)) return category.index;
  if (!category.index) return Object.keys(category.label ?? {});
  return Object.entries(category.index)
    .sort(([, a], [, b]) => a - b)
    .map(([code]) => code);
}

/**
 * JSON-stat version 1 (PxWeb's `json-stat`: a bundle `{"dataset": {…}}` whose dimension object
 * holds id, size and role) in the shape of version 2.
 */
function asVersion2(data: any): JsonStatDataset | null {
  if (data?.class === 'dataset') return data;
  const bundled = data && typeof data === 'object' && !Array.isArray(data) ? Object.values(data)[0] : undefined;
  const dataset = bundled as { dimension?: Record<string, any>; value?: unknown } | undefined;
  if (!dataset?.dimension || !Array.isArray(dataset.dimension.id) || !Array.isArray(dataset.dimension.size)) return null;
  const { id, size, role, ...dimension } = dataset.dimension;
  return { class: 'dataset', id, size, role, dimension, value: dataset.value as JsonStatDataset['value'] };
}

/**
 * Reads a JSON-stat dataset (version 2, or version 1 as PxWeb's older API returns it) such as
 * Statistics Finland's PxWeb gives, whatever its dimensions are called: the area dimension (role
 * `geo`, or named area/alue/kunta), the time dimension (role `time`, or year/vuosi/kuukausi), the
 * age dimension (age/ikä, optional: without it the figures are totals); every other dimension
 * (sex, information) must have a single category or a total one, which is used. The unit of the
 * measure, when the file gives one, must be persons.
 */
export function readJsonStat(text: string): { observations: Observation[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new PopulationFileError('not valid JSON');
  }
  const data = asVersion2(parsed);
  if (!data || !Array.isArray(data.id) || !Array.isArray(data.size) || !data.dimension || data.id.some((d) => !data.dimension[d]?.category)) {
    throw new PopulationFileError('not a JSON-stat dataset (class "dataset" with id, size and dimension, or a version 1 bundle)');
  }
  const named = (pattern: RegExp) => data.id.find((d) => pattern.test(d) || pattern.test(data.dimension[d]?.label ?? ''));
  const geo = data.role?.geo?.[0] ?? named(/alue|area|kunta|municipalit|region|område|kommun/i);
  const time = data.role?.time?.[0] ?? named(/vuosi|year|time|aika|år|kuukausi|month|månad|neljännes|quarter/i);
  const age = named(/^ikä|^ika|^age|ålder|ikäryhm|age group/i);
  if (!geo) throw new PopulationFileError('no area dimension (role "geo", or a dimension named area, alue or kunta); keep the area in the table when downloading');
  if (!time) throw new PopulationFileError('no time dimension (role "time", or a dimension named year, vuosi or kuukausi)');

  const codes = data.id.map((d) => codesOf(data.dimension[d]!.category));
  // The cube's shape must be what its categories say: a size that is not would read past them.
  data.id.forEach((d, i) => {
    if (data.size[i] !== codes[i]!.length || codes[i]!.some((code) => typeof code !== 'string')) {
      throw new PopulationFileError(`dimension "${d}" has ${codes[i]!.length} categories but size ${data.size[i]}; the file is broken`);
    }
  });
  const cells = data.size.reduce((a, b) => a * b, 1);
  if (Array.isArray(data.value) ? data.value.length !== cells : typeof data.value !== 'object' || data.value === null) {
    throw new PopulationFileError(`the cube has ${cells} cells but ${Array.isArray(data.value) ? data.value.length : 'no'} values; the file is broken`);
  }
  const labelOf = (d: string, code: string) => data.dimension[d]!.category.label?.[code] ?? code;
  const fixed = new Map<number, number>();
  data.id.forEach((d, i) => {
    if (d === geo || d === time || d === age) return;
    const chosen = categoryToUse(data.dimension[d]!.label ?? d, codes[i]!.map((code) => labelOf(d, code)));
    fixed.set(i, chosen);
    const code = codes[i]![chosen]!;
    const unit = data.dimension[d]!.category.unit?.[code];
    const problem = unitProblem(unit?.label ?? unit?.base ?? unit?.symbol);
    if (problem) throw new PopulationFileError(problem);
    if (describesNonPersons(labelOf(d, code))) throw new PopulationFileError(`"${labelOf(d, code)}" is not a number of persons; download a population table`);
  });

  const strides = data.size.map((_, i) => data.size.slice(i + 1).reduce((a, b) => a * b, 1));
  const valueAt = (position: number) => (Array.isArray(data.value) ? data.value[position] : data.value[String(position)]) ?? null;
  const [geoIndex, timeIndex, ageIndex] = [data.id.indexOf(geo), data.id.indexOf(time), age ? data.id.indexOf(age) : -1];
  const base = [...fixed].reduce((sum, [dim, category]) => sum + category * strides[dim]!, 0);
  const observations: Observation[] = [];
  let point = 0;
  for (let g = 0; g < data.size[geoIndex]!; g++) {
    for (let t = 0; t < data.size[timeIndex]!; t++) {
      for (let a = 0; a < (ageIndex >= 0 ? data.size[ageIndex]! : 1); a++) {
        const index = base + g * strides[geoIndex]! + t * strides[timeIndex]! + (ageIndex >= 0 ? a * strides[ageIndex]! : 0);
        point++;
        const [areaCode, timeCode] = [codes[geoIndex]![g]!, codes[timeIndex]![t]!];
        const ageCode = ageIndex >= 0 ? codes[ageIndex]![a]! : null;
        observations.push({
          at: `data point ${point} (${geo}=${areaCode}, ${time}=${timeCode}${age ? `, ${age}=${ageCode}` : ''})`,
          row: point,
          area: areaCode,
          areaLabel: labelOf(geo, areaCode),
          time: timeCode,
          // The label when it reads as an age: PxWeb's code `100` is labelled `100 -`, 100 and over.
          age: ageCode === null ? null : parseAgeBand(labelOf(age!, ageCode)) ? labelOf(age!, ageCode) : ageCode,
          value: valueAt(index),
        });
      }
    }
  }
  return { observations };
}
