import { useTranslation } from 'react-i18next';
import { Dropdown, DropdownItem } from 'suomifi-ui-components';

export interface RegionOrganization {
  id: number;
  name: string;
  kind: string;
}

const NONE = 'none';

/** An organization of the region, by name; `optional` offers "none" (a planner for the whole region). */
export function OrganizationDropdown({ id, label, organizations, value, onChange, optional, status, statusText }: { id: string; label?: string; organizations: RegionOrganization[]; value: number | null; onChange: (id: number | null) => void; optional: boolean; status?: 'default' | 'error'; statusText?: string }) {
  const { t } = useTranslation();
  const sorted = [...organizations].sort((a, b) => a.name.localeCompare(b.name, 'fi'));
  if (sorted.length === 0 && !optional) return <p className="empty-state">{t('people.noOrganizations')}</p>;
  return (
    <Dropdown
      id={id}
      labelText={label ?? t('people.organization')}
      visualPlaceholder={t('people.chooseOrganization')}
      value={value === null ? (optional ? NONE : undefined) : String(value)}
      onChange={(v: string) => onChange(v === NONE ? null : Number(v))}
      status={status}
      statusText={statusText}
    >
      {[
        ...(optional ? [<DropdownItem key={NONE} value={NONE}>{t('people.wholeRegion')}</DropdownItem>] : []),
        ...sorted.map((o) => <DropdownItem key={o.id} value={String(o.id)}>{o.name}</DropdownItem>),
      ]}
    </Dropdown>
  );
}
