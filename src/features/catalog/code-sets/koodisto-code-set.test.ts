import { describe, expect, it } from 'vitest';
import { readReferenceFile } from '../../region/reference-data.js';
import { CodeSetFormatError, readKoodistoCodeSet } from './koodisto-code-set.js';
import { lukioSubjectOf } from './lukio-subjects.js';

const element = (code: string, names: [string, string | null][]) => ({
  koodiUri: `moduulikoodistolops2021_${code.toLowerCase()}`,
  koodiArvo: code,
  versio: 1,
  metadata: names.map(([kieli, nimi]) => ({ kieli, nimi, lyhytNimi: '', kuvaus: '' })),
});

describe('Koodisto JSON code sets', () => {
  it('reads the national LOPS 2021 module set as published: 423 codes, names trimmed, MAA3 is Geometria', () => {
    const elements = readKoodistoCodeSet(readReferenceFile('moduulikoodistolops2021.json'));
    expect(elements).toHaveLength(423);
    expect(elements.find((e) => e.code === 'MAA3')).toEqual({ code: 'MAA3', uri: 'moduulikoodistolops2021_maa3', fi: 'Geometria', sv: 'Geometri', en: 'Geometry' });
    expect(elements.every((e) => e.fi === e.fi.trim() && e.sv === e.sv.trim() && e.fi.length > 0)).toBe(true);
    // Every code has a subject: the search finds modules by their subject's name.
    expect(elements.filter((e) => !lukioSubjectOf(e.code)).map((e) => e.code)).toEqual([]);
  });

  it('takes a file with a byte-order mark, and falls back to the Finnish name where another is missing', () => {
    const text = '\uFEFF' + JSON.stringify([element('LVMA', [['FI', 'Matematiikka '], ['SV', null]])]);
    expect(readKoodistoCodeSet(text)).toEqual([{ code: 'LVMA', uri: 'moduulikoodistolops2021_lvma', fi: 'Matematiikka', sv: 'Matematiikka', en: 'Matematiikka' }]);
  });

  it('refuses what is not a code set, naming the element at fault', () => {
    const refusal = (value: unknown) => {
      try {
        readKoodistoCodeSet(typeof value === 'string' ? value : JSON.stringify(value));
      } catch (error) {
        expect(error).toBeInstanceOf(CodeSetFormatError);
        return (error as Error).message;
      }
      throw new Error('accepted');
    };
    expect(refusal('{"koodiArvo": ')).toBe('The file is not JSON');
    expect(refusal({ codes: [] })).toMatch(/JSON array of code elements/);
    expect(refusal([element('MAA3', [['FI', 'Geometria']]), { koodiArvo: 'MAA4', metadata: [] }])).toMatch(/^code element 2: koodiUri:/);
    expect(refusal([element('MAA3', [['SV', 'Geometri']])])).toBe('code element 1 (MAA3): no Finnish name');
    expect(refusal([element('MAA3', [['FI', 'Geometria']]), element('MAA3', [['FI', 'Geometria']])])).toBe('code element 2: code MAA3 appears twice');
  });
});
