import { useTranslation } from 'react-i18next';
import { Heading, Paragraph } from 'suomifi-ui-components';
import { useApi } from '../app/use-api.js';

interface Region {
  id: number;
  nameFi: string;
  nameSv: string;
  nameEn: string;
  isDemo: boolean;
  travel: { circuity: number; speedKmh: number; overheadMinutes: number };
  municipalityCodes: string[];
}

const SOURCES = [
  ['about.sourceMunicipalities', 'Tilastokeskus / Statistics Finland, rOpenGov/geofi', 'CC BY 4.0'],
  ['about.sourcePopulation', 'Tilastokeskus / Statistics Finland, Paavo 2018', 'CC BY 4.0'],
  ['about.sourceBoundaries', 'Maanmittauslaitos / National Land Survey of Finland, 1:4.5M (2023)', 'CC BY 4.0'],
  ['about.sourceSchools', 'Tilastokeskus / Statistics Finland, oppilaitosrekisteri (2025)', 'CC BY 4.0'],
  ['about.sourceVocational', 'Lappia, REDU, SAKK', 'about.publicSources'],
] as const;

export function AboutPage() {
  const { t, i18n } = useTranslation();
  const regions = useApi<{ items: Region[] }>('/regions');
  const regionName = (r: Region) => (i18n.language === 'sv' ? r.nameSv : i18n.language === 'en' ? r.nameEn : r.nameFi);
  return (
    <div className="page page--narrow">
      <Heading variant="h1">{t('about.title')}</Heading>
      <Paragraph>{t('about.intro')}</Paragraph>
      <h2>{t('about.travelTitle')}</h2>
      <Paragraph>{t('about.travelText')}</Paragraph>
      <Paragraph>{t('about.travelRoadText')}</Paragraph>
      {regions.state === 'ready' && (
        <div className="table-scroll" tabIndex={0}>
          <table className="data-table">
            <caption>{t('about.travelParameters')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('about.region')}</th>
                <th scope="col">{t('about.circuity')}</th>
                <th scope="col">{t('about.speed')}</th>
                <th scope="col">{t('about.overhead')}</th>
              </tr>
            </thead>
            <tbody>
              {regions.data.items.map((r) => (
                <tr key={r.id}>
                  <td>{regionName(r)}{r.isDemo && ` (${t('offering.demo')})`}</td>
                  <td>{r.travel.circuity}</td>
                  <td>{r.travel.speedKmh} km/h</td>
                  <td>{r.travel.overheadMinutes} min</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t('about.demoTitle')}</h2>
      <Paragraph>{t('about.demoText')}</Paragraph>
      <h2>{t('about.sourcesTitle')}</h2>
      <div className="table-scroll" tabIndex={0}>
        <table className="data-table">
          <caption>{t('about.sourcesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('about.data')}</th>
              <th scope="col">{t('about.source')}</th>
              <th scope="col">{t('about.licence')}</th>
            </tr>
          </thead>
          <tbody>
            {SOURCES.map(([key, source, licence]) => (
              <tr key={key}>
                <td>{t(key)}</td>
                <td>{source}</td>
                <td>{licence.startsWith('about.') ? t(licence) : licence}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Paragraph>{t('about.attribution')}</Paragraph>
    </div>
  );
}
