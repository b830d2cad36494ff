/**
 * Modules of the 2021 lukio curriculum (LOPS 2021) used by the demo: national codes and titles.
 * Subject names lead each title so that a search for the subject finds its modules.
 */
export interface DemoCourse {
  code: string;
  fi: string;
  sv: string;
  en: string;
  credits: number;
  field: string;
}

type Subject = [fi: string, sv: string, en: string, field: string];
type Module = [code: string, fi: string, sv: string, en: string, credits?: number];

const SUBJECTS: [Subject, Module[]][] = [
  [['Äidinkieli ja kirjallisuus', 'Modersmål och litteratur', 'Finnish language and literature', '02'], [
    ['ÄI1', 'Tekstien tulkinta ja kirjoittaminen 1', 'Tolkning och skrivande 1', 'Interpreting and writing texts 1'],
    ['ÄI2', 'Kieli- ja tekstitietoisuus', 'Språk- och textmedvetenhet', 'Language and text awareness'],
    ['ÄI3', 'Vuorovaikutus 1', 'Interaktion 1', 'Interaction 1'],
    ['ÄI4', 'Tekstien tulkinta ja kirjoittaminen 2', 'Tolkning och skrivande 2', 'Interpreting and writing texts 2'],
    ['ÄI5', 'Kirjallisuus 1', 'Litteratur 1', 'Literature 1'],
    ['ÄI6', 'Kieli, kulttuuri ja identiteetti', 'Språk, kultur och identitet', 'Language, culture and identity'],
  ]],
  [['Matematiikka, pitkä', 'Matematik, lång', 'Mathematics, advanced', '05'], [
    ['MAY1', 'Luvut ja lukujonot', 'Tal och talföljder', 'Numbers and sequences'],
    ['MAA2', 'Funktiot ja yhtälöt 1', 'Funktioner och ekvationer 1', 'Functions and equations 1', 3],
    ['MAA3', 'Funktiot ja yhtälöt 2', 'Funktioner och ekvationer 2', 'Functions and equations 2', 2],
    ['MAA4', 'Geometria', 'Geometri', 'Geometry', 2],
    ['MAA5', 'Analyyttinen geometria ja vektorit', 'Analytisk geometri och vektorer', 'Analytic geometry and vectors', 3],
    ['MAA6', 'Derivaatta', 'Derivatan', 'Derivative', 3],
  ]],
  [['Matematiikka, lyhyt', 'Matematik, kort', 'Mathematics, basic', '05'], [
    ['MAB2', 'Lausekkeet ja yhtälöt', 'Uttryck och ekvationer', 'Expressions and equations'],
    ['MAB3', 'Geometria', 'Geometri', 'Geometry'],
    ['MAB4', 'Matemaattisia malleja', 'Matematiska modeller', 'Mathematical models'],
    ['MAB5', 'Tilastot ja todennäköisyys', 'Statistik och sannolikhet', 'Statistics and probability'],
  ]],
  [['Englanti', 'Engelska', 'English', '02'], [
    ['ENA1', 'Englannin kieli ja maailmani', 'Engelska språket och min värld', 'The English language and my world'],
    ['ENA2', 'Ihminen verkostoissa', 'Människan i nätverk', 'People in networks'],
    ['ENA3', 'Kulttuuri-ilmiöitä', 'Kulturella fenomen', 'Cultural phenomena'],
    ['ENA4', 'Yhteiskunta ja ympäröivä maailma', 'Samhället och världen omkring oss', 'Society and the world around us'],
  ]],
  [['Ruotsi, B1-oppimäärä', 'Svenska, B1-lärokurs', 'Swedish, B1 syllabus', '02'], [
    ['RUB11', 'Minä ruotsin kielen käyttäjänä', 'Jag som användare av svenska', 'Me as a user of Swedish'],
    ['RUB12', 'Hyvinvointi ja ihmissuhteet', 'Välbefinnande och relationer', 'Wellbeing and relationships'],
  ]],
  [['Saame, äidinkieli', 'Samiska, modersmål', 'Sámi, mother tongue', '02'], [
    ['SÄI1', 'Tekstien tulkinta ja kirjoittaminen', 'Tolkning och skrivande', 'Interpreting and writing texts'],
  ]],
  [['Biologia', 'Biologi', 'Biology', '05'], [
    ['BI1', 'Elämä ja evoluutio', 'Livet och evolutionen', 'Life and evolution'],
    ['BI2', 'Ekologian perusteet', 'Grunderna i ekologi', 'Fundamentals of ecology'],
  ]],
  [['Maantiede', 'Geografi', 'Geography', '05'], [['GE1', 'Maailma muutoksessa', 'En värld i förändring', 'A changing world']]],
  [['Fysiikka', 'Fysik', 'Physics', '05'], [['FY1', 'Fysiikka luonnontieteenä', 'Fysiken som naturvetenskap', 'Physics as a natural science']]],
  [['Kemia', 'Kemi', 'Chemistry', '05'], [['KE1', 'Kemiaa kaikkialla', 'Kemi överallt', 'Chemistry everywhere']]],
  [['Historia', 'Historia', 'History', '02'], [
    ['HI1', 'Ympäristö, ihminen ja yhteiskunnat', 'Miljö, människan och samhällen', 'Environment, people and societies'],
  ]],
  [['Yhteiskuntaoppi', 'Samhällslära', 'Social studies', '03'], [['YH1', 'Suomalainen yhteiskunta', 'Det finländska samhället', 'Finnish society']]],
  [['Filosofia', 'Filosofi', 'Philosophy', '02'], [['FI1', 'Johdatus filosofiseen ajatteluun', 'Introduktion till filosofiskt tänkande', 'Introduction to philosophical thinking']]],
  [['Psykologia', 'Psykologi', 'Psychology', '03'], [['PS1', 'Toimiva ihminen', 'Den aktiva människan', 'The active human being']]],
  [['Terveystieto', 'Hälsokunskap', 'Health education', '09'], [['TE1', 'Terveys voimavarana', 'Hälsa som resurs', 'Health as a resource']]],
  [['Kuvataide', 'Bildkonst', 'Visual arts', '02'], [['KU1', 'Kuvat ja kulttuurit', 'Bilder och kulturer', 'Images and cultures']]],
  [['Musiikki', 'Musik', 'Music', '02'], [['MU1', 'Musiikki ja minä', 'Musiken och jag', 'Music and me']]],
  [['Liikunta', 'Gymnastik', 'Physical education', '10'], [['LI1', 'Oppiminen ja hyvinvointi', 'Lärande och välbefinnande', 'Learning and wellbeing']]],
  [['Opinto-ohjaus', 'Studiehandledning', 'Guidance counselling', '00'], [['OP1', 'Minä opiskelijana', 'Jag som studerande', 'Me as a student']]],
];

export const LUKIO_MODULES: DemoCourse[] = SUBJECTS.flatMap(([[subjectFi, subjectSv, subjectEn, field], modules]) =>
  modules.map(([code, fi, sv, en, credits]) => ({
    code,
    fi: `${subjectFi}: ${fi}`,
    sv: `${subjectSv}: ${sv}`,
    en: `${subjectEn}: ${en}`,
    credits: credits ?? 2,
    field,
  })),
);
