import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { Dropdown, DropdownItem, Heading, LoadingSpinner, Paragraph } from 'suomifi-ui-components';
import { api, ApiError, toQuery } from '../../../web/app/api.js';
import { ErrorNotice } from '../../../web/app/ErrorNotice.js';
import { useCourseName, useMunicipalityName, useTravelTime } from '../../../web/app/labels.js';
import { useMunicipalities } from '../../../web/app/municipalities.js';
import { MunicipalitySelect } from '../../../web/app/MunicipalitySelect.js';
import type { OfferingDto } from '../offering-dto.js';
import { EDUCATION_FORMS } from '../vocabulary.js';
import { TRAVEL_LIMITS } from './TrayFilters.js';
import type { SearchResult } from './TrayPage.js';

const PAGE = 200;
const DEFAULT_MINUTES = '60';

/** Every page of a search: this view groups all results, so it needs them all. */
async function fetchAll(query: Record<string, string>): Promise<OfferingDto[]> {
  const items: OfferingDto[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await api<SearchResult>(`/offerings${toQuery({ ...query, limit: PAGE, offset })}`);
    items.push(...page.items);
    if (items.length >= page.total || page.items.length === 0) return items;
  }
}

function groupBy<T>(items: T[], key: (item: T) => string) {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

export function LivingInPage() {
  const { t } = useTranslation();
  const travelTime = useTravelTime();
  const [searchParams, setSearchParams] = useSearchParams();
  const home = searchParams.get('home');
  const minutes = searchParams.get('maxMinutes') ?? DEFAULT_MINUTES;
  const [state, setState] = useState<{ status: 'idle' | 'loading' | 'ready'; items: OfferingDto[]; error?: ApiError }>({ status: 'idle', items: [] });
  const courseName = useCourseName();
  const municipalityName = useMunicipalityName();
  const municipalities = useMunicipalities();

  useEffect(() => {
    if (!home) return setState({ status: 'idle', items: [] });
    let current = true;
    setState({ status: 'loading', items: [] });
    fetchAll({ home, maxMinutes: minutes, sort: 'travel' })
      .then((items) => current && setState({ status: 'ready', items }))
      .catch((error: ApiError) => current && setState({ status: 'ready', items: [], error }));
    return () => {
      current = false;
    };
  }, [home, minutes]);

  const byForm = groupBy(state.items, (o) => o.course.educationForm);
  return (
    <div className="page">
      <Heading variant="h1">{t('livingIn.title')}</Heading>
      <Paragraph className="lead">{t('livingIn.lead')}</Paragraph>
      <div className="living-in-controls">
        <MunicipalitySelect id="living-home" labelText={t('livingIn.home')} value={home} onChange={(code) => setSearchParams(code ? { home: code, maxMinutes: minutes } : {}, { replace: true })} />
        <Dropdown id="living-minutes" labelText={t('livingIn.dailyTravel')} value={minutes} onChange={(value: string) => setSearchParams({ ...(home ? { home } : {}), maxMinutes: value }, { replace: true })}>
          {TRAVEL_LIMITS.map((m) => (
            <DropdownItem key={m} value={String(m)}>{t('filters.withinMinutes', { minutes: m })}</DropdownItem>
          ))}
        </Dropdown>
      </div>
      {state.status === 'idle' && <p className="empty-state">{t('livingIn.chooseHome')}</p>}
      {state.status === 'loading' && <LoadingSpinner text={t('common.loading')} />}
      {state.error && <ErrorNotice error={state.error} />}
      {state.status === 'ready' && !state.error && (
        <>
          <p aria-live="polite">
            {t('livingIn.summary', { count: state.items.length, municipality: municipalityName(municipalities.get(home!)), minutes })}
          </p>
          <p className="travel-note">{t('tray.travelNote')}</p>
          {state.items.length === 0 && <p className="empty-state">{t('tray.empty')}</p>}
          {EDUCATION_FORMS.filter((f) => byForm.has(f)).map((form) => (
            <section key={form} aria-labelledby={`form-${form}`} className="living-group">
              <h2 id={`form-${form}`}>{t(`form.${form}`)} ({byForm.get(form)!.length})</h2>
              {[...groupBy(byForm.get(form)!, (o) => o.course.field)].sort(([a], [b]) => a.localeCompare(b)).map(([field, items]) => (
                <details key={field} className="living-field">
                  <summary>{t(`field.${field}`)} ({items.length})</summary>
                  <ul className="compact-list">
                    {items.map((o) => (
                      <li key={o.id}>
                        <Link to={`/offerings/${o.id}?home=${home}`}>
                          {o.course.code} {courseName(o.course)}
                        </Link>{' '}
                        – {o.provider.name}, {t(`mode.${o.mode}`)}
                        {o.travelMinutes !== null && `, ${travelTime(o.travelMinutes, o.travelModel)}`}
                      </li>
                    ))}
                  </ul>
                </details>
              ))}
            </section>
          ))}
        </>
      )}
    </div>
  );
}
