import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading } from 'suomifi-ui-components';
import { useMunicipalityName } from '../../../../web/app/labels.js';
import { useMunicipalities } from '../../../../web/app/municipalities.js';
import { SiteForm } from './SiteForm.js';

export interface Organization {
  id: number;
  kind: string;
  name: string;
  businessId: string | null;
  municipalityCode: string | null;
}

export interface Site {
  id: number;
  organizationId: number;
  name: string;
  address: string | null;
  municipalityCode: string;
  locationApproximate: boolean;
}

/** The region's organizations by name, each with its sites and a form for one more. */
export function OrganizationList({ organizations, sites, onChanged }: { organizations: Organization[]; sites: Site[]; onChanged: () => void }) {
  const { t } = useTranslation();
  const municipalities = useMunicipalities();
  const municipalityName = useMunicipalityName();
  const [adding, setAdding] = useState<number | null>(null);
  return (
    <section aria-labelledby="organizations-heading">
      <Heading variant="h2" id="organizations-heading">{t('organizations.listTitle', { count: organizations.length })}</Heading>
      {organizations.length === 0 ? (
        <p className="empty-state">{t('organizations.none')}</p>
      ) : (
        <ul className="card-list">
          {organizations.map((organization) => {
            const own = sites.filter((s) => s.organizationId === organization.id);
            return (
              <li key={organization.id}>
                <h3>{organization.name}</h3>
                <p className="meta">
                  {t(`organizations.kinds.${organization.kind}`)}
                  {organization.municipalityCode && ` · ${municipalityName(municipalities.get(organization.municipalityCode))}`}
                  {organization.businessId && ` · ${t('organizations.businessId')} ${organization.businessId}`}
                </p>
                {own.length === 0 ? (
                  <p>{t('organizations.noSites')}</p>
                ) : (
                  <ul className="plain-list" aria-label={t('organizations.sitesOf', { name: organization.name })}>
                    {own.map((site) => (
                      <li key={site.id}>
                        {site.name} · {site.address ? `${site.address}, ` : ''}{municipalityName(municipalities.get(site.municipalityCode))}
                        {site.locationApproximate && ` (${t('organizations.approximate')})`}
                      </li>
                    ))}
                  </ul>
                )}
                {adding === organization.id ? (
                  <SiteForm organization={organization} onDone={(added) => { setAdding(null); if (added) onChanged(); }} />
                ) : (
                  <Button variant="secondary" aria-label={t('organizations.addSiteTo', { name: organization.name })} onClick={() => setAdding(organization.id)}>{t('organizations.addSite')}</Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
