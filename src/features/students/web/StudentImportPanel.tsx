import { useTranslation } from 'react-i18next';
import { FileImportForm, tableFileContentType, useFileImport } from '../../../web/app/FileImportForm.js';
import type { StudentImportCounts } from '../student-import.js';

/** Imports the school's students from its administration system's export (CSV or XLSX): all rows or none. */
export function StudentImportPanel({ schoolId, onImported }: { schoolId: number; onImported: () => void }) {
  const { t } = useTranslation();
  const importing = useFileImport<StudentImportCounts>(
    (file) => ({ path: `/organizations/${schoolId}/students/import`, contentType: tableFileContentType(file) }),
    onImported,
  );
  const { result } = importing;
  return (
    <FileImportForm
      id="students-file"
      heading={t('students.importTitle')}
      help={t('students.importHelp')}
      accept=".csv,.xlsx,text/csv"
      importing={importing}
      errorTitle={(error) => (error.code === 'validation_failed' && error.issues.length > 0 ? t('students.importRefused', { count: error.issues.length }) : undefined)}
      columnLabel={(field) => t(`students.columns.${field}`, { defaultValue: field })}
      done={result && <p className="success" role="status">{t('students.imported', { ...result })}</p>}
    />
  );
}
