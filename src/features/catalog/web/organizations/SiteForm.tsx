import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, TextInput } from 'suomifi-ui-components';
import { api } from '../../../../web/app/api.js';
import { ErrorNotice } from '../../../../web/app/ErrorNotice.js';
import { useFieldIssues } from '../../../../web/app/field-issues.js';
import { MunicipalitySelect } from '../../../../web/app/MunicipalitySelect.js';
import { useAction } from '../../../../web/app/use-action.js';
import type { Organization } from './OrganizationList.js';

/** Reads a coordinate as people type it, with a decimal comma or point; empty is none. */
const coordinate = (text: string) => (text.trim() === '' ? undefined : Number(text.trim().replace(',', '.')));

/** A teaching site of an organization; without coordinates it stands at the municipality's centre, marked approximate. */
export function SiteForm({ organization, onDone }: { organization: Organization; onDone: (added: boolean) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(organization.name);
  const [address, setAddress] = useState('');
  const [municipalityCode, setMunicipalityCode] = useState<string | null>(organization.municipalityCode);
  const [lat, setLat] = useState('');
  const [lon, setLon] = useState('');
  const { busy, error, run } = useAction();
  const issues = useFieldIssues(error);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { organizationId: organization.id, name, address: address.trim() || null, municipalityCode, lat: coordinate(lat), lon: coordinate(lon) };
    if (await run(() => api('/sites', { method: 'POST', json: body }))) onDone(true);
  };
  return (
    <form onSubmit={submit} className="stack" noValidate aria-label={t('organizations.addSiteTo', { name: organization.name })}>
      <div className="form-grid">
        <TextInput labelText={t('organizations.siteName')} value={name} onChange={(v) => setName(String(v ?? ''))} status={issues.status('name')} statusText={issues.statusText('name')} fullWidth />
        <TextInput labelText={t('organizations.address')} optionalText={t('organizations.optional')} value={address} onChange={(v) => setAddress(String(v ?? ''))} fullWidth />
        <MunicipalitySelect id={`site-municipality-${organization.id}`} labelText={t('organizations.municipality')} value={municipalityCode} onChange={setMunicipalityCode} />
        <TextInput labelText={t('organizations.lat')} optionalText={t('organizations.optional')} hintText={t('organizations.coordinatesHint')} inputMode="decimal" value={lat} onChange={(v) => setLat(String(v ?? ''))} status={issues.status('lat')} statusText={issues.statusText('lat')} fullWidth />
        <TextInput labelText={t('organizations.lon')} optionalText={t('organizations.optional')} inputMode="decimal" value={lon} onChange={(v) => setLon(String(v ?? ''))} status={issues.status('lon')} statusText={issues.statusText('lon')} fullWidth />
      </div>
      {error && <ErrorNotice error={error} />}
      <div className="form-actions">
        <Button type="submit" disabled={busy}>{t('organizations.saveSite')}</Button>
        <Button variant="secondary" onClick={() => onDone(false)}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
