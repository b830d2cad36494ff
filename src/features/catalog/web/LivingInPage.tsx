import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { Button, Dropdown, DropdownItem, Heading, LoadingSpinner, Paragraph } from 'suomifi-ui-components';
import { api, ApiError, toQuery } from '../../../web/app/api.js';
import { ErrorNotice } from '../../../web/app/ErrorNotice.js';
import { useCourseName, useMunicipalityName, useTravelTime } from '../../../web/app/labels.js';
import { useMunicipalities } from '../../../web/app/municipalities.js';
import { MunicipalitySelect } from '../../../web/app/MunicipalitySelect.js';
import { useApi } from '../../../web/app/use-api.js';
import type { OfferingDto } from '../offering-dto.js';
import { EDUCATION_FORMS } from '../vocabulary.js';
import { TRAVEL_LIMITS } from './TrayFilters.js';
import type { SearchResult } from './TrayPage.js';

/** Offerings shown when a field opens, and added by each "show more": a phone on mobile data loads what is looked at. */
const PAGE = 25;
const DEFAULT_MINUTES = '60';

interface OfferingGroup {
  educationForm: string;
  field: string;
  count: number;
}

/** One field's offerings, nearest first, loaded a page at a time once the field is opened. */
function FieldOfferings({ query, home, count }: { query: Record<string, string>; home: string; count: number }) {
  const { t } = useTranslation();
  const travelTime = useTravelTime();
  const courseName = useCourseName();
  const first = useApi<SearchResult>(`/offerings${toQuery({ ...query, sort: 'travel', limit: PAGE, offset: 0 })}`);
  const [more, setMore] = useState<{ items: OfferingDto[]; busy: boolean; ended?: boolean; error?: ApiError }>({ items: [], busy: false });
  if (first.state === 'loading') return <LoadingSpinner text={t('common.loading')} variant="small" />;
  if (first.state === 'error') return <ErrorNotice error={first.error} />;
  const items = [...first.data.items, ...more.items];
  const loadMore = () => {
    setMore({ ...more, busy: true, error: undefined });
    api<SearchResult>(`/offerings${toQuery({ ...query, sort: 'travel', limit: PAGE, offset: items.length })}`)
      // An empty page ends the list even if the count said more: offerings may be withdrawn meanwhile.
      .then((page) => setMore({ items: [...more.items, ...page.items], busy: false, ended: page.items.length === 0 }))
      .catch((error: ApiError) => setMore({ ...more, busy: false, error }));
  };
  return (
    <>
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
      {more.error && <ErrorNotice error={more.error} />}
      {items.length < count && !more.ended && (
        <Button variant="secondary" disabled={more.busy} onClick={loadMore}>
          {more.busy ? t('common.loading') : t('livingIn.showMore', { shown: items.length, total: count })}
        </Button>
      )}
    </>
  );
}

function FieldGroup({ group, query, home }: { group: OfferingGroup; query: Record<string, string>; home: string }) {
  const { t } = useTranslation();
  // Loaded when first opened, then kept: closing and reopening a field does not fetch it again.
  const [opened, setOpened] = useState(false);
  return (
    <details className="living-field" onToggle={(event) => event.currentTarget.open && setOpened(true)}>
      <summary>{t(`field.${group.field}`)} ({group.count})</summary>
      {opened && <FieldOfferings query={{ ...query, form: group.educationForm, field: group.field }} home={home} count={group.count} />}
    </details>
  );
}

export function LivingInPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const home = searchParams.get('home');
  const minutes = searchParams.get('maxMinutes') ?? DEFAULT_MINUTES;
  const query = { home: home ?? '', maxMinutes: minutes };
  const groups = useApi<{ items: OfferingGroup[] }>(home ? `/offerings/groups${toQuery(query)}` : null);
  const municipalityName = useMunicipalityName();
  const municipalities = useMunicipalities();
  const ready = home && groups.state === 'ready' ? groups.data.items : undefined;
  const total = ready?.reduce((sum, g) => sum + g.count, 0) ?? 0;

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
      {!home && <p className="empty-state">{t('livingIn.chooseHome')}</p>}
      {home && groups.state === 'loading' && <LoadingSpinner text={t('common.loading')} />}
      {home && groups.state === 'error' && <ErrorNotice error={groups.error} />}
      {ready && (
        <>
          <p aria-live="polite">{t('livingIn.summary', { count: total, municipality: municipalityName(municipalities.get(home!)), minutes })}</p>
          <p className="travel-note">{t('tray.travelNote')}</p>
          {total === 0 && <p className="empty-state">{t('tray.empty')}</p>}
          {EDUCATION_FORMS.filter((form) => ready.some((g) => g.educationForm === form)).map((form) => {
            const ofForm = ready.filter((g) => g.educationForm === form);
            return (
              <section key={form} aria-labelledby={`form-${form}`} className="living-group">
                <h2 id={`form-${form}`}>{t(`form.${form}`)} ({ofForm.reduce((sum, g) => sum + g.count, 0)})</h2>
                {ofForm.map((group) => (
                  <FieldGroup key={group.field} group={group} query={query} home={home!} />
                ))}
              </section>
            );
          })}
        </>
      )}
    </div>
  );
}
