import type { Field } from '../catalog/vocabulary.js';

/**
 * Units of vocational upper secondary qualifications (ammatilliset perustutkinnot) the demo's
 * providers offer, by qualification. Qualification names are real; each unit is a real code of
 * Opetushallitus' `tutkinnonosat` code set with its Finnish name as the set publishes it, and its
 * Swedish name where the set has one (from this code, else from another code of the same Finnish
 * name). The set has no English names and no scopes: the English names, the Swedish names the
 * set lacks, and the osp are the demo providers' own, as a provider's unit list gives them
 * (qualification-unit-file.ts). The demo imports them as that list, a CSV (seed-demo.ts).
 */
export interface DemoQualification {
  /** The demo's own key for the qualification, used by its offering plan. */
  key: string;
  fi: string;
  field: Field;
  units: [code: string, fi: string, sv: string, en: string, osp: number][];
}

export const QUALIFICATIONS: DemoQualification[] = [
  { key: 'SATU', fi: 'Sähkö- ja automaatioalan perustutkinto', field: '07', units: [
    ['106109', 'Sähkö- ja automaatiotekniikan perusosaaminen', 'Basfärdigheter inom el- och automationsteknik', 'Basic skills in electrical and automation engineering', 20],
    ['106101', 'Sähköasennukset', 'Elinstallationer', 'Electrical installations', 40],
    ['106108', 'Sähkö- ja automaatioasennukset', 'El- och automationsinstallationer', 'Electrical and automation installations', 20],
  ] },
  { key: 'KOTU', fi: 'Kone- ja tuotantotekniikan perustutkinto', field: '07', units: [
    ['105963', 'Valmistustyötehtävissä toimiminen', 'Arbete med tillverkningsuppgifter', 'Working in manufacturing tasks', 45],
    ['105943', 'Koneistus', 'Maskinell bearbetning', 'Machining', 30],
    ['105937', 'Hitsaus', 'Svetsning', 'Welding', 30],
  ] },
  { key: 'RAKE', fi: 'Rakennusalan perustutkinto', field: '07', units: [
    ['104816', 'Talonrakennusalan ammattityöt', 'Yrkesarbeten inom husbyggnadsbranschen', 'Professional work in house building', 45],
    ['100856', 'Puurakentaminen', 'Producering av planer för träkonstruktioner', 'Timber construction', 30],
  ] },
  { key: 'LOG', fi: 'Logistiikan perustutkinto', field: '10', units: [
    ['102013', 'Kuljetusalan perustason ammattipätevyys', 'Grundläggande yrkeskompetens inom transportbranschen', 'Initial professional competence in transport', 45],
    ['105751', 'Kuorma-autokuljetukset', 'Lastbilstransporter', 'Lorry transport', 30],
  ] },
  { key: 'RACA', fi: 'Ravintola- ja catering-alan perustutkinto', field: '10', units: [
    ['106281', 'Ravitsemispalveluissa toimiminen', 'Arbete inom måltidstjänster', 'Working in food and beverage services', 45],
    ['106271', 'Annosruokien valmistus', 'Tillredning av mat i portioner', 'Preparing à la carte dishes', 30],
  ] },
  { key: 'SOTE', fi: 'Sosiaali- ja terveysalan perustutkinto', field: '09', units: [
    ['100833', 'Hoito ja huolenpito', 'Vård och omsorg', 'Care and nursing', 25],
    ['106233', 'Kasvun ja osallisuuden edistäminen', 'Främjande av uppväxt och delaktighet', 'Promoting growth and inclusion', 25],
    ['106228', 'Ikääntyvien osallisuuden edistäminen', 'Främjande av äldres delaktighet', 'Promoting the inclusion of older people', 40],
  ] },
  { key: 'LIIKE', fi: 'Liiketoiminnan perustutkinto', field: '04', units: [
    ['106272', 'Asiakaspalvelu ja myynti', 'Kundservice och försäljning', 'Customer service and sales', 35],
    ['103427', 'Taloushallinto', 'Ekonomiförvaltning', 'Financial administration', 30],
  ] },
  { key: 'TVT', fi: 'Tieto- ja viestintätekniikan perustutkinto', field: '06', units: [
    ['106102', 'Tietokone- ja tietoliikenneasennukset', 'Installation av datorer och datakommunikation', 'Computer and data communication installations', 30],
    ['200481', 'Ohjelmiston toteuttaminen, testaaminen ja käyttöönotto', 'Framställning, testning och ibruktagning av programvara', 'Implementing, testing and deploying software', 30],
  ] },
  { key: 'MATK', fi: 'Matkailualan perustutkinto', field: '10', units: [
    ['106262', 'Matkailupalvelujen toteuttaminen', 'Genomförande av turismservice', 'Delivering tourism services', 30],
    ['102257', 'Ohjelmapalvelujen myynti ja toteuttaminen', 'Försäljning och genomförande av programtjänster', 'Selling and delivering activity services', 30],
  ] },
  { key: 'LUY', fi: 'Luonto- ja ympäristöalan perustutkinto', field: '08', units: [
    ['106045', 'Luontopalveluissa toimiminen', 'Verksamhet inom naturprogramservice', 'Working in nature services', 35],
  ] },
  { key: 'MAAT', fi: 'Maatalousalan perustutkinto', field: '08', units: [
    ['106086', 'Tuotantoeläinten hoitaminen ja hyvinvoinnista huolehtiminen', 'Skötsel av produktionsdjur och omsorg om deras välbefinnande', 'Caring for production animals and their welfare', 30],
    ['106054', 'Poronhoito', 'Renskötsel', 'Reindeer herding', 30],
  ] },
  { key: 'YTO', fi: 'Yhteiset tutkinnon osat', field: '00', units: [
    ['101053', 'Viestintä- ja vuorovaikutusosaaminen', 'Kunnande i kommunikation och interaktion', 'Communication and interaction competence', 11],
    ['101054', 'Matemaattis-luonnontieteellinen osaaminen', 'Kunnande i matematik och naturvetenskap', 'Mathematics and science competence', 6],
    ['101055', 'Yhteiskunnassa ja työelämässä tarvittava osaaminen', 'Kunnande som behövs i samhället och i arbetslivet', 'Competence needed in society and working life', 9],
  ] },
];

export interface DemoUnit {
  code: string;
  fi: string;
  sv: string;
  en: string;
  credits: number;
  field: Field;
  qualification: string;
  qualificationKey: string;
}

export const VOCATIONAL_UNITS: DemoUnit[] = QUALIFICATIONS.flatMap((q) =>
  q.units.map(([code, fi, sv, en, credits]) => ({ code, fi, sv, en, credits, field: q.field, qualification: q.fi, qualificationKey: q.key })),
);

/** The demo's list of its units as a provider writes it: a Finnish Excel CSV (semicolons, a decimal comma would do too). */
export const vocationalUnitsCsv = () =>
  ['koodi;nimi;nimi_sv;nimi_en;osp;tutkinto;koulutusala', ...VOCATIONAL_UNITS.map((u) => [`tutkinnonosat_${u.code}`, u.fi, u.sv, u.en, u.credits, u.qualification, u.field].join(';'))].join('\r\n');
