import { useTranslation } from 'react-i18next';
import type { OfferingDto } from '../../features/catalog/offering-dto.js';

/** The course name in the UI language, falling back to Finnish. */
export function useCourseName() {
  const { i18n } = useTranslation();
  return (course: Pick<OfferingDto['course'], 'nameFi' | 'nameSv' | 'nameEn'>) =>
    (i18n.language === 'sv' ? course.nameSv : i18n.language === 'en' ? course.nameEn : course.nameFi) || course.nameFi;
}

/** The municipality name in the UI language (Swedish in the Swedish UI, else Finnish). */
export function useMunicipalityName() {
  const { i18n } = useTranslation();
  return (m: { nameFi: string; nameSv: string } | undefined) => (m ? (i18n.language === 'sv' ? m.nameSv : m.nameFi) : '');
}

/**
 * A credit unit as its language abbreviates it: the lukio's opintopiste is studiepoäng (sp) in
 * Swedish, a vocational osaamispiste kompetenspoäng (kp); English says credits and competence points.
 */
const CREDIT_UNITS: Record<string, Record<string, string>> = {
  fi: { op: 'op', osp: 'osp' },
  sv: { op: 'sp', osp: 'kp' },
  en: { op: 'cr', osp: 'cp' },
};

export function creditUnitLabel(unit: string, language: string) {
  return CREDIT_UNITS[language]?.[unit] ?? unit;
}

export function formatCredits(credits: number, unit: string, language: string) {
  return `${credits.toLocaleString(language === 'en' ? 'en-GB' : `${language}-FI`)} ${creditUnitLabel(unit, language)}`;
}

const WEEKDAYS = ['', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** A lesson time as "ma 08:30–14:30" in the UI language. */
export function useSlotText() {
  const { t } = useTranslation();
  return (slot: { day: number; start: string; end: string }) => `${t(`weekday.${WEEKDAYS[slot.day]}`)} ${slot.start}–${slot.end}`;
}

/** A travel time labelled with the model that produced it: "about 35 min (estimate)". */
export function useTravelTime() {
  const { t } = useTranslation();
  return (minutes: number, model: 'estimate' | 'road' | null) => (model === 'road' ? t('offering.travelByRoad', { minutes }) : t('offering.travelEstimate', { minutes }));
}

/** Date and time in the UI language's conventions. */
export function useDateTime() {
  const { i18n } = useTranslation();
  return (value: string | Date) => new Date(value).toLocaleString(i18n.language === 'en' ? 'en-GB' : `${i18n.language}-FI`, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A day in the UI language's conventions: 8.12.2026, 8 dec. 2026, 8 Dec 2026. */
export function useDate() {
  const { i18n } = useTranslation();
  return (value: string | Date) => new Date(value).toLocaleDateString(i18n.language === 'en' ? 'en-GB' : `${i18n.language}-FI`, { dateStyle: 'medium' });
}

/** A region's name in the UI language. */
export function useRegionName() {
  const { i18n } = useTranslation();
  return (region: { nameFi: string; nameSv: string; nameEn: string }) => (i18n.language === 'sv' ? region.nameSv : i18n.language === 'en' ? region.nameEn : region.nameFi);
}
