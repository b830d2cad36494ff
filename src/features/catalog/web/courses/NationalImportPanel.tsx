import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading, Paragraph } from 'suomifi-ui-components';
import { api } from '../../../../web/app/api.js';
import { ConfirmAction } from '../../../../web/app/ConfirmAction.js';
import { ErrorNotice } from '../../../../web/app/ErrorNotice.js';
import { useAction } from '../../../../web/app/use-action.js';
import type { CodeSetImportCounts } from '../../code-sets/national-courses.js';

/** Imports the lukio modules of LOPS 2021 from the national code set that ships with Tarjotin. */
export function NationalImportPanel({ regionId, onImported }: { regionId: number; onImported: () => void }) {
  const { t } = useTranslation();
  const [counts, setCounts] = useState<CodeSetImportCounts | null>(null);
  const { busy, error, run } = useAction();
  const importSet = () =>
    run(async () => {
      setCounts(await api<CodeSetImportCounts>('/courses/national', { method: 'POST', json: { regionId, codeSet: 'moduulikoodistolops2021' } }));
      onImported();
    });
  return (
    <section aria-labelledby="national-import-heading" className="stack">
      <Heading variant="h2" id="national-import-heading">{t('courses.nationalTitle')}</Heading>
      <Paragraph>{t('courses.nationalText')}</Paragraph>
      <ConfirmAction label={t('courses.nationalImport')} question={t('courses.nationalConfirm')} confirmLabel={t('courses.nationalImport')} busy={busy} onConfirm={importSet} />
      {busy && <p role="status">{t('courses.importing')}</p>}
      {error && <ErrorNotice error={error} />}
      {counts && <p role="status">{t('courses.imported', { ...counts })}</p>}
    </section>
  );
}
