/** Closed vocabularies of the tray. Labels live in the translations under the same keys. */

export const DELIVERY_MODES = ['onsite', 'remote', 'online', 'hybrid', 'workplace'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

/** Modes a student can follow from home: always "reachable", whatever the distance. */
export const MODES_WITHOUT_TRAVEL: readonly DeliveryMode[] = ['remote', 'online'];


export const TEACHING_LANGUAGES = ['fi', 'sv', 'en', 'se'] as const;
export type TeachingLanguage = (typeof TEACHING_LANGUAGES)[number];

export const EDUCATION_FORMS = [
  'comprehensive',
  'general_upper_secondary',
  'vocational',
  'liberal_adult',
  'higher',
] as const;
export type EducationForm = (typeof EDUCATION_FORMS)[number];

export const TARGET_GROUPS = ['young', 'adult', 'jobseeker'] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

/** ISCED-F 2013 broad fields of education (Statistics Finland's koulutusala 2016). */
export const FIELDS = ['00', '01', '02', '03', '04', '05', '06', '07', '08', '09', '10'] as const;
export type Field = (typeof FIELDS)[number];

export const ORGANIZATION_KINDS = ['provider', 'school', 'municipality', 'company', 'employment_area'] as const;

export const PERIODS = [1, 2, 3, 4, 5, 6] as const;
