import type { DemoCourse } from './demo-course.js';

/** Liberal adult education (kansalaisopisto) courses of the demo. Codes are the demo's own. */
export const ADULT_COURSES: DemoCourse[] = [
  { code: 'KIV-101', fi: 'Digitaidot arkeen', sv: 'Digitala färdigheter i vardagen', en: 'Digital skills for everyday life', credits: 1, field: '06' },
  { code: 'KIV-102', fi: 'Suomi toisena kielenä, alkeet', sv: 'Finska som andraspråk, nybörjare', en: 'Finnish as a second language, beginners', credits: 2, field: '02' },
  { code: 'KIV-103', fi: 'Ruotsin keskustelukurssi', sv: 'Konversationskurs i svenska', en: 'Swedish conversation course', credits: 1, field: '02' },
  { code: 'KIV-104', fi: 'Yrittäjyyden perusteet', sv: 'Grunderna i företagande', en: 'Basics of entrepreneurship', credits: 2, field: '04' },
  { code: 'KIV-105', fi: 'Kuvataide, piirustus ja maalaus', sv: 'Bildkonst, teckning och målning', en: 'Visual arts, drawing and painting', credits: 1, field: '02' },
  { code: 'KIV-106', fi: 'Ensiapu EA1', sv: 'Första hjälpen FHJ1', en: 'First aid 1', credits: 1, field: '09' },
];

/** Open university of applied sciences courses (avoin AMK, "väyläopinnot") of the demo. */
export const HIGHER_COURSES: DemoCourse[] = [
  { code: 'AMK-001', fi: 'Johdatus korkeakouluopiskeluun', sv: 'Introduktion till högskolestudier', en: 'Introduction to higher education studies', credits: 3, field: '00' },
  { code: 'AMK-002', fi: 'Matematiikan perusteet', sv: 'Grunderna i matematik', en: 'Foundations of mathematics', credits: 5, field: '05' },
  { code: 'AMK-003', fi: 'Arktinen matkailu', sv: 'Arktisk turism', en: 'Arctic tourism', credits: 5, field: '10' },
  { code: 'AMK-004', fi: 'Hoitotyön perusteet', sv: 'Grunderna i vårdarbete', en: 'Foundations of nursing', credits: 5, field: '09' },
];

/** Comprehensive-school courses open to pupils of other schools (grade 9 electives, grade 10). */
export const COMPREHENSIVE_COURSES: DemoCourse[] = [
  { code: 'PO-TET', fi: 'Työelämään tutustuminen (TET)', sv: 'Praktisk arbetslivsorientering (PRAO)', en: 'Introduction to working life', credits: 2, field: '00' },
  { code: 'PO-VAL-TN', fi: 'Valinnainen: tekninen työ', sv: 'Tillval: teknisk slöjd', en: 'Elective: technical crafts', credits: 2, field: '07' },
  { code: 'PO-VAL-KO', fi: 'Valinnainen: kotitalous', sv: 'Tillval: huslig ekonomi', en: 'Elective: home economics', credits: 2, field: '10' },
];
