/**
 * Organizations and sites of the Lappi demo region. Lukio and comprehensive-school sites have
 * their real register coordinates (data/reference/fi_schools_*.csv); vocational, adult-education
 * and university sites have no public coordinates and stand at their municipality's centre,
 * marked approximate. Companies offering workplace learning are fictional and named "(demo)".
 */
export const LAPPI_MUNICIPALITIES = [
  '047', '148', '240', '241', '261', '273', '320', '498', '583', '614', '683',
  '698', '732', '742', '751', '758', '845', '851', '854', '890', '976',
];

/** The Kemi-Tornionlaakso cooperation area of the KOPA pilot: a second region sharing municipalities with Lappi. */
export const KEMI_TORNIONLAAKSO_MUNICIPALITIES = ['240', '241', '751', '845', '851', '854', '976'];

/** Register codes of the demo's lukios and the comprehensive schools that open courses to others. */
export const LUKIO_SCHOOL_CODES = [
  '00497', '00161', '00271', '00272', '00474', '00280', '00455', '00728', '00466', '00063', '00640',
  '00671', '00735', '00579', '00785', '00483', '00789', '00765', '00849', '00830', '00487', '00946',
];
export const COMPREHENSIVE_SCHOOL_CODES = ['04158', '04397'];
export const ADULT_LUKIO_CODE = '00579';
export const SAMI_LUKIO_CODE = '00487';

export interface DemoProvider {
  key: string;
  name: string;
  kind: 'provider' | 'company' | 'municipality';
  municipalityCode: string;
  /** Sites at a municipality's centre: [site key, name, municipality code, address]. */
  sites: [key: string, name: string, municipalityCode: string, address: string | null][];
}

export const DEMO_PROVIDERS: DemoProvider[] = [
  { key: 'lappia', name: 'Lappia (Kemi-Tornionlaakson koulutuskuntayhtymä)', kind: 'provider', municipalityCode: '851', sites: [
    ['lappia-tornio', 'Lappia, Tornion kampus', '851', 'Suensaari, Tornio'],
    ['lappia-kemi', 'Lappia, Kemin Sammonkadun yksikkö', '240', 'Sammonkatu, Kemi'],
    ['lappia-loue', 'Lappia, Louen yksikkö', '845', 'Loue, Tervola'],
  ] },
  { key: 'redu', name: 'Lapin koulutuskeskus REDU', kind: 'provider', municipalityCode: '698', sites: [
    ['redu-rovaniemi', 'REDU, Rovaniemi', '698', null],
    ['redu-kemijarvi', 'REDU, Kemijärven toimintayksikkö', '320', 'Myllyjärventie, Kemijärvi'],
    ['redu-sodankyla', 'REDU, Sodankylä', '758', null],
    ['redu-kittila', 'REDU, Kittilä', '261', null],
    ['redu-levi', 'REDU, Wellevi (Levi)', '261', 'Levi, Kittilä'],
  ] },
  { key: 'sakk', name: 'Saamelaisalueen koulutuskeskus', kind: 'provider', municipalityCode: '148', sites: [
    ['sakk-inari', 'Saamelaisalueen koulutuskeskus, Inari', '148', 'Menesjärventie 4, 99870 Inari'],
  ] },
  { key: 'kivalo', name: 'Kivalo-opisto', kind: 'provider', municipalityCode: '240', sites: [
    ['kivalo-kemi', 'Kivalo-opisto, Kemi', '240', null],
    ['kivalo-keminmaa', 'Kivalo-opisto, Keminmaa', '241', null],
    ['kivalo-simo', 'Kivalo-opisto, Simo', '751', null],
    ['kivalo-tervola', 'Kivalo-opisto, Tervola', '845', null],
  ] },
  { key: 'lapinamk', name: 'Lapin ammattikorkeakoulu', kind: 'provider', municipalityCode: '698', sites: [
    ['lapinamk-rovaniemi', 'Lapin AMK, Rovaniemen kampus', '698', null],
    ['lapinamk-kemi', 'Lapin AMK, Kemin kampus', '240', null],
  ] },
  { key: 'konepaja', name: 'Tornionlaakson Konepaja Oy (demo)', kind: 'company', municipalityCode: '854', sites: [
    ['konepaja-pello', 'Tornionlaakson Konepaja, Pello (demo)', '854', null],
  ] },
  { key: 'matkailu', name: 'Aavasaksan Elämysmatkat Oy (demo)', kind: 'company', municipalityCode: '976', sites: [
    ['matkailu-ylitornio', 'Aavasaksan Elämysmatkat, Ylitornio (demo)', '976', null],
  ] },
  { key: 'ravintola', name: 'Tunturiravintolat Oy (demo)', kind: 'company', municipalityCode: '261', sites: [
    ['ravintola-levi', 'Tunturiravintolat, Levi (demo)', '261', null],
  ] },
  { key: 'sahko', name: 'Perämeren Sähkö ja Automaatio Oy (demo)', kind: 'company', municipalityCode: '240', sites: [
    ['sahko-kemi', 'Perämeren Sähkö ja Automaatio, Kemi (demo)', '240', null],
  ] },
  { key: 'pello', name: 'Pellon kunta', kind: 'municipality', municipalityCode: '854', sites: [] },
  { key: 'ylitornio', name: 'Ylitornion kunta', kind: 'municipality', municipalityCode: '976', sites: [] },
];
