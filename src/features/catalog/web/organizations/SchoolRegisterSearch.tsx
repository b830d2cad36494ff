import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, LoadingSpinner, Paragraph, SearchInput } from 'suomifi-ui-components';
import { api, toQuery } from '../../../../web/app/api.js';
import { ErrorNotice } from '../../../../web/app/ErrorNotice.js';
import { useMunicipalityName } from '../../../../web/app/labels.js';
import { useMunicipalities } from '../../../../web/app/municipalities.js';
import { useAction } from '../../../../web/app/use-action.js';
import { useApi } from '../../../../web/app/use-api.js';
import type { Organization } from './OrganizationList.js';

interface RegisterSchool {
  code: string;
  name: string;
  type: string;
  municipalityCode: string;
  lat: number;
  lon: number;
}

/** Finds schools of the region's municipalities in the national register and adds one, with its site, at a press. */
export function SchoolRegisterSearch({ regionId, existing, onAdded }: { regionId: number; existing: Organization[]; onAdded: () => void }) {
  const { t } = useTranslation();
  const municipalities = useMunicipalities();
  const municipalityName = useMunicipalityName();
  const [q, setQ] = useState('');
  const schools = useApi<{ items: RegisterSchool[] }>(q.length >= 2 ? `/schools${toQuery({ q, region: regionId })}` : null);
  const { running, error, run } = useAction();
  const taken = new Set(existing.map((o) => o.name));
  return (
    <section aria-labelledby="register-heading" className="stack">
      <Heading variant="h2" id="register-heading">{t('organizations.registerTitle')}</Heading>
      <Paragraph>{t('organizations.registerText')}</Paragraph>
      <SearchInput labelText={t('organizations.registerSearch')} clearButtonLabel={t('common.clear')} searchButtonLabel={t('organizations.registerSearch')} onSearch={(v) => setQ(String(v ?? '').trim())} fullWidth />
      {error && <ErrorNotice error={error} />}
      {q.length >= 2 && schools.state === 'loading' && <LoadingSpinner text={t('common.loading')} />}
      {schools.state === 'error' && <ErrorNotice error={schools.error} />}
      {q.length >= 2 && schools.state === 'ready' && (schools.data.items.length === 0 ? (
        <p className="empty-state">{t('organizations.registerEmpty')}</p>
      ) : (
        <ul className="card-list" aria-label={t('organizations.registerResults')}>
          {schools.data.items.map((school) => (
            <li key={school.code}>
              <h3>{school.name}</h3>
              <p className="meta">{t(`organizations.schoolType.${school.type}`, { defaultValue: school.type })} · {municipalityName(municipalities.get(school.municipalityCode))} · {t('organizations.registerCode', { code: school.code })}</p>
              {taken.has(school.name) ? (
                <p><strong>{t('organizations.inRegion')}</strong></p>
              ) : (
                <Button
                  variant="secondary"
                  disabled={running !== null}
                  aria-label={t('organizations.addSchoolLabel', { name: school.name })}
                  onClick={() => void run(async () => {
                    await api('/organizations/from-school', { method: 'POST', json: { regionId, schoolCode: school.code } });
                    onAdded();
                  }, school.code)}
                >
                  {t('organizations.addSchool')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      ))}
    </section>
  );
}
