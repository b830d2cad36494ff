import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, MultiSelect, TextInput } from 'suomifi-ui-components';
import { api } from '../../../web/app/api.js';
import { ErrorNotice } from '../../../web/app/ErrorNotice.js';
import { useFieldIssues } from '../../../web/app/field-issues.js';
import { useMunicipalities } from '../../../web/app/municipalities.js';
import { useMunicipalityName } from '../../../web/app/labels.js';
import { useAction } from '../../../web/app/use-action.js';
import { usePopoverAriaControls } from '../../../web/app/use-popover-aria-controls.js';

/** A region by hand: its code, names and member municipalities from the 308. */
export function NewRegionForm({ onCreated }: { onCreated: (name: string) => void }) {
  const { t } = useTranslation();
  const municipalities = useMunicipalities();
  const municipalityName = useMunicipalityName();
  const [code, setCode] = useState('');
  const [nameFi, setNameFi] = useState('');
  const [nameSv, setNameSv] = useState('');
  const [members, setMembers] = useState<string[]>([]);
  const { busy, error, run } = useAction();
  const issues = useFieldIssues(error);
  usePopoverAriaControls('new-region-municipalities');
  const items = [...municipalities.values()].map((m) => ({ uniqueItemId: m.code, labelText: municipalityName(m) })).sort((a, b) => a.labelText.localeCompare(b.labelText, 'fi'));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await run(() => api('/regions', { method: 'POST', json: { code, nameFi, nameSv, municipalityCodes: members } }))) {
      onCreated(nameFi.trim());
      setCode('');
      setNameFi('');
      setNameSv('');
      setMembers([]);
    }
  };
  return (
    <section aria-labelledby="region-new-heading" className="stack">
      <Heading variant="h2" id="region-new-heading">{t('regions.newTitle')}</Heading>
      <form onSubmit={submit} className="stack" noValidate>
        <div className="form-grid">
          <TextInput labelText={t('regions.code')} hintText={t('regions.codeHint')} value={code} onChange={(v) => setCode(String(v ?? ''))} status={issues.status('code')} statusText={issues.statusText('code')} fullWidth />
          <TextInput labelText={t('regions.nameFi')} value={nameFi} onChange={(v) => setNameFi(String(v ?? ''))} status={issues.status('nameFi')} statusText={issues.statusText('nameFi')} fullWidth />
          <TextInput labelText={t('regions.nameSv')} value={nameSv} onChange={(v) => setNameSv(String(v ?? ''))} status={issues.status('nameSv')} statusText={issues.statusText('nameSv')} fullWidth />
        </div>
        <MultiSelect
          id="new-region-municipalities"
          labelText={t('regions.municipalities')}
          items={items}
          selectedItems={items.filter((i) => members.includes(i.uniqueItemId))}
          onItemSelectionsChange={(selected) => setMembers(selected.map((i) => i.uniqueItemId))}
          chipListVisible
          removeAllButtonLabel={t('regions.removeAll')}
          ariaChipActionLabel={t('regions.removeMunicipality')}
          ariaSelectedAmountText={t('regions.selectedAmount')}
          ariaOptionsAvailableText={t('common.optionsAvailable')}
          ariaOptionChipRemovedText={t('regions.removed')}
          noItemsText={t('common.noMatches')}
          status={issues.status('municipalityCodes')}
          statusText={issues.statusText('municipalityCodes')}
        />
        {error && <ErrorNotice error={error} />}
        <div><Button type="submit" disabled={busy}>{t('regions.create')}</Button></div>
      </form>
    </section>
  );
}
