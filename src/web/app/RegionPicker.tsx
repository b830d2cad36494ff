import { useTranslation } from 'react-i18next';
import { Dropdown, DropdownItem } from 'suomifi-ui-components';
import { ErrorNotice } from './ErrorNotice.js';
import { useRegionName } from './labels.js';
import { useApi } from './use-api.js';

export interface RegionSummary {
  id: number;
  code: string;
  nameFi: string;
  nameSv: string;
  nameEn: string;
}

/** The system admin's choice of the region a page works on. */
export function RegionPicker({ value, onChange }: { value: number | null; onChange: (regionId: number) => void }) {
  const { t } = useTranslation();
  const regionName = useRegionName();
  const regions = useApi<{ items: RegionSummary[] }>('/regions');
  if (regions.state === 'error') return <ErrorNotice error={regions.error} />;
  if (regions.state === 'loading') return null;
  // A fresh install has none yet (and a dropdown of no items cannot open).
  if (regions.data.items.length === 0) return <p className="empty-state">{t('people.noRegions')}</p>;
  return (
    <Dropdown labelText={t('people.region')} visualPlaceholder={t('people.chooseRegion')} value={value ? String(value) : undefined} onChange={(v: string) => onChange(Number(v))}>
      {regions.data.items.map((r) => <DropdownItem key={r.id} value={String(r.id)}>{regionName(r)}</DropdownItem>)}
    </Dropdown>
  );
}
