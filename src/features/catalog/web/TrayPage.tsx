import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { Button, Heading, LoadingSpinner, Paragraph } from 'suomifi-ui-components';
import { toQuery } from '../../../web/app/api.js';
import { ErrorNotice } from '../../../web/app/ErrorNotice.js';
import { ListPagination } from '../../../web/app/ListPagination.js';
import { useApi } from '../../../web/app/use-api.js';
import type { OfferingDto } from '../offering-dto.js';
import { OfferingCard } from './OfferingCard.js';
import type { MapSite } from './SitesMap.js';
import { TrayFilters, type TrayParams } from './TrayFilters.js';

const PAGE_SIZE = 20;
/** MapLibre is most of the bundle: it loads after the list, in its own chunk. */
const SitesMap = lazy(() => import('./SitesMap.js').then((m) => ({ default: m.SitesMap })));
const PARAM_KEYS: (keyof TrayParams)[] = ['q', 'home', 'maxMinutes', 'municipality', 'form', 'field', 'mode', 'lang', 'period', 'targetGroup', 'seatsLeft', 'sort'];

export interface SearchResult {
  items: OfferingDto[];
  total: number;
  /** False when the search matched more than the server counts; `total` is then that cap. */
  totalIsExact: boolean;
}

export function TrayPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const params = Object.fromEntries(PARAM_KEYS.map((k) => [k, searchParams.get(k)])) as TrayParams;
  const page = Math.max(1, Number(searchParams.get('page') ?? 1) || 1);
  const filterQuery = toQuery(params);
  const results = useApi<SearchResult>(`/offerings${toQuery({ ...params, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })}`);
  const sites = useApi<{ items: MapSite[]; complete: boolean }>(`/offerings/sites${filterQuery}`);

  const update = (patch: Partial<TrayParams> & { page?: string | null }) => {
    const next = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries({ page: null, ...patch })) {
      if (value === null || value === undefined || value === '') next.delete(key);
      else next.set(key, value);
    }
    setSearchParams(next, { replace: true });
  };

  const lastPage = results.state === 'ready' ? Math.max(1, Math.ceil(results.data.total / PAGE_SIZE)) : 1;
  return (
    <div className="page">
      <Heading variant="h1">{t('tray.title')}</Heading>
      <Paragraph className="lead">{t('tray.lead')}</Paragraph>
      <TrayFilters params={params} onChange={update} />
      <div className="tray-layout">
        <section aria-labelledby="results-heading" className="tray-results">
          <h2 id="results-heading" className="results-heading">{t('tray.results')}</h2>
          <div aria-live="polite" aria-atomic="true" className="results-count">
            {results.state === 'ready' &&
              t(results.data.totalIsExact ? 'tray.resultCount' : 'tray.resultCountOver', { count: results.data.total })}
          </div>
          {results.state === 'ready' && params.home && (
            <p className="travel-note">{results.data.items.some((o) => o.travelModel === 'road') ? t('tray.travelNoteRoad') : t('tray.travelNote')}</p>
          )}
          {results.state === 'loading' && <LoadingSpinner text={t('common.loading')} variant="small" />}
          {results.state === 'error' && <ErrorNotice error={results.error} />}
          {results.state === 'ready' && results.data.items.length === 0 && (
            <div className="empty-state">
              {results.data.total === 0 ? (
                <p>{t('tray.empty')}</p>
              ) : (
                // A page past the last one (an old link, or a search that now finds fewer).
                <>
                  <p>{t('tray.pastLastPage', { lastPage })}</p>
                  <Button variant="secondary" onClick={() => update({ page: String(lastPage) })}>
                    {t('tray.toLastPage')}
                  </Button>
                </>
              )}
            </div>
          )}
          {results.state === 'ready' && results.data.items.length > 0 && (
            <>
              <ul className="offering-list">
                {results.data.items.map((o) => (
                  <OfferingCard key={o.id} offering={o} home={params.home} />
                ))}
              </ul>
              {lastPage > 1 && (
                <ListPagination
                  label={t('tray.pagination')}
                  page={page}
                  lastPage={lastPage}
                  onChange={(p) => {
                    update({ page: String(p) });
                    document.getElementById('results-heading')?.scrollIntoView();
                  }}
                />
              )}
            </>
          )}
        </section>
        <aside className="tray-map">
          {sites.state === 'ready' && (
            <Suspense fallback={<LoadingSpinner text={t('common.loading')} variant="small" />}>
              <SitesMap sites={sites.data.items} complete={sites.data.complete} home={params.home} />
            </Suspense>
          )}
          {sites.state === 'error' && <ErrorNotice error={sites.error} />}
        </aside>
      </div>
    </div>
  );
}
