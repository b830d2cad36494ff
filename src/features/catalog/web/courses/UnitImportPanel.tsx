import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dropdown, DropdownItem, TextInput } from 'suomifi-ui-components';
import { FileImportForm, tableFileContentType, useFileImport } from '../../../../web/app/FileImportForm.js';
import type { CodeSetImportCounts } from '../../code-sets/national-courses.js';
import { FIELDS } from '../../vocabulary.js';

const NO_FIELD = 'none';

/**
 * Imports units of vocational qualifications: the provider's list with osp (CSV or XLSX), or the
 * code set's Koodisto JSON, whose new units take the scope and field given here.
 */
export function UnitImportPanel({ regionId, onImported }: { regionId: number; onImported: () => void }) {
  const { t } = useTranslation();
  const [osp, setOsp] = useState('');
  const [field, setField] = useState(NO_FIELD);
  const [qualification, setQualification] = useState('');
  const query = () => {
    const params = new URLSearchParams({ region: String(regionId) });
    if (osp.trim()) params.set('osp', osp.trim().replace(',', '.'));
    if (field !== NO_FIELD) params.set('field', field);
    if (qualification.trim()) params.set('qualification', qualification.trim());
    return params;
  };
  const importing = useFileImport<CodeSetImportCounts>(
    (file) => ({ path: `/courses/units/import?${query()}`, contentType: file.name.toLowerCase().endsWith('.json') ? 'application/json' : tableFileContentType(file) }),
    onImported,
  );
  const { result } = importing;
  return (
    <FileImportForm
      id="units-file"
      className="stack"
      heading={t('courses.unitsTitle')}
      help={t('courses.unitsHelp')}
      accept=".csv,.xlsx,.json,text/csv,application/json"
      importing={importing}
      fields={
        <div className="form-grid">
          <TextInput labelText={t('courses.unitsOsp')} optionalText={t('organizations.optional')} inputMode="decimal" value={osp} onChange={(v) => setOsp(String(v ?? ''))} fullWidth />
          <Dropdown labelText={t('courses.unitsField')} value={field} onChange={(v: string) => setField(v)}>
            {[NO_FIELD, ...FIELDS].map((f) => <DropdownItem key={f} value={f}>{f === NO_FIELD ? t('courses.unitsFieldNone') : t(`field.${f}`)}</DropdownItem>)}
          </Dropdown>
          <TextInput labelText={t('offering.qualification')} optionalText={t('organizations.optional')} value={qualification} onChange={(v) => setQualification(String(v ?? ''))} fullWidth />
        </div>
      }
      errorTitle={(error) => (error.code === 'validation_failed' && error.issues.some((i) => i.row) ? t('courses.unitsRefused', { count: error.issues.length }) : undefined)}
      columnLabel={(column) => t(`courses.unitColumns.${column}`, { defaultValue: column })}
      done={result && <p className="success" role="status">{t('courses.imported', { ...result })}</p>}
    />
  );
}
