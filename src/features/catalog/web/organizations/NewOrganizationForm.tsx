import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dropdown, DropdownItem, Heading, TextInput } from 'suomifi-ui-components';
import { api } from '../../../../web/app/api.js';
import { ErrorNotice } from '../../../../web/app/ErrorNotice.js';
import { useFieldIssues } from '../../../../web/app/field-issues.js';
import { MunicipalitySelect } from '../../../../web/app/MunicipalitySelect.js';
import { useAction } from '../../../../web/app/use-action.js';
import { ORGANIZATION_KINDS } from '../../vocabulary.js';

type Kind = (typeof ORGANIZATION_KINDS)[number];

/** An organization the school register does not hold: a provider, a municipality, a company, an employment area. */
export function NewOrganizationForm({ regionId, onCreated }: { regionId: number; onCreated: () => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind>('provider');
  const [name, setName] = useState('');
  const [businessId, setBusinessId] = useState('');
  const [municipalityCode, setMunicipalityCode] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const issues = useFieldIssues(error);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    const ok = await run(() => api('/organizations', { method: 'POST', json: { regionId, kind, name, businessId: businessId.trim() || null, municipalityCode } }));
    if (ok) {
      setCreated(name.trim());
      setName('');
      setBusinessId('');
      onCreated();
    }
  };
  return (
    <section aria-labelledby="new-organization-heading" className="stack">
      <Heading variant="h2" id="new-organization-heading">{t('organizations.newTitle')}</Heading>
      <form onSubmit={submit} className="stack" noValidate>
        <div className="form-grid">
          <Dropdown labelText={t('organizations.kind')} value={kind} onChange={(v: string) => setKind(v as Kind)}>
            {ORGANIZATION_KINDS.map((k) => <DropdownItem key={k} value={k}>{t(`organizations.kinds.${k}`)}</DropdownItem>)}
          </Dropdown>
          <TextInput labelText={t('organizations.name')} value={name} onChange={(v) => setName(String(v ?? ''))} status={issues.status('name')} statusText={issues.statusText('name')} fullWidth />
          <TextInput labelText={t('organizations.businessId')} optionalText={t('organizations.optional')} hintText={t('organizations.businessIdHint')} value={businessId} onChange={(v) => setBusinessId(String(v ?? ''))} status={issues.status('businessId')} statusText={issues.statusText('businessId')} fullWidth />
          <MunicipalitySelect id="new-organization-municipality" labelText={t('organizations.municipality')} value={municipalityCode} onChange={setMunicipalityCode} />
        </div>
        {error && <ErrorNotice error={error} />}
        {created && <p role="status">{t('organizations.created', { name: created })}</p>}
        <div><Button type="submit" disabled={busy}>{t('organizations.create')}</Button></div>
      </form>
    </section>
  );
}
