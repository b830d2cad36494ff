import { useTranslation } from 'react-i18next';
import { toQuery } from '../../../web/app/api.js';
import { FileImportForm, tableFileContentType, useFileImport } from '../../../web/app/FileImportForm.js';

/** Import a file (all rows or none) and export the provider's offerings in the same format. */
export function ImportExportPanel({ providerId, onImported }: { providerId: number; onImported(): void }) {
  const { t } = useTranslation();
  const importing = useFileImport<{ created: number; updated: number }>(
    (file) => ({ path: `/offerings/import${toQuery({ provider: providerId })}`, contentType: tableFileContentType(file) }),
    onImported,
  );
  const { result } = importing;
  return (
    <FileImportForm
      id="import-file"
      heading={t('manage.importExport')}
      help={t('manage.importHelp')}
      accept=".csv,.xlsx,text/csv"
      importing={importing}
      done={result && <p className="success">{t('manage.importDone', { created: result.created, updated: result.updated })}</p>}
    >
      <p className="export-links">
        {t('manage.export')}:{' '}
        <a href={`/api/v1/offerings/export${toQuery({ provider: providerId, includeWithdrawn: true, format: 'csv' })}`} download>CSV</a>{' · '}
        <a href={`/api/v1/offerings/export${toQuery({ provider: providerId, includeWithdrawn: true, format: 'xlsx' })}`} download>XLSX</a>
      </p>
    </FileImportForm>
  );
}
