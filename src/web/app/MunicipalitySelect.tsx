import { SingleSelect } from 'suomifi-ui-components';
import { useTranslation } from 'react-i18next';
import { useMunicipalityName } from './labels.js';
import { useMunicipalities } from './municipalities.js';
import { usePopoverAriaControls } from './use-popover-aria-controls.js';

export function MunicipalitySelect(props: {
  id: string;
  labelText: string;
  value: string | null;
  onChange(code: string | null): void;
  hintText?: string;
}) {
  const { t } = useTranslation();
  const municipalities = useMunicipalities();
  usePopoverAriaControls(props.id);
  const name = useMunicipalityName();
  const items = [...municipalities.values()]
    .map((m) => ({ uniqueItemId: m.code, labelText: name(m) }))
    .sort((a, b) => a.labelText.localeCompare(b.labelText, 'fi'));
  const selected = items.find((i) => i.uniqueItemId === props.value) ?? null;
  return (
    <SingleSelect
      id={props.id}
      labelText={props.labelText}
      hintText={props.hintText}
      items={items}
      selectedItem={selected}
      clearButtonLabel={t('common.clear')}
      noItemsText={t('common.noMatches')}
      ariaOptionsAvailableText={t('common.optionsAvailable')}
      visualPlaceholder={t('common.chooseMunicipality')}
      onItemSelect={(code) => props.onChange(code)}
      fullWidth
    />
  );
}
