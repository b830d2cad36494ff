import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'suomifi-ui-components';
import { api, toQuery } from '../../../web/app/api.js';
import { useAction } from '../../../web/app/use-action.js';
import { useErrorText } from '../../../web/app/ErrorNotice.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Import a file (all rows or none) and export the provider's offerings in the same format. */
export function ImportExportPanel({ providerId, onImported }: { providerId: number; onImported(): void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<{ created: number; updated: number } | null>(null);
  const { busy, error, run } = useAction();

  const upload = async () => {
    if (!file) return;
    setResult(null);
    await run(async () => {
      const isXlsx = file.name.toLowerCase().endsWith('.xlsx');
      const outcome = await api<{ created: number; updated: number }>(`/offerings/import${toQuery({ provider: providerId })}`, {
        method: 'POST',
        body: await file.arrayBuffer(),
        headers: { 'content-type': isXlsx ? XLSX_TYPE : 'text/csv' },
      });
      setResult(outcome);
      onImported();
    });
  };

  return (
    <section aria-labelledby="import-heading" className="panel">
      <h2 id="import-heading">{t('manage.importExport')}</h2>
      <p>{t('manage.importHelp')}</p>
      <div className="import-row">
        <label htmlFor="import-file" className="file-label">{t('manage.chooseFile')}</label>
        <input id="import-file" type="file" accept=".csv,.xlsx,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        <Button onClick={() => void upload()} disabled={!file || busy}>{t('manage.import')}</Button>
      </div>
      <div aria-live="polite">
        {result && <p className="success">{t('manage.importDone', { created: result.created, updated: result.updated })}</p>}
        {error && (
          <div role="alert" className="import-errors">
            <p><strong>{errorText(error)}</strong></p>
            {error.issues.length > 0 && (
              <ul>
                {error.issues.map((issue, i) => (
                  <li key={i}>
                    {issue.row ? t('manage.rowIssue', { row: issue.row, column: issue.path }) : issue.path}: {t(`issues.${issue.code}`, { defaultValue: issue.message })}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
      <p className="export-links">
        {t('manage.export')}:{' '}
        <a href={`/api/v1/offerings/export${toQuery({ provider: providerId, includeWithdrawn: true, format: 'csv' })}`} download>CSV</a>{' · '}
        <a href={`/api/v1/offerings/export${toQuery({ provider: providerId, includeWithdrawn: true, format: 'xlsx' })}`} download>XLSX</a>
      </p>
    </section>
  );
}
