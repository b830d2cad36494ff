import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { Dropdown, DropdownItem, Heading, LoadingSpinner, Paragraph } from 'suomifi-ui-components';
import { ErrorNotice } from '../../../web/app/ErrorNotice.js';
import { canUpdateRegionStatistics, isAdminOf } from '../../auth/roles.js';
import { RegionSettingsPanel } from '../../region/web/RegionSettingsPanel.js';
import { PopulationImportPanel } from '../../population/web/PopulationImportPanel.js';
import { useSession } from '../../../web/app/session.js';
import { useApi } from '../../../web/app/use-api.js';
import type { MapSite } from '../../catalog/web/SitesMap.js';
import { changeTo2035 } from '../indicator-table.js';
import type { RegionIndicators } from '../region-indicators.js';
import { quantileClasses } from '../colour-classes.js';
import { ComputedNote } from './ComputedNote.js';
import { IndicatorTable } from './IndicatorTable.js';
import { ProjectionChart } from './ProjectionChart.js';

const IndicatorMap = lazy(() => import('./IndicatorMap.js').then((m) => ({ default: m.IndicatorMap })));

type Municipality = RegionIndicators['municipalities'][number];
type RegionItem = { id: number; nameFi: string; nameSv: string; nameEn: string; travel: { circuity: number; speedKmh: number; overheadMinutes: number }; dailyTravelLimitMinutes: number };

const settingsOf = (r: RegionItem) => ({ travelCircuity: r.travel.circuity, travelSpeedKmh: r.travel.speedKmh, travelOverheadMinutes: r.travel.overheadMinutes, dailyTravelLimitMinutes: r.dailyTravelLimitMinutes });
export const MAP_INDICATORS = ['cohort', 'change', 'lukio', 'vocational'] as const;
type MapIndicator = (typeof MAP_INDICATORS)[number];

const VALUE_OF: Record<MapIndicator, (m: Municipality) => number | null> = {
  cohort: (m) => m.cohort16to18,
  change: (m) => changeTo2035(m),
  lukio: (m) => m.nearestMinutes.lukio,
  vocational: (m) => m.nearestMinutes.vocational,
};

/** The regional knowledge base: cohorts and their projection, and the accessibility of education, as a map, a chart and a table. */
export function KnowledgePage() {
  const { t, i18n } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const regions = useApi<{ items: RegionItem[] }>('/regions');
  const { user } = useSession();
  // The signed-in person's own region, else the oldest one.
  const defaultRegion = regions.state === 'ready' ? (user?.regionId ?? Math.min(...regions.data.items.map((r) => r.id))) : null;
  const regionId = searchParams.get('region') ?? (defaultRegion !== null && Number.isFinite(defaultRegion) ? String(defaultRegion) : null);
  const indicators = useApi<RegionIndicators>(regionId ? `/regions/${regionId}/indicators` : null);
  const sites = useApi<{ items: MapSite[] }>(regionId ? `/sites?region=${regionId}` : null);
  const [indicator, setIndicator] = useState<MapIndicator>('cohort');
  const [chosen, setChosen] = useState<string | null>(null);

  const data = indicators.state === 'ready' ? indicators.data : null;
  const values = useMemo(() => new Map(data?.municipalities.map((m) => [m.code, VALUE_OF[indicator](m)]) ?? []), [data, indicator]);
  const classes = useMemo(
    () => quantileClasses([...values.values()].filter((v): v is number => v !== null), (n) => (indicator === 'change' ? `${n} %` : indicator === 'cohort' ? String(n) : `${n} min`)),
    [values, indicator],
  );

  if (regions.state === 'error') return <div className="page"><ErrorNotice error={regions.error} /></div>;
  const regionName = (r: { nameFi: string; nameSv: string; nameEn: string }) => t('knowledge.regionName', { fi: r.nameFi, sv: r.nameSv, en: r.nameEn });
  const chosenMunicipality = data?.municipalities.find((m) => m.code === chosen) ?? null;
  const percent = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)} %`);
  const shownRegion = regions.state === 'ready' ? regions.data.items.find((r) => String(r.id) === regionId) : undefined;

  return (
    <div className="page">
      <Heading variant="h1">{t('knowledge.title')}{data && `: ${regionName(data.region)}`}</Heading>
      <Paragraph className="lead">{t('knowledge.lead')}</Paragraph>
      {regions.state === 'ready' && regions.data.items.length > 1 && (
        <Dropdown id="knowledge-region" labelText={t('knowledge.region')} value={regionId ?? undefined} onChange={(v: string) => setSearchParams({ region: v })}>
          {regions.data.items.map((r) => <DropdownItem key={r.id} value={String(r.id)}>{regionName(r)}</DropdownItem>)}
        </Dropdown>
      )}
      {regions.state === 'ready' && regions.data.items.length === 0 && <p className="empty-state">{t('knowledge.noRegions')}</p>}
      {regionId && indicators.state === 'loading' && <LoadingSpinner text={t('knowledge.computing')} />}
      {indicators.state === 'error' && <ErrorNotice error={indicators.error} />}
      {data && (
        <>
          <ComputedNote data={data} model={data.travelModel} />
          <p className="no-print">
            <a href={`/api/v1/regions/${regionId}/report.pdf?lang=${i18n.language}`}>{t('knowledge.report')}</a>
            {' · '}
            <button type="button" className="link-button" onClick={() => window.print()}>{t('knowledge.print')}</button>
          </p>
          <section aria-labelledby="shares-heading" className="panel">
            <h2 id="shares-heading">{t('knowledge.sharesTitle', { count: data.totals.cohort16to18 })}</h2>
            <p>{t('knowledge.withinDailyLimitSummary', { minutes: data.totals.dailyTravelLimitMinutes, lukio: percent(data.totals.share16to18WithinDailyLimit.lukio), vocational: percent(data.totals.share16to18WithinDailyLimit.vocational) })}</p>
            {/* Focusable, so that a keyboard can scroll it on a narrow screen. */}
            <div className="table-scroll" tabIndex={0}>
              <table className="data-table">
                <caption className="visually-hidden">{t('knowledge.sharesTitle', { count: data.totals.cohort16to18 })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('knowledge.form')}</th>
                    {(['30', '45', '60'] as const).map((m) => <th key={m} scope="col">{t('knowledge.within', { minutes: m })}</th>)}
                    <th scope="col">{t('knowledge.withinDailyLimit', { minutes: data.totals.dailyTravelLimitMinutes })}</th>
                  </tr>
                </thead>
                <tbody>
                  {(['lukio', 'vocational', 'any'] as const).map((form) => (
                    <tr key={form}>
                      <th scope="row">{t(`knowledge.class.${form}`)}</th>
                      {(['30', '45', '60'] as const).map((m) => {
                        const share = data.totals.share16to18Within[form][Number(m) as 30 | 45 | 60];
                        return <td key={m}>{percent(share)}</td>;
                      })}
                      <td>{percent(data.totals.share16to18WithinDailyLimit[form])}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>

          <section aria-labelledby="map-heading">
            <h2 id="map-heading">{t('knowledge.mapTitle')}</h2>
            <Dropdown id="knowledge-indicator" labelText={t('knowledge.indicator')} value={indicator} onChange={(v: string) => setIndicator(v as MapIndicator)}>
              {MAP_INDICATORS.map((i) => <DropdownItem key={i} value={i}>{t(`knowledge.indicators.${i}`)}</DropdownItem>)}
            </Dropdown>
            <Suspense fallback={<LoadingSpinner text={t('common.loading')} />}>
              <IndicatorMap values={values} classes={classes} sites={sites.state === 'ready' ? sites.data.items : []} label={t(`knowledge.indicators.${indicator}`)} />
            </Suspense>
          </section>

          <section aria-labelledby="chart-heading">
            <h2 id="chart-heading">{t('knowledge.chartTitle')}</h2>
            <ProjectionChart
              series={[
                { name: regionName(data.region), now: { year: data.municipalities[0]?.cohortYear ?? 2018, value: data.totals.cohort16to18 }, projection: data.totals.projection },
                ...(chosenMunicipality?.cohort16to18 != null
                  ? [{ name: chosenMunicipality.nameFi, now: { year: chosenMunicipality.cohortYear!, value: chosenMunicipality.cohort16to18 }, projection: chosenMunicipality.projection }]
                  : []),
              ]}
            />
          </section>

          <IndicatorTable data={data} regionId={Number(regionId)} chosen={chosen} onChoose={setChosen} />

          {user && canUpdateRegionStatistics(user, Number(regionId)) && <PopulationImportPanel regionId={Number(regionId)} onImported={indicators.reload} />}
          {user && shownRegion && isAdminOf(user, shownRegion.id) && (
            <RegionSettingsPanel
              key={shownRegion.id}
              regionId={shownRegion.id}
              settings={settingsOf(shownRegion)}
              onSaved={() => {
                regions.reload();
                indicators.reload();
              }}
            />
          )}

          <details className="rules">
            <summary>{t('knowledge.methodTitle')}</summary>
            <p>{t('knowledge.method.cohorts', { year: data.municipalities[0]?.cohortYear ?? 2018 })}</p>
            <p>{t('knowledge.method.projection')}</p>
            <p>{t('knowledge.method.access')}</p>
            <p>{t('knowledge.method.sources')}</p>
          </details>
        </>
      )}
    </div>
  );
}
