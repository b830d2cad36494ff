import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Heading, LoadingSpinner, Paragraph } from 'suomifi-ui-components';
import { ErrorNotice } from '../../../web/app/ErrorNotice.js';
import { useMunicipalities } from '../../../web/app/municipalities.js';
import { useMunicipalityName, useRegionName } from '../../../web/app/labels.js';
import type { RegionSummary } from '../../../web/app/RegionPicker.js';
import { useSession } from '../../../web/app/session.js';
import { useApi } from '../../../web/app/use-api.js';
import { spansRegions } from '../../auth/roles.js';
import { NewRegionForm } from './NewRegionForm.js';
import { RegionFromTemplateForm } from './RegionFromTemplateForm.js';
import { SignInFirst } from '../../../web/app/SignInFirst.js';

/** The system admin's regions: the list, a new one from a KOPA pilot template, or one by hand. */
export function RegionsPage() {
  const { t } = useTranslation();
  const { user, loading } = useSession();
  const regionName = useRegionName();
  const municipalityName = useMunicipalityName();
  const municipalities = useMunicipalities();
  const regions = useApi<{ items: (RegionSummary & { municipalityCodes: string[] })[] }>(user && spansRegions(user) ? '/regions' : null);
  const [created, setCreated] = useState<string | null>(null);

  if (loading) return <LoadingSpinner text={t('common.loading')} />;
  if (!user) return <SignInFirst />;
  if (!spansRegions(user)) {
    return (
      <div className="page stack">
        <Heading variant="h1">{t('regions.title')}</Heading>
        <Paragraph>{t('regions.onlySystemAdmin')}</Paragraph>
        <ul>
          <li><Link to="/organizations">{t('nav.organizations')}</Link></li>
          <li><Link to="/knowledge">{t('nav.knowledge')}</Link></li>
        </ul>
      </div>
    );
  }
  const done = (name: string) => {
    setCreated(name);
    regions.reload();
  };

  return (
    <div className="page stack">
      <Heading variant="h1">{t('regions.title')}</Heading>
      <Paragraph>{t('regions.intro')}</Paragraph>
      {created && (
        <p role="status" className="success">
          {t('regions.created', { name: created })} <Link to="/people">{t('regions.inviteAdmin')}</Link>
        </p>
      )}
      <RegionFromTemplateForm onCreated={done} />
      <NewRegionForm onCreated={done} />
      <section aria-labelledby="region-list-heading">
        <Heading variant="h2" id="region-list-heading">{t('regions.listTitle')}</Heading>
        {regions.state === 'loading' && <LoadingSpinner text={t('common.loading')} />}
        {regions.state === 'error' && <ErrorNotice error={regions.error} />}
        {regions.state === 'ready' && (regions.data.items.length === 0 ? <p className="empty-state">{t('regions.none')}</p> : (
          <ul className="card-list">
            {regions.data.items.map((r) => (
              <li key={r.id}>
                <h3>{regionName(r)}</h3>
                <p className="meta">{r.municipalityCodes.map((code) => municipalityName(municipalities.get(code))).join(', ')}</p>
              </li>
            ))}
          </ul>
        ))}
      </section>
    </div>
  );
}
