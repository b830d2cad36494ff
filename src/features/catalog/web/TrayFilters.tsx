import { useTranslation } from 'react-i18next';
import { Checkbox, Dropdown, DropdownItem, SearchInput } from 'suomifi-ui-components';
import { MunicipalitySelect } from '../../../web/app/MunicipalitySelect.js';
import { DELIVERY_MODES, EDUCATION_FORMS, FIELDS, PERIODS, TARGET_GROUPS, TEACHING_LANGUAGES } from '../vocabulary.js';

export type TrayParams = Record<
  'q' | 'home' | 'maxMinutes' | 'municipality' | 'form' | 'field' | 'mode' | 'lang' | 'period' | 'targetGroup' | 'seatsLeft' | 'sort',
  string | null
>;

const ANY = 'any';
export const TRAVEL_LIMITS = [30, 45, 60, 90, 120];

/** Every filter of the tray; the URL holds their values so that a search can be shared and bookmarked. */
export function TrayFilters({ params, onChange }: { params: TrayParams; onChange(patch: Partial<TrayParams>): void }) {
  const { t } = useTranslation();
  const choice = (key: keyof TrayParams, labelKey: string, values: readonly (string | number)[], labelOf: (v: string) => string) => (
    <Dropdown
      id={`filter-${key}`}
      labelText={t(labelKey)}
      value={params[key] ?? ANY}
      onChange={(value: string) => onChange({ [key]: value === ANY ? null : value })}
    >
      {[
        <DropdownItem key={ANY} value={ANY}>{t('filters.any')}</DropdownItem>,
        ...values.map((v) => (
          <DropdownItem key={String(v)} value={String(v)}>{labelOf(String(v))}</DropdownItem>
        )),
      ]}
    </Dropdown>
  );
  return (
    <form className="tray-filters" role="search" aria-label={t('filters.title')} onSubmit={(e) => e.preventDefault()}>
      <div className="tray-filters__search">
        <SearchInput
          labelText={t('filters.searchLabel')}
          searchButtonLabel={t('filters.search')}
          clearButtonLabel={t('common.clear')}
          defaultValue={params.q ?? ''}
          onSearch={(value) => onChange({ q: String(value) || null })}
          onChange={(value) => !value && onChange({ q: null })}
          fullWidth
        />
      </div>
      <div className="tray-filters__grid">
        <MunicipalitySelect
          id="filter-home"
          labelText={t('filters.home')}
          value={params.home}
          onChange={(home) => onChange({ home, maxMinutes: home ? params.maxMinutes : null })}
        />
        {params.home && choice('maxMinutes', 'filters.maxMinutes', TRAVEL_LIMITS, (v) => t('filters.withinMinutes', { minutes: v }))}
        <MunicipalitySelect
          id="filter-municipality"
          labelText={t('filters.siteMunicipality')}
          value={params.municipality}
          onChange={(municipality) => onChange({ municipality })}
        />
        {choice('form', 'filters.form', EDUCATION_FORMS, (v) => t(`form.${v}`))}
        {choice('field', 'filters.field', FIELDS, (v) => t(`field.${v}`))}
        {choice('mode', 'filters.mode', DELIVERY_MODES, (v) => t(`mode.${v}`))}
        {choice('lang', 'filters.language', TEACHING_LANGUAGES, (v) => t(`language.${v}`))}
        {choice('period', 'filters.period', PERIODS, (v) => t('filters.periodN', { period: v }))}
        {choice('targetGroup', 'filters.targetGroup', TARGET_GROUPS, (v) => t(`targetGroup.${v}`))}
        <Dropdown
          id="filter-sort"
          labelText={t('filters.sort')}
          value={params.sort ?? (params.home ? 'travel' : 'name')}
          onChange={(value: string) => onChange({ sort: value })}
        >
          {[
            <DropdownItem key="name" value="name">{t('filters.sortName')}</DropdownItem>,
            <DropdownItem key="code" value="code">{t('filters.sortCode')}</DropdownItem>,
            ...(params.home ? [<DropdownItem key="travel" value="travel">{t('filters.sortTravel')}</DropdownItem>] : []),
          ]}
        </Dropdown>
        <Checkbox
          id="filter-seats"
          checked={params.seatsLeft === 'true'}
          onClick={({ checkboxState }) => onChange({ seatsLeft: checkboxState ? 'true' : null })}
        >
          {t('filters.seatsLeft')}
        </Checkbox>
      </div>
    </form>
  );
}
