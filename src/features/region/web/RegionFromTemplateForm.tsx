import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dropdown, DropdownItem, Heading, Paragraph, TextInput } from 'suomifi-ui-components';
import { api } from '../../../web/app/api.js';
import { ErrorNotice } from '../../../web/app/ErrorNotice.js';
import { useFieldIssues } from '../../../web/app/field-issues.js';
import { useMunicipalities } from '../../../web/app/municipalities.js';
import { useMunicipalityName } from '../../../web/app/labels.js';
import { useAction } from '../../../web/app/use-action.js';
import { useApi } from '../../../web/app/use-api.js';

interface Template {
  key: string;
  nameFi: string;
  municipalityCodes: string[];
  providers: string[];
}

/** A new region from one of the twelve KOPA pilot regions: its municipalities and named providers come with it. */
export function RegionFromTemplateForm({ onCreated }: { onCreated: (name: string) => void }) {
  const { t } = useTranslation();
  const municipalities = useMunicipalities();
  const municipalityName = useMunicipalityName();
  const templates = useApi<{ items: Template[] }>('/regions/templates');
  const [key, setKey] = useState<string | null>(null);
  const [nameSv, setNameSv] = useState('');
  const { busy, error, run } = useAction();
  const issues = useFieldIssues(error);
  const chosen = templates.state === 'ready' ? templates.data.items.find((x) => x.key === key) : undefined;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    if (await run(() => api('/regions/from-template', { method: 'POST', json: { template: chosen.key, nameSv: nameSv.trim() || undefined } }))) {
      onCreated(chosen.nameFi);
      setKey(null);
      setNameSv('');
    }
  };
  return (
    <section aria-labelledby="region-template-heading" className="stack">
      <Heading variant="h2" id="region-template-heading">{t('regions.templateTitle')}</Heading>
      {templates.state === 'error' && <ErrorNotice error={templates.error} />}
      {templates.state === 'ready' && (
        <form onSubmit={submit} className="stack" noValidate>
          <Dropdown labelText={t('regions.template')} visualPlaceholder={t('regions.chooseTemplate')} value={key ?? undefined} onChange={(v: string) => setKey(v)}>
            {templates.data.items.map((x) => <DropdownItem key={x.key} value={x.key}>{x.nameFi}</DropdownItem>)}
          </Dropdown>
          {chosen && (
            <Paragraph>
              {t('regions.templateMunicipalities', { list: chosen.municipalityCodes.map((code) => municipalityName(municipalities.get(code))).join(', ') })}
              {chosen.providers.length > 0 && ` ${t('regions.templateProviders', { list: chosen.providers.join(', ') })}`}
            </Paragraph>
          )}
          <TextInput labelText={t('regions.nameSv')} optionalText={t('organizations.optional')} value={nameSv} onChange={(v) => setNameSv(String(v ?? ''))} status={issues.status('nameSv')} statusText={issues.statusText('nameSv')} fullWidth />
          {error && <ErrorNotice error={error} />}
          <div><Button type="submit" disabled={busy || !chosen}>{t('regions.createFromTemplate')}</Button></div>
        </form>
      )}
    </section>
  );
}
