/**
 * The twelve pilot regions of Kuntaliitto's KOPA network (Koulutus palveluna, 2020–2021), as its
 * presentation lists them (seed 003): the member municipalities and the named education
 * providers, with the names it uses. Offered as templates when a system admin creates a region;
 * municipalities are named here and resolved to today's codes from the bundled municipality list.
 * Nothing is added that the source does not name: where it names no provider, there is none.
 */
export interface RegionTemplate {
  /** A stable key, also the region code the template suggests. */
  key: string;
  nameFi: string;
  municipalities: string[];
  providers: string[];
}

export const KOPA_PILOT_REGIONS: readonly RegionTemplate[] = [
  { key: 'etela-savo', nameFi: 'Etelä-Savo', municipalities: ['Mikkeli'], providers: ['Etelä-Savon koulutus Oy', 'Mikkelin kaupungin liikelaitos Otavia'] },
  { key: 'ita-uusimaa', nameFi: 'Itä-Uusimaa', municipalities: ['Askola', 'Lapinjärvi', 'Loviisa', 'Sipoo', 'Porvoo'], providers: ['Careeria Oy'] },
  {
    key: 'etela-pohjanmaan-jarviseutu',
    nameFi: 'Etelä-Pohjanmaan järviseutu',
    municipalities: ['Alajärvi', 'Evijärvi', 'Lappajärvi', 'Vimpeli'],
    providers: ['Järviseudun ammatti-instituutti'],
  },
  { key: 'kemi-tornionlaakso', nameFi: 'Kemi-Tornionlaakso', municipalities: ['Pello', 'Ylitornio'], providers: ['Lappia', 'Ylitornion Yhteiskoulun Kannatusosakeyhtiö'] },
  {
    key: 'keski-savo',
    nameFi: 'Keski-Savo',
    municipalities: ['Joroinen', 'Leppävirta', 'Varkaus'],
    providers: ['Savon ammattiopisto', 'Savonia-ammattikorkeakoulu', 'Navitas Kehitys Oy'],
  },
  {
    key: 'keski-suomi',
    nameFi: 'Keski-Suomi',
    municipalities: ['Jämsä', 'Laukaa', 'Kuhmoinen', 'Keuruu', 'Hankasalmi', 'Joutsa', 'Petäjävesi'],
    providers: ['Jyväskylän koulutuskuntayhtymä Gradia'],
  },
  { key: 'pohjois-satakunta', nameFi: 'Pohjois-Satakunta', municipalities: ['Kankaanpää', 'Honkajoki'], providers: ['Sataedu'] },
  { key: 'saskyn-alue', nameFi: 'SASKYn alue', municipalities: ['Ikaalinen', 'Ruovesi', 'Parkano', 'Hämeenkyrö', 'Mänttä-Vilppula'], providers: ['SASKY'] },
  { key: 'suupohja', nameFi: 'Suupohja', municipalities: ['Kauhajoki', 'Teuva', 'Isojoki', 'Karijoki'], providers: ['Koulutuskuntayhtymä VUOKSI'] },
  { key: 'sofuk-ja-narpio', nameFi: 'SÖFUK ja Närpiö', municipalities: ['Närpiö'], providers: ['SÖFUK'] },
  {
    key: 'yla-savo',
    nameFi: 'Ylä-Savo',
    municipalities: ['Kiuruvesi', 'Vieremä', 'Sonkajärvi', 'Lapinlahti', 'Rautavaara', 'Pielavesi', 'Iisalmi', 'Keitele'],
    providers: ['Ylä-Savon koulutuskuntayhtymä'],
  },
  { key: 'ostnylandska', nameFi: 'Östnyländska', municipalities: ['Loviisa', 'Porvoo', 'Sipoo', 'Kotka'], providers: [] },
];

/**
 * The template's municipality codes, by Finnish name from today's municipalities, or from former
 * ones to the municipality each joined (Honkajoki joined Kankaanpää in 2021); a name found in
 * neither is an error in the template.
 */
export function municipalityCodesOf(
  template: RegionTemplate,
  municipalities: readonly { code: string; nameFi: string }[],
  former: readonly { nameFi: string; joinedCode: string }[],
): string[] {
  const byName = new Map([...former.map((m) => [m.nameFi, m.joinedCode] as const), ...municipalities.map((m) => [m.nameFi, m.code] as const)]);
  const codes = template.municipalities.map((name) => {
    const code = byName.get(name);
    if (!code) throw new Error(`The ${template.nameFi} template names ${name}, which is not a municipality of the list`);
    return code;
  });
  return [...new Set(codes)];
}
