import { useTranslation } from 'react-i18next';
import { FileImportForm, useFileImport } from '../../../web/app/FileImportForm.js';
import type { PopulationImportResult } from '../population-import.js';

/**
 * Updates the region's population figures from a file as Statistics Finland's PxWeb (or Sotkanet)
 * gives it; every figure or none. The indicators above follow on their next load.
 */
export function PopulationImportPanel({ regionId, onImported }: { regionId: number; onImported(): void }) {
  const { t } = useTranslation();
  const importing = useFileImport<PopulationImportResult>(() => ({ path: `/regions/${regionId}/population/import`, contentType: 'application/octet-stream' }), onImported);
  const { result } = importing;
  return (
    <FileImportForm
      id="population-file"
      className="panel no-print"
      heading={t('population.importTitle')}
      help={t('population.importHelp')}
      accept=".csv,.json,text/csv,application/json"
      importing={importing}
      errorTitle={(e) => (e.code === 'unreadable_file' ? t('population.unreadable') : undefined)}
      done={
        result && (
          <div className="success">
            <p>{t('population.importDone', { count: result.written })}</p>
            {result.notes.length > 0 && <ul>{result.notes.map((note) => <li key={note.code}>{t(`population.notes.${note.code}`, { count: note.count })}</li>)}</ul>}
          </div>
        )
      }
    />
  );
}
