import type { DemoCourse } from './demo-course.js';

/**
 * Units of vocational upper secondary qualifications (ammatilliset perustutkinnot). Qualification
 * names are real; the unit codes are the demo's own (QUAL-n), not ePerusteet codes.
 */
export interface DemoQualification {
  code: string;
  fi: string;
  sv: string;
  en: string;
  field: string;
  units: [fi: string, sv: string, en: string, credits: number][];
}

export const QUALIFICATIONS: DemoQualification[] = [
  { code: 'SATU', fi: 'Sähkö- ja automaatioalan perustutkinto', sv: 'Grundexamen inom el- och automationsbranschen', en: 'Vocational qualification in electrical engineering and automation', field: '07', units: [
    ['Sähkö- ja automaatioalan perustehtävissä toimiminen', 'Grundläggande uppgifter inom el och automation', 'Basic tasks in electrical and automation work', 20],
    ['Sähköasennukset', 'Elinstallationer', 'Electrical installations', 40],
    ['Automaatioasennukset', 'Automationsinstallationer', 'Automation installations', 20],
  ] },
  { code: 'KOTU', fi: 'Kone- ja tuotantotekniikan perustutkinto', sv: 'Grundexamen i maskin- och produktionsteknik', en: 'Vocational qualification in mechanical and production engineering', field: '07', units: [
    ['Valmistustekniikassa toimiminen', 'Arbete inom tillverkningsteknik', 'Working in manufacturing technology', 45],
    ['Koneistus', 'Skärande bearbetning', 'Machining', 30],
    ['Hitsaus', 'Svetsning', 'Welding', 30],
  ] },
  { code: 'RAKE', fi: 'Rakennusalan perustutkinto', sv: 'Grundexamen i byggnadsbranschen', en: 'Vocational qualification in construction', field: '07', units: [
    ['Talonrakennustyöt', 'Husbyggnadsarbeten', 'House building work', 45],
    ['Puurakentaminen', 'Träbyggande', 'Timber construction', 30],
  ] },
  { code: 'LOG', fi: 'Logistiikan perustutkinto', sv: 'Grundexamen i logistik', en: 'Vocational qualification in logistics', field: '10', units: [
    ['Kuljetuspalveluissa toimiminen', 'Arbete inom transporttjänster', 'Working in transport services', 45],
    ['Raskaan ajoneuvon kuljettaminen', 'Att köra tunga fordon', 'Driving a heavy vehicle', 30],
  ] },
  { code: 'RACA', fi: 'Ravintola- ja catering-alan perustutkinto', sv: 'Grundexamen i restaurang- och cateringbranschen', en: 'Vocational qualification in restaurant and catering services', field: '10', units: [
    ['Ruokapalveluissa toimiminen', 'Arbete inom mattjänster', 'Working in food services', 45],
    ['Annosruokien valmistaminen', 'Tillagning av portionsrätter', 'Preparing à la carte dishes', 30],
  ] },
  { code: 'SOTE', fi: 'Sosiaali- ja terveysalan perustutkinto', sv: 'Grundexamen inom social- och hälsovården', en: 'Vocational qualification in social and health care', field: '09', units: [
    ['Hoito- ja huolenpitotyössä toimiminen', 'Att arbeta inom vård och omsorg', 'Working in care and nursing', 25],
    ['Kasvun ja osallisuuden edistäminen', 'Främjande av uppväxt och delaktighet', 'Promoting growth and inclusion', 25],
    ['Ikääntyneiden hoito ja kuntoutus', 'Vård och rehabilitering av äldre', 'Care and rehabilitation of older people', 40],
  ] },
  { code: 'LIIKE', fi: 'Liiketoiminnan perustutkinto', sv: 'Grundexamen i affärsverksamhet', en: 'Vocational qualification in business', field: '04', units: [
    ['Asiakaspalvelu ja myynti', 'Kundservice och försäljning', 'Customer service and sales', 35],
    ['Taloushallinnon tehtävissä toimiminen', 'Uppgifter inom ekonomiförvaltning', 'Working in financial administration', 30],
  ] },
  { code: 'TVT', fi: 'Tieto- ja viestintätekniikan perustutkinto', sv: 'Grundexamen i informations- och kommunikationsteknik', en: 'Vocational qualification in information and communications technology', field: '06', units: [
    ['Tietokoneet ja verkot', 'Datorer och nätverk', 'Computers and networks', 30],
    ['Ohjelmointi', 'Programmering', 'Programming', 30],
  ] },
  { code: 'MATK', fi: 'Matkailualan perustutkinto', sv: 'Grundexamen i turismbranschen', en: 'Vocational qualification in tourism', field: '10', units: [
    ['Matkailupalveluissa toimiminen', 'Arbete inom turismtjänster', 'Working in tourism services', 30],
    ['Ohjelmapalvelujen toteuttaminen', 'Genomförande av programtjänster', 'Delivering activity services', 30],
  ] },
  { code: 'LUY', fi: 'Luonto- ja ympäristöalan perustutkinto', sv: 'Grundexamen i natur och miljö', en: 'Vocational qualification in nature and environment', field: '08', units: [
    ['Luonto- ja ympäristöalan tehtävissä toimiminen', 'Arbete inom natur och miljö', 'Working in nature and environment', 35],
  ] },
  { code: 'MAAT', fi: 'Maatalousalan perustutkinto', sv: 'Grundexamen i lantbruksbranschen', en: 'Vocational qualification in agriculture', field: '08', units: [
    ['Kotieläinten hoito', 'Husdjursskötsel', 'Animal husbandry', 30],
    ['Porotalous', 'Renskötsel', 'Reindeer husbandry', 30],
  ] },
  { code: 'YTO', fi: 'Yhteiset tutkinnon osat', sv: 'Gemensamma examensdelar', en: 'Common units of vocational qualifications', field: '00', units: [
    ['Viestintä- ja vuorovaikutusosaaminen', 'Kunnande i kommunikation och interaktion', 'Communication and interaction competence', 11],
    ['Matemaattis-luonnontieteellinen osaaminen', 'Kunnande i matematik och naturvetenskap', 'Mathematics and science competence', 6],
    ['Yhteiskunta- ja työelämäosaaminen', 'Kunnande om samhället och arbetslivet', 'Citizenship and working life competence', 9],
  ] },
];

export const VOCATIONAL_UNITS: (DemoCourse & { qualification: string })[] = QUALIFICATIONS.flatMap((q) =>
  q.units.map(([fi, sv, en, credits], index) => ({
    code: `${q.code}-${index + 1}`,
    fi,
    sv,
    en,
    credits,
    field: q.field,
    qualification: q.fi,
  })),
);
