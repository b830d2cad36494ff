import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, TextInput } from 'suomifi-ui-components';
import { api } from '../../../web/app/api.js';
import { ErrorNotice } from '../../../web/app/ErrorNotice.js';
import { useFieldIssues } from '../../../web/app/field-issues.js';
import { useAction } from '../../../web/app/use-action.js';
import type { RegionSettings } from '../region-settings.js';

const FIELDS = ['travelCircuity', 'travelSpeedKmh', 'travelOverheadMinutes', 'dailyTravelLimitMinutes'] as const;

/** A region admin's settings of the travel-time estimate and the daily travel limit, which the knowledge base computes with. */
export function RegionSettingsPanel({ regionId, settings, onSaved }: { regionId: number; settings: RegionSettings; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const shown = (value: number) => value.toLocaleString(i18n.language);
  const [values, setValues] = useState<Record<(typeof FIELDS)[number], string>>(() => Object.fromEntries(FIELDS.map((f) => [f, shown(settings[f])])) as Record<(typeof FIELDS)[number], string>);
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction();
  const issues = useFieldIssues(error);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    // A decimal comma as Finns write it; an empty field is sent as it is, for the server to name.
    const body = Object.fromEntries(FIELDS.map((f) => [f, values[f].trim() === '' ? null : Number(values[f].trim().replace(',', '.').replace(/\s/g, ''))]));
    if (await run(() => api(`/regions/${regionId}/settings`, { method: 'PATCH', json: body }))) {
      setSaved(true);
      onSaved();
    }
  };
  return (
    <section aria-labelledby="region-settings-heading" className="panel no-print">
      <h2 id="region-settings-heading">{t('regionSettings.title')}</h2>
      <p>{t('regionSettings.help')}</p>
      <form onSubmit={submit} className="stack" noValidate>
        <div className="form-grid">
          {FIELDS.map((f) => (
            <TextInput
              key={f}
              labelText={t(`regionSettings.${f}`)}
              hintText={t(`regionSettings.${f}Hint`)}
              inputMode="decimal"
              value={values[f]}
              onChange={(v) => setValues({ ...values, [f]: String(v ?? '') })}
              status={issues.status(f)}
              // A refused value is told what the field takes, rather than the kind of fault.
              statusText={issues.status(f) === 'error' ? t(`regionSettings.${f}Hint`) : undefined}
              fullWidth
            />
          ))}
        </div>
        {error && <ErrorNotice error={error} />}
        {saved && <p role="status" className="success">{t('regionSettings.saved')}</p>}
        <div><Button type="submit" disabled={busy}>{t('regionSettings.save')}</Button></div>
      </form>
    </section>
  );
}
