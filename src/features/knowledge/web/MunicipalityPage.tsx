import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { Heading, LoadingSpinner } from 'suomifi-ui-components';
import { toQuery } from '../../../web/app/api.js';
import { ErrorNotice } from '../../../web/app/ErrorNotice.js';
import { useMunicipalityName, useTravelTime } from '../../../web/app/labels.js';
import { useApi } from '../../../web/app/use-api.js';
import { ACCESS_CLASSES, THRESHOLDS } from '../accessibility.js';
import type { RegionIndicators } from '../region-indicators.js';
import { ComputedNote } from './ComputedNote.js';
import { ProjectionChart } from './ProjectionChart.js';

/** One municipality: its cohorts by age and their projection, the nearest offering of each kind, what lies within reach, and online options. */
export function MunicipalityPage() {
  const { code } = useParams();
  const [searchParams] = useSearchParams();
  const regionId = searchParams.get('region');
  const { t } = useTranslation();
  const municipalityName = useMunicipalityName();
  const travelTime = useTravelTime();
  const indicators = useApi<RegionIndicators>(regionId ? `/regions/${regionId}/indicators` : null);

  if (!regionId) return <div className="page"><p>{t('errors.not_found')}</p></div>;
  if (indicators.state === 'loading') return <LoadingSpinner text={t('knowledge.computing')} />;
  if (indicators.state === 'error') return <div className="page"><ErrorNotice error={indicators.error} /></div>;
  const m = indicators.data.municipalities.find((x) => x.code === code);
  if (!m) return <div className="page"><Heading variant="h1">{t('notFound.title')}</Heading></div>;
  const name = municipalityName(m);
  const years = m.projectionByAge.filter((y) => y.year === m.cohortYear || y.year % 5 === 0);

  return (
    <div className="page">
      <p><Link to={`/knowledge?region=${regionId}`}>{t('knowledge.back')}</Link></p>
      <Heading variant="h1">{name}</Heading>
      <ComputedNote data={indicators.data} model={m.travelModel ?? indicators.data.travelModel} />

      <section aria-labelledby="access-heading">
        <h2 id="access-heading">{t('knowledge.municipality.accessTitle')}</h2>
        <table className="data-table">
          <caption className="visually-hidden">{t('knowledge.municipality.accessTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('knowledge.form')}</th>
              <th scope="col">{t('knowledge.municipality.nearest')}</th>
              {THRESHOLDS.map((minutes) => <th key={minutes} scope="col">{t('knowledge.municipality.within', { minutes })}</th>)}
              <th scope="col">{t('knowledge.municipality.distance')}</th>
            </tr>
          </thead>
          <tbody>
            {ACCESS_CLASSES.map((kind) => (
              <tr key={kind}>
                <th scope="row">{t(`knowledge.class.${kind}`)}</th>
                <td>{m.nearestMinutes[kind] === null ? '–' : travelTime(m.nearestMinutes[kind], m.nearestModel[kind])}</td>
                {THRESHOLDS.map((minutes) => <td key={minutes}>{m.reachable[minutes][kind]}</td>)}
                <td>{kind === 'any' ? (m.remoteOrOnline.lukio || m.remoteOrOnline.vocational ? t('knowledge.municipality.yes') : t('knowledge.municipality.no')) : m.remoteOrOnline[kind] ? t('knowledge.municipality.yes') : t('knowledge.municipality.no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p><Link to={`/living-in${toQuery({ home: m.code, maxMinutes: 60 })}`}>{t('knowledge.municipality.whatCanIStudy', { name })}</Link></p>
      </section>

      <section aria-labelledby="cohorts-heading">
        <h2 id="cohorts-heading">{t('knowledge.municipality.cohortsTitle')}</h2>
        {m.cohort16to18 !== null && m.cohortYear !== null && (
          <ProjectionChart series={[{ name, now: { year: m.cohortYear, value: m.cohort16to18 }, projection: m.projection }]} />
        )}
        <table className="data-table">
          <caption>{t('knowledge.municipality.byAge')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('knowledge.municipality.year')}</th>
              {[13, 14, 15, 16, 17, 18, 19].map((age) => <th key={age} scope="col">{t('knowledge.municipality.age', { age })}</th>)}
            </tr>
          </thead>
          <tbody>
            {years.map((y) => (
              <tr key={y.year}>
                <th scope="row">{y.year === m.cohortYear ? t('knowledge.municipality.dataYear', { year: y.year }) : y.year}</th>
                {[13, 14, 15, 16, 17, 18, 19].map((age) => <td key={age}>{Math.round(y.ages[age] ?? 0)}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
        {m.annualChange && <p>{t('knowledge.municipality.change', { percent: (m.annualChange.rate * 100).toFixed(2), from: m.annualChange.fromYear, to: m.annualChange.toYear })}</p>}
      </section>
    </div>
  );
}
