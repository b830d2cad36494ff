import { accountEmailSchema } from '../../server/http/input-schemas.js';
import type { FieldIssue } from '../../server/http/errors.js';
import { excerpt } from '../../server/http/excerpt.js';
import { FIRST_DATA_ROW, isBlankRecord, type TableRecord } from '../../server/files/table-records.js';
import { foldForSearch } from '../catalog/search-text.js';

/**
 * A school's student list as its administration system exports it (Wilma, Primus: Finnish,
 * Swedish or English headers), read into students and study rights. Pure: the caller resolves
 * municipalities and writes.
 */
export type StudentField = 'name' | 'lastName' | 'firstNames' | 'calledName' | 'email' | 'birthDate' | 'studentNumber' | 'programme' | 'startDate' | 'homeMunicipality';

/** Headers as they are folded (lower case, no accents, `_` for spaces and hyphens), by field. */
const HEADERS: Record<StudentField, string[]> = {
  name: ['nimi', 'name', 'namn', 'opiskelija', 'oppilas', 'koko_nimi', 'full_name'],
  lastName: ['sukunimi', 'last_name', 'surname', 'efternamn'],
  firstNames: ['etunimet', 'etunimi', 'first_names', 'first_name', 'fornamn'],
  calledName: ['kutsumanimi', 'called_name', 'tilltalsnamn'],
  email: ['sahkoposti', 'sahkopostiosoite', 'email', 'e_mail', 'e_post', 'epost'],
  birthDate: ['syntymaaika', 'syntymapaiva', 'birth_date', 'date_of_birth', 'fodelsedatum', 'fodelsetid'],
  studentNumber: ['opiskelijanumero', 'oppilasnumero', 'opiskelijatunnus', 'student_number', 'student_id', 'studerandenummer', 'elevnummer'],
  programme: ['koulutus', 'opiskeluoikeus', 'tutkinto', 'opinnot', 'programme', 'program', 'study_right', 'utbildning', 'studieratt', 'examen'],
  startDate: ['aloituspaiva', 'alkamispaiva', 'opiskeluoikeus_alkaa', 'aloitus', 'start_date', 'startdatum'],
  homeMunicipality: ['kotikunta', 'home_municipality', 'hemkommun'],
};

const FIELD_BY_HEADER = new Map(Object.entries(HEADERS).flatMap(([field, headers]) => headers.map((h) => [h, field as StudentField])));

/** Folds a header for the lookup above; an unknown header is kept (and ignored). */
export const studentHeader = (column: string) => {
  const folded = foldForSearch(column).replace(/[\s-]+/g, '_');
  return FIELD_BY_HEADER.get(folded) ?? `other:${folded}`;
};

export type StudyRightKind = 'general_upper_secondary' | 'vocational';

export interface ImportedStudyRight {
  kind: StudyRightKind;
  qualification: string;
  /** The degree's scope: the lukio syllabus is 150 op, a vocational upper secondary qualification 180 osp. */
  targetCredits: number;
  startDate: string | null;
}

export interface ImportedStudent {
  row: number;
  name: string;
  email: string;
  studentNumber: string | null;
  birthDate: string | null;
  /** The municipality's code in today's division; null when the file gives none. */
  homeMunicipalityCode: string | null;
  studyRights: ImportedStudyRight[];
}

const LUKIO = /^(lukio|lukiokoulutus|lukion oppimaara|lukion opinnot|gymnasie|gymnasiets larokurs|general upper secondary)/;
const QUALIFICATION = /tutkinto|examen|qualification/;

/** A date as 'YYYY-MM-DD', from the Finnish 31.12.2008, ISO 2008-12-31, or an XLSX date cell (read as ISO). */
export function readDate(text: string): string | null {
  const finnish = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const [year, month, day] = finnish ? [finnish[3]!, finnish[2]!, finnish[1]!] : iso ? [iso[1]!, iso[2]!, iso[3]!] : [];
  if (!year) return null;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCFullYear() !== Number(year) || date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return null;
  return date.toISOString().slice(0, 10);
}

function readStudyRights(text: string, startDate: string | null): ImportedStudyRight[] | string {
  const rights: ImportedStudyRight[] = [];
  for (const part of text.split(/\s*[+;]\s*/).filter(Boolean)) {
    const folded = foldForSearch(part);
    const right: ImportedStudyRight | undefined = LUKIO.test(folded)
      ? { kind: 'general_upper_secondary', qualification: 'Lukion oppimäärä', targetCredits: 150, startDate }
      : QUALIFICATION.test(folded)
        ? { kind: 'vocational', qualification: part.trim(), targetCredits: 180, startDate }
        : undefined;
    if (!right) return `"${excerpt(part)}" is neither lukio nor a qualification (…tutkinto)`;
    if (rights.some((r) => r.kind === right.kind)) return 'two study rights of one kind';
    rights.push(right);
  }
  return rights.length > 0 ? rights : 'no study right';
}

/**
 * Reads every row, collecting each problem with its row number (the header is row 1); a file of
 * any problem gives no students. `municipalityOf` reads a home municipality's code or name,
 * former municipalities included, as today's code (undefined when it names none).
 */
export function readStudentRecords(records: TableRecord[], municipalityOf: (label: string) => string | undefined): { students: ImportedStudent[]; issues: FieldIssue[] } {
  // Every record's columns: an XLSX row gives no key for its empty cells, so the first may lack some.
  const header = new Set(records.flatMap((record) => Object.keys(record)));
  const has = (field: StudentField) => header.has(field);
  const missing = [
    ...(has('name') || (has('lastName') && (has('firstNames') || has('calledName'))) ? [] : ['name']),
    ...(has('email') ? [] : ['email']),
    ...(has('programme') ? [] : ['programme']),
    ...(has('studentNumber') || has('birthDate') ? [] : ['studentNumber']),
  ];
  if (records.length === 0) return { students: [], issues: [{ path: 'file', row: 1, code: 'empty_file', message: 'a header row and at least one student are needed' }] };
  if (missing.length > 0) return { students: [], issues: missing.map((path) => ({ path, row: 1, code: 'missing_column', message: `no column for ${path}` })) };

  const students: ImportedStudent[] = [];
  const issues: FieldIssue[] = [];
  const rowOfNumber = new Map<string, number>();
  const rowOfEmail = new Map<string, number>();
  for (const [index, record] of records.entries()) {
    if (isBlankRecord(record)) continue;
    const row = index + FIRST_DATA_ROW;
    const cell = (field: StudentField) => record[field]?.trim() ?? '';
    const problem = (path: StudentField, code: string, message: string) => issues.push({ path, row, code, message });
    const before = issues.length;

    const name = cell('name') || [cell('calledName') || cell('firstNames'), cell('lastName')].filter(Boolean).join(' ');
    if (name.length < 2 || name.length > 200) problem('name', 'required', 'the student\'s name is needed (2–200 characters)');
    const email = accountEmailSchema.safeParse(cell('email'));
    if (!email.success) problem('email', cell('email') ? 'invalid_format' : 'required', cell('email') ? `"${excerpt(cell('email'))}" is not an e-mail address` : 'an e-mail address is needed');
    const studentNumber = cell('studentNumber') || null;
    if (studentNumber && studentNumber.length > 40) problem('studentNumber', 'too_big', 'at most 40 characters');
    const birthDate = cell('birthDate') ? readDate(cell('birthDate')) : null;
    if (cell('birthDate') && (!birthDate || birthDate < '1900-01-01' || birthDate > new Date().toISOString().slice(0, 10))) problem('birthDate', 'invalid_format', `"${excerpt(cell('birthDate'))}" is not a date of birth (31.12.2008)`);
    if (!studentNumber && !cell('birthDate')) problem('studentNumber', 'required', 'a student number or a date of birth is needed');
    const startDate = cell('startDate') ? readDate(cell('startDate')) : null;
    if (cell('startDate') && !startDate) problem('startDate', 'invalid_format', `"${excerpt(cell('startDate'))}" is not a date (1.8.2025)`);
    const rights = readStudyRights(cell('programme'), startDate);
    if (typeof rights === 'string') problem('programme', 'unknown_programme', rights);
    const home = cell('homeMunicipality') ? municipalityOf(cell('homeMunicipality')) : null;
    if (home === undefined) problem('homeMunicipality', 'unknown_municipality', `no municipality "${excerpt(cell('homeMunicipality'))}"`);

    // The same student twice: by number, or by e-mail.
    const numberKey = studentNumber ? foldForSearch(studentNumber) : null;
    if (numberKey && rowOfNumber.has(numberKey)) problem('studentNumber', 'duplicate', `student ${studentNumber} is on row ${rowOfNumber.get(numberKey)} too`);
    if (email.success && rowOfEmail.has(email.data)) problem('email', 'duplicate', `${email.data} is on row ${rowOfEmail.get(email.data)} too`);
    if (numberKey) rowOfNumber.set(numberKey, row);
    if (email.success) rowOfEmail.set(email.data, row);

    if (issues.length === before && email.success && typeof rights !== 'string') {
      students.push({ row, name, email: email.data, studentNumber, birthDate, homeMunicipalityCode: home ?? null, studyRights: rights });
    }
  }
  if (students.length === 0 && issues.length === 0) issues.push({ path: 'file', row: 1, code: 'empty_file', message: 'the file lists no students' });
  return { students, issues };
}
