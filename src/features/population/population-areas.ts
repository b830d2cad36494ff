import { foldForSearch } from '../catalog/search-text.js';

/** What an area of a statistics file is: a municipality of today's division, a sum of several, or unknown. */
export type Area = { kind: 'municipality'; code: string; joinedFrom?: string } | { kind: 'aggregate' } | { kind: 'unknown' };

export interface AreaReference {
  municipalities: readonly { code: string; name_fi: string; name_sv: string; maakunta_name_fi: string }[];
  /** Former municipalities and the one each joined (data/reference/municipal_mergers.csv). */
  formerMunicipalities: readonly { code: string; nameFi: string; nameSv: string; joinedCode: string }[];
}

/** The whole country, mainland Finland, and regional codes: regions MK, sub-regions SK, wellbeing counties HV… */
const AGGREGATE = /^(sss|koko maa|whole country|hela landet|manner-suomi|mainland finland|fasta finland|ahvenanmaa|åland)$|^(mk|sk|ma|kr|hv|avi|ely)\d+\b/i;

/**
 * Reads the area labels statistics use — codes (`854`, `KU854`), codes with names (`854 Pello`),
 * names in Finnish or Swedish, names and codes of former municipalities (their figures go to the
 * municipality they joined) — and recognises the whole country and regions, which are not stored.
 */
export function areaReader(reference: AreaReference): (label: string) => Area {
  const current = new Set(reference.municipalities.map((m) => m.code));
  const formerByCode = new Map(reference.formerMunicipalities.map((f) => [f.code, f]));
  const byName = new Map<string, Area>();
  for (const f of reference.formerMunicipalities) for (const name of [f.nameFi, f.nameSv]) byName.set(foldForSearch(name), { kind: 'municipality', code: f.joinedCode, joinedFrom: f.code });
  for (const m of reference.municipalities) {
    byName.set(foldForSearch(m.maakunta_name_fi), { kind: 'aggregate' });
    for (const name of [m.name_fi, m.name_sv]) byName.set(foldForSearch(name), { kind: 'municipality', code: m.code });
  }
  const byCode = (code: string): Area => {
    if (current.has(code)) return { kind: 'municipality', code };
    const former = formerByCode.get(code);
    return former ? { kind: 'municipality', code: former.joinedCode, joinedFrom: code } : { kind: 'unknown' };
  };
  return (label) => {
    const text = label.trim();
    if (AGGREGATE.test(text)) return { kind: 'aggregate' };
    const coded = /^(?:KU)?(\d{1,3})(?:\s+\S.*)?$/i.exec(text);
    if (coded) return byCode(coded[1]!.padStart(3, '0'));
    // A bilingual label (`Maarianhamina - Mariehamn`) is either of its names.
    for (const name of [text, ...text.split(/\s+[-–/]\s+/)]) {
      const found = byName.get(foldForSearch(name));
      if (found) return found;
    }
    return { kind: 'unknown' };
  };
}
