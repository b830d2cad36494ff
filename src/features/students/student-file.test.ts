import { describe, expect, it } from 'vitest';
import { readDate, readStudentRecords, studentHeader } from './student-file.js';

const municipalityOf = (label: string) => ({ '091': '091', Helsingfors: '091' })[label];
const recordsOf = (header: string[], ...rows: string[][]) => rows.map((row) => Object.fromEntries(header.map((h, i) => [studentHeader(h), row[i] ?? ''])));

describe('a school\'s student file', () => {
  it('reads dates as Finnish, ISO and spreadsheet cells give them, and only real days', () => {
    expect(readDate('1.8.2025')).toBe('2025-08-01');
    expect(readDate('2008-12-31')).toBe('2008-12-31');
    expect([readDate('29.2.2023'), readDate('2008-13-01'), readDate('8/1/2025'), readDate('')]).toEqual([null, null, null, null]);
  });

  it('reads Swedish headers (Primus in a Swedish-speaking school), and a dual degree joined with +', () => {
    const records = recordsOf(
      ['Efternamn', 'Förnamn', 'E-post', 'Födelsedatum', 'Utbildning', 'Startdatum', 'Hemkommun', 'Klass'],
      ['Lindqvist', 'Ebba', 'Ebba.Lindqvist@skola.example', '3.4.2009', 'Gymnasiet + Grundexamen i logistik', '2025-08-11', 'Helsingfors', '1A'],
    );
    expect(readStudentRecords(records, municipalityOf)).toEqual({
      issues: [],
      students: [
        {
          row: 2,
          name: 'Ebba Lindqvist',
          email: 'ebba.lindqvist@skola.example',
          studentNumber: null,
          birthDate: '2009-04-03',
          homeMunicipalityCode: '091',
          studyRights: [
            { kind: 'general_upper_secondary', qualification: 'Lukion oppimäärä', targetCredits: 150, startDate: '2025-08-11' },
            { kind: 'vocational', qualification: 'Grundexamen i logistik', targetCredits: 180, startDate: '2025-08-11' },
          ],
        },
      ],
    });
  });

  it('finds a column that the first row leaves empty (an XLSX row has no key for an empty cell)', () => {
    const records: Record<string, string>[] = [
      { name: 'Olli Uusi', email: 'olli@x.example', studentNumber: '1', programme: 'Lukio' },
      { name: 'Ebba Lind', email: 'ebba@x.example', studentNumber: '2', programme: 'Lukio', homeMunicipality: 'Helsingfors' },
    ];
    expect(readStudentRecords(records, municipalityOf).students.map((s) => s.homeMunicipalityCode)).toEqual([null, '091']);
  });

  it('needs a name, an e-mail, a programme and a student number or a date of birth', () => {
    expect(readStudentRecords(recordsOf(['Nimi', 'Koulutus'], ['Olli', 'Lukio']), municipalityOf).issues.map((i) => i.path)).toEqual(['email', 'studentNumber']);
    const rows = readStudentRecords(recordsOf(['Nimi', 'Sähköposti', 'Opiskelijanumero', 'Koulutus'], ['O', 'o@x.example', '', 'Lukio + lukio'], ['', '', '', '']), municipalityOf);
    expect(rows.issues.map((i) => [i.row, i.path])).toEqual([[2, 'name'], [2, 'studentNumber'], [2, 'programme']]);
    expect(readStudentRecords([], municipalityOf).issues[0]).toMatchObject({ row: 1, code: 'empty_file' });
  });
});
