import type { Field } from '../vocabulary.js';

/**
 * The subjects (oppiaineet and oppimäärät) of LOPS 2021 module codes, by the letters that open
 * each code (MAA3 → MAA). The code set names a module without its subject ("Geometria"), so the
 * subject's names join the course's search text — a search for "matematiikka" finds MAA3 — and
 * give its broad field of education. Where one name covers several syllabi (the Finnish language
 * and literature variants ÄI, ÄIR, ÄIS, ÄIV) the general name is used.
 */
type Subject = { fi: string; sv: string; en: string; field: Field };

const subject = (fi: string, sv: string, en: string, field: Field): Subject => ({ fi, sv, en, field });

const LANGUAGE_AND_LITERATURE = subject('Äidinkieli ja kirjallisuus, suomen kieli ja kirjallisuus', 'Modersmål och litteratur, finska och litteratur', 'Mother tongue and literature, Finnish', '02');
const RELIGION = (fi: string, sv: string, en: string) => subject(`Uskonto, ${fi}`, `Religion, ${sv}`, `Religion, ${en}`, '02');
const DIPLOMA = subject('Lukiodiplomi', 'Gymnasiediplom', 'Upper secondary school diploma', '02');
const PREPARATORY = subject('Lukiokoulutukseen valmistava koulutus (LUVA)', 'Utbildning som handleder för gymnasieutbildning (LUVA)', 'Preparatory education for general upper secondary (LUVA)', '00');

const SUBJECTS: Record<string, Subject> = {
  ÄI: LANGUAGE_AND_LITERATURE,
  ÄIR: LANGUAGE_AND_LITERATURE,
  ÄIS: LANGUAGE_AND_LITERATURE,
  ÄIV: LANGUAGE_AND_LITERATURE,
  MO: subject('Äidinkieli ja kirjallisuus, ruotsin kieli ja kirjallisuus', 'Modersmål och litteratur, svenska och litteratur', 'Mother tongue and literature, Swedish', '02'),
  SÄI: subject('Äidinkieli ja kirjallisuus, saamen kieli ja kirjallisuus', 'Modersmål och litteratur, samiska och litteratur', 'Mother tongue and literature, Sámi', '02'),
  RÄI: subject('Äidinkieli ja kirjallisuus, romanikieli ja kirjallisuus', 'Modersmål och litteratur, romani och litteratur', 'Mother tongue and literature, Romani', '02'),
  OÄI: subject('Äidinkieli ja kirjallisuus, oma äidinkieli', 'Modersmål och litteratur, elevens eget modersmål', 'Mother tongue and literature, own mother tongue', '02'),
  S: subject('Suomi toisena kielenä ja kirjallisuus (S2)', 'Finska som andraspråk och litteratur', 'Finnish as a second language and literature', '02'),
  SV: subject('Ruotsi toisena kielenä ja kirjallisuus', 'Svenska som andraspråk och litteratur', 'Swedish as a second language and literature', '02'),
  FIM: subject('Suomen kieli, äidinkielenomainen oppimäärä', 'Finska, modersmålsinriktad lärokurs', 'Finnish, native-level syllabus', '02'),
  FINA: subject('Suomen kieli, A-oppimäärä', 'Finska, A-lärokurs', 'Finnish, A syllabus', '02'),
  FINB: subject('Suomen kieli, B-oppimäärä', 'Finska, B-lärokurs', 'Finnish, B syllabus', '02'),
  RUA: subject('Ruotsin kieli, A-oppimäärä', 'Svenska, A-lärokurs', 'Swedish, A syllabus', '02'),
  RUB: subject('Ruotsin kieli, B-oppimäärä', 'Svenska, B-lärokurs', 'Swedish, B syllabus', '02'),
  RUÄ: subject('Ruotsin kieli, äidinkielenomainen oppimäärä', 'Svenska, modersmålsinriktad lärokurs', 'Swedish, native-level syllabus', '02'),
  ENA: subject('Englanti, A-oppimäärä', 'Engelska, A-lärokurs', 'English, A syllabus', '02'),
  SMA: subject('Saamen kieli, A-oppimäärä', 'Samiska, A-lärokurs', 'Sámi, A syllabus', '02'),
  SMB: subject('Saamen kieli, B-oppimäärä', 'Samiska, B-lärokurs', 'Sámi, B syllabus', '02'),
  LAB: subject('Latina, B-oppimäärä', 'Latin, B-lärokurs', 'Latin, B syllabus', '02'),
  VKA: subject('Vieras kieli, A-oppimäärä', 'Främmande språk, A-lärokurs', 'Foreign language, A syllabus', '02'),
  VKAAB: subject('Vieras kieli, A-oppimäärä alkeista', 'Främmande språk, A-lärokurs från nybörjarnivå', 'Foreign language, A syllabus from the beginning', '02'),
  VKB: subject('Vieras kieli, B-oppimäärä', 'Främmande språk, B-lärokurs', 'Foreign language, B syllabus', '02'),
  MAY: subject('Matematiikka, yhteinen opintokokonaisuus', 'Matematik, gemensam studiehelhet', 'Mathematics, common module', '05'),
  MAA: subject('Matematiikka, pitkä oppimäärä', 'Matematik, lång lärokurs', 'Mathematics, advanced syllabus', '05'),
  MAB: subject('Matematiikka, lyhyt oppimäärä', 'Matematik, kort lärokurs', 'Mathematics, basic syllabus', '05'),
  BI: subject('Biologia', 'Biologi', 'Biology', '05'),
  GE: subject('Maantiede', 'Geografi', 'Geography', '05'),
  FY: subject('Fysiikka', 'Fysik', 'Physics', '05'),
  KE: subject('Kemia', 'Kemi', 'Chemistry', '05'),
  FI: subject('Filosofia', 'Filosofi', 'Philosophy', '02'),
  PS: subject('Psykologia', 'Psykologi', 'Psychology', '03'),
  HI: subject('Historia', 'Historia', 'History', '02'),
  YH: subject('Yhteiskuntaoppi', 'Samhällslära', 'Social studies', '03'),
  ET: subject('Elämänkatsomustieto', 'Livsåskådningskunskap', 'Ethics', '02'),
  UE: RELIGION('evankelisluterilainen', 'evangelisk-luthersk', 'Evangelical Lutheran'),
  UO: RELIGION('ortodoksinen', 'ortodox', 'Orthodox'),
  UK: RELIGION('katolinen', 'katolsk', 'Catholic'),
  UI: RELIGION('islam', 'islam', 'Islam'),
  UJ: RELIGION('juutalainen', 'judisk', 'Jewish'),
  UBU: RELIGION('buddhalainen', 'buddhistisk', 'Buddhist'),
  UBA: RELIGION('bahá’í', 'bahá’í', 'Bahá’í'),
  UKR: RELIGION('krishnalainen', 'krishnaitisk', 'Krishna consciousness'),
  TE: subject('Terveystieto', 'Hälsokunskap', 'Health education', '09'),
  LI: subject('Liikunta', 'Gymnastik', 'Physical education', '10'),
  MU: subject('Musiikki', 'Musik', 'Music', '02'),
  KU: subject('Kuvataide', 'Bildkonst', 'Visual arts', '02'),
  OP: subject('Opinto-ohjaus', 'Studiehandledning', 'Guidance counselling', '00'),
  KOLD: DIPLOMA,
  KULD: DIPLOMA,
  KÄLD: DIPLOMA,
  LILD: DIPLOMA,
  MELD: DIPLOMA,
  MULD: DIPLOMA,
  TALD: DIPLOMA,
  TELD: DIPLOMA,
};

/** The subject of a module code, or undefined for a code of no known subject (its field is then general). */
export function lukioSubjectOf(code: string): Subject | undefined {
  const letters = /^\p{Lu}+/u.exec(code)?.[0] ?? '';
  return letters.startsWith('LV') ? PREPARATORY : SUBJECTS[letters];
}
