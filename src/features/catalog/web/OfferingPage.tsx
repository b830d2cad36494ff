import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { Heading, LoadingSpinner } from 'suomifi-ui-components';
import { toQuery } from '../../../web/app/api.js';
import { ErrorNotice } from '../../../web/app/ErrorNotice.js';
import { formatCredits, useCourseName, useMunicipalityName, useSlotText } from '../../../web/app/labels.js';
import { useMunicipalities } from '../../../web/app/municipalities.js';
import { MunicipalitySelect } from '../../../web/app/MunicipalitySelect.js';
import { useApi } from '../../../web/app/use-api.js';
import type { OfferingDto } from '../offering-dto.js';
import { RequestSeatButton } from '../../enrolment/web/RequestSeatButton.js';
import { AddToPlanButton } from '../../plan/web/AddToPlanButton.js';
import { TravelText } from './OfferingCard.js';

export function OfferingPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const home = searchParams.get('home');
  const result = useApi<OfferingDto>(`/offerings/${id}${toQuery({ home })}`);
  const courseName = useCourseName();
  const municipalityName = useMunicipalityName();
  const municipalities = useMunicipalities();
  const slotText = useSlotText();

  if (result.state === 'loading') return <LoadingSpinner text={t('common.loading')} />;
  if (result.state === 'error') {
    return (
      <div className="page">
        <Heading variant="h1">{t('offering.notFoundTitle')}</Heading>
        <ErrorNotice error={result.error} />
        <p><Link to="/">{t('offering.backToTray')}</Link></p>
      </div>
    );
  }
  const o = result.data;
  const row = (label: string, value: React.ReactNode) => (
    <div className="detail-row">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <div className="page">
      <p><Link to={`/${toQuery({ home })}`}>{t('offering.backToTray')}</Link></p>
      <Heading variant="h1">
        <span className="course-code">{o.course.code}</span> {courseName(o.course)}
      </Heading>
      {o.isDemo && <p className="demo-tag">{t('offering.demo')}</p>}
      {o.status === 'withdrawn' && <p className="withdrawn">{t('offering.withdrawn')}</p>}
      <div className="offering-detail">
        <dl className="details">
          {row(t('offering.provider'), o.provider.name)}
          {row(t('offering.site'), o.site ? (
            <>
              {o.site.name}
              {o.site.address && `, ${o.site.address}`}, {municipalityName(municipalities.get(o.site.municipalityCode))}
              {o.site.locationApproximate && <span className="hint"> ({t('offering.locationApproximate')})</span>}
            </>
          ) : t('offering.noSite'))}
          {row(t('offering.mode'), t(`mode.${o.mode}`))}
          {row(t('offering.form'), t(`form.${o.course.educationForm}`))}
          {row(t('offering.field'), t(`field.${o.course.field}`))}
          {o.course.qualification && row(t('offering.qualification'), o.course.qualification)}
          {row(t('offering.credits'), formatCredits(o.course.credits, o.course.creditUnit, i18n.language))}
          {row(t('offering.nameSource'), o.course.nameSource === 'national' ? t('courses.nationalShort') : t('courses.localShort'))}
          {row(t('offering.language'), t(`language.${o.language}`))}
          {row(t('offering.academicYear'), o.academicYear)}
          {row(t('offering.periods'), o.periods.join(', '))}
          {row(t('offering.schedule'), o.timeSlots.length === 0 ? t('offering.selfPaced') : (
            <ul className="plain-list">
              {o.timeSlots.map((s, i) => (
                <li key={i}>{slotText(s)}</li>
              ))}
            </ul>
          ))}
          {o.bars.length > 0 && row(t('offering.bars'), o.bars.join(', '))}
          {row(t('offering.capacity'), o.capacity)}
          {row(t('offering.seatsForPartners'), t('offering.seatsTakenOf', { taken: o.seatsTaken, seats: o.seatsForPartners }))}
          {row(t('offering.targetGroups'), o.targetGroups.map((g) => t(`targetGroup.${g}`)).join(', '))}
          {row(t('offering.fee'), o.feeEuros === 0 ? t('offering.free') : `${o.feeEuros.toFixed(2).replace('.', i18n.language === 'en' ? '.' : ',')} €`)}
          {row(t('offering.enrolment'), o.enrolmentStart || o.enrolmentEnd ? `${o.enrolmentStart ?? ''} – ${o.enrolmentEnd ?? ''}` : '–')}
          {row(t('offering.contact'), o.contactEmail ? <a href={`mailto:${o.contactEmail}`}>{o.contactName ?? o.contactEmail}</a> : (o.contactName ?? '–'))}
        </dl>
        <div className="offering-side">
        <section className="travel-box" aria-labelledby="travel-heading">
          <h2 id="travel-heading">{t('offering.travelTitle')}</h2>
          <MunicipalitySelect
            id="offering-home"
            labelText={t('filters.home')}
            value={home}
            onChange={(code) => setSearchParams(code ? { home: code } : {}, { replace: true })}
          />
          <p className="travel-result" aria-live="polite">
            {home ? <TravelText offering={o} /> : t('offering.chooseHome')}
          </p>
          {home && o.travelModel && <p className="hint">{o.travelModel === 'road' ? t('offering.roadExplanation') : t('offering.estimateExplanation')}</p>}
        </section>
        {o.status === 'published' && <AddToPlanButton offeringId={o.id} />}
        {o.status === 'published' && <RequestSeatButton offeringId={o.id} providerId={o.provider.id} />}
        </div>
      </div>
    </div>
  );
}
