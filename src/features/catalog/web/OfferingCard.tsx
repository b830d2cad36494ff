import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { StaticChip } from 'suomifi-ui-components';
import { formatCredits, useCourseName, useMunicipalityName, useTravelTime } from '../../../web/app/labels.js';
import { useMunicipalities } from '../../../web/app/municipalities.js';
import type { OfferingDto } from '../offering-dto.js';

export function TravelText({ offering }: { offering: OfferingDto }) {
  const { t } = useTranslation();
  const travelTime = useTravelTime();
  if (offering.mode === 'online' || offering.mode === 'remote') return <>{t('offering.noTravelNeeded')}</>;
  if (offering.travelMinutes === null) return null;
  return <>{travelTime(offering.travelMinutes, offering.travelModel)}</>;
}

export function OfferingCard({ offering, home }: { offering: OfferingDto; home: string | null }) {
  const { t, i18n } = useTranslation();
  const courseName = useCourseName();
  const municipalityName = useMunicipalityName();
  const municipalities = useMunicipalities();
  const link = `/offerings/${offering.id}${home ? `?home=${home}` : ''}`;
  return (
    <li className="offering-card">
      <h3 className="offering-card__title">
        <Link to={link}>
          <span className="course-code">{offering.course.code}</span> {courseName(offering.course)}
        </Link>
      </h3>
      <p className="offering-card__provider">
        {offering.provider.name}
        {offering.site && ` · ${offering.site.name}, ${municipalityName(municipalities.get(offering.site.municipalityCode))}`}
      </p>
      <ul className="offering-card__facts" aria-label={t('offering.facts')}>
        <li><StaticChip>{t(`mode.${offering.mode}`)}</StaticChip></li>
        <li>{t(`form.${offering.course.educationForm}`)}</li>
        <li>{formatCredits(offering.course.credits, offering.course.creditUnit, i18n.language)}</li>
        <li>{t(`language.${offering.language}`)}</li>
        <li>{t('offering.periodsShort', { periods: offering.periods.join(', ') })}</li>
        <li>{t('offering.partnerSeats', { count: offering.seatsForPartners })}</li>
        {(offering.travelMinutes !== null || offering.mode === 'online' || offering.mode === 'remote') && home && (
          <li className="offering-card__travel"><TravelText offering={offering} /></li>
        )}
        {offering.isDemo && <li className="demo-tag">{t('offering.demo')}</li>}
      </ul>
    </li>
  );
}
