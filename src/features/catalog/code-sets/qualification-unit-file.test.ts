import { describe, expect, it } from 'vitest';
import { HttpError } from '../../../server/http/errors.js';
import { readUnitFile, unitCodeOf } from './qualification-unit-file.js';

/** As Finnish Excel saves "CSV (semicolon delimited)": Windows-1252, CRLF, a decimal comma. */
const finnishExcelCsv = (lines: string[]) => Buffer.from(lines.join('\r\n') + '\r\n', 'latin1');
const koodistoElement = (uri: string, fi: string, sv?: string) => ({
  koodiUri: uri,
  koodiArvo: uri.replace(/^tutkinnonosat_/, ''),
  versio: 1,
  metadata: [{ nimi: fi, lyhytNimi: fi, kieli: 'FI' }, ...(sv ? [{ nimi: sv, lyhytNimi: sv, kieli: 'SV' }] : [])],
});
const refusal = async (work: Promise<unknown>) => {
  const error = await work.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(HttpError);
  return error as HttpError;
};

describe('a provider\'s list of qualification units', () => {
  it('reads codes in every Koodisto form, names, osp with a decimal comma, qualification and field from a Finnish Excel CSV', async () => {
    const units = await readUnitFile(
      finnishExcelCsv([
        'Koodi;Nimi;Nimi SV;Osp;Tutkinto;Koulutusala',
        'tutkinnonosat_106101;Sähköasennukset;Elinstallationer;40;Sähkö- ja automaatioalan perustutkinto;07',
        '105943#2;Koneistus;;7,5;;7',
        ';;;;;',
      ]),
      'csv',
    );
    expect(units).toEqual([
      { code: '106101', uri: 'tutkinnonosat_106101', fi: 'Sähköasennukset', sv: 'Elinstallationer', en: 'Sähköasennukset', credits: 40, field: '07', qualification: 'Sähkö- ja automaatioalan perustutkinto', row: 2 },
      { code: '105943', uri: 'tutkinnonosat_105943', fi: 'Koneistus', sv: 'Koneistus', en: 'Koneistus', credits: 7.5, field: '07', qualification: undefined, row: 3 },
    ]);
    expect(unitCodeOf('MAA3')).toBeNull();
    // Swedish headers, as the Swedish help names them.
    const swedish = await readUnitFile(finnishExcelCsv(['Kod;Namn_fi;Namn_sv;Kompetenspoäng;Examen;Utbildningsområde', '106101;Sähköasennukset;Elinstallationer;40;Grundexamen inom el- och automationsbranschen;07']), 'csv');
    expect(swedish).toEqual([expect.objectContaining({ code: '106101', fi: 'Sähköasennukset', sv: 'Elinstallationer', credits: 40, field: '07' })]);
  });

  it('names every bad row and field, and gives no units', async () => {
    const error = await refusal(
      readUnitFile(
        finnishExcelCsv([
          'koodi;nimi;osp;koulutusala',
          'MAA3;Geometria;2;00',
          '106101;S;0;07',
          '106101;Sähköasennukset;40;12',
          '106102;Tietokone- ja tietoliikenneasennukset;;06',
        ]),
        'csv',
      ),
    );
    expect(error.statusCode).toBe(400);
    expect(error.extra.rows).toEqual([
      { row: 2, field: 'code', message: expect.stringContaining('not a unit code') },
      { row: 3, field: 'nameFi', message: expect.any(String) },
      { row: 3, field: 'credits', message: expect.stringContaining('not a scope') },
      { row: 4, field: 'field', message: expect.stringContaining('not a field') },
      { row: 4, field: 'code', message: 'unit 106101 is on row 3 too' },
      { row: 5, field: 'credits', message: expect.stringContaining('needed') },
    ]);
    const missing = await refusal(readUnitFile(finnishExcelCsv(['koodi;nimi', '106101;Sähköasennukset']), 'csv'));
    expect(missing.issues).toEqual([expect.objectContaining({ path: 'credits', code: 'missing_column', row: 1 })]);
  });

  it('reads the code set\'s Koodisto JSON by its first character, and refuses another set\'s', async () => {
    const json = Buffer.from('\uFEFF' + JSON.stringify([koodistoElement('tutkinnonosat_101053', 'Viestintä- ja vuorovaikutusosaaminen', 'Kunnande i kommunikation och interaktion')]));
    expect(await readUnitFile(json, 'csv')).toEqual([
      { code: '101053', uri: 'tutkinnonosat_101053', fi: 'Viestintä- ja vuorovaikutusosaaminen', sv: 'Kunnande i kommunikation och interaktion', en: 'Viestintä- ja vuorovaikutusosaaminen', row: 1 },
    ]);
    const lukio = await refusal(readUnitFile(Buffer.from(JSON.stringify([koodistoElement('moduulikoodistolops2021_maa3', 'Geometria')])), 'csv'));
    expect(lukio.issues).toEqual([expect.objectContaining({ path: 'koodiUri', row: 1, message: expect.stringContaining('not a qualification unit') })]);
    const broken = await refusal(readUnitFile(Buffer.from('[{"koodiUri": 1}'), 'csv'));
    expect(broken).toMatchObject({ statusCode: 400, code: 'unreadable_file' });
  });
});
