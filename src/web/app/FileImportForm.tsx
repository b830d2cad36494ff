import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'suomifi-ui-components';
import { api, type ApiError } from './api.js';
import { useErrorText } from './ErrorNotice.js';
import { useAction } from './use-action.js';

/** The content type of a table file the user picked: XLSX by its name, CSV otherwise. */
export const tableFileContentType = (file: File) => (file.name.toLowerCase().endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv');

/**
 * An import of a file the user picked: POSTs it to `path` as `contentType`, keeps the server's
 * answer until the next import, and calls `onImported` after one went through.
 */
export function useFileImport<T>(request: (file: File) => { path: string; contentType: string }, onImported: () => void) {
  const [result, setResult] = useState<T | null>(null);
  const { busy, error, run } = useAction();
  const importFile = (file: File) => {
    setResult(null);
    void run(async () => {
      const { path, contentType } = request(file);
      setResult(await api<T>(path, { method: 'POST', body: await file.arrayBuffer(), headers: { 'content-type': contentType } }));
      onImported();
    });
  };
  return { result, busy, error, importFile };
}

/**
 * A panel to import a file: its heading and help, a file picker with an import button, and below
 * it the outcome: `done` when the import went through, or the error with every problem the server
 * named (its row and column, in the user's language where the problem has words here; the
 * server's own words for a file it cannot read). `children` follow the outcome.
 */
export function FileImportForm(props: {
  id: string;
  heading: string;
  help: string;
  accept: string;
  importing: Pick<ReturnType<typeof useFileImport>, 'busy' | 'error' | 'importFile'>;
  done: ReactNode;
  errorTitle?: (error: ApiError) => string | undefined;
  /** A problem's column in the user's words, when the server names fields rather than the file's headers. */
  columnLabel?: (column: string) => string;
  className?: string;
  /** Inputs the import takes besides the file, shown above the file picker. */
  fields?: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [file, setFile] = useState<File | null>(null);
  const { busy, error, importFile } = props.importing;
  return (
    <section aria-labelledby={`${props.id}-heading`} className={props.className ?? 'panel'}>
      <h2 id={`${props.id}-heading`}>{props.heading}</h2>
      <p>{props.help}</p>
      {props.fields}
      <div className="import-row">
        <label htmlFor={props.id} className="file-label">{t('manage.chooseFile')}</label>
        <input id={props.id} type="file" accept={props.accept} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        <Button onClick={() => file && importFile(file)} disabled={!file || busy}>{busy ? t('manage.importing') : t('manage.import')}</Button>
      </div>
      <div aria-live="polite">
        {props.done}
        {error && (
          <div role="alert" className="import-errors">
            <p><strong>{props.errorTitle?.(error) ?? errorText(error)}</strong></p>
            {error.code === 'unreadable_file' && error.message && <p lang="en">{error.message}</p>}
            {error.issues.length > 0 && (
              <ul>
                {error.issues.slice(0, 50).map((issue, i) => (
                  <li key={i}>
                    {issue.row ? t('manage.rowIssue', { row: issue.row, column: props.columnLabel?.(issue.path) ?? issue.path }) : (props.columnLabel?.(issue.path) ?? issue.path)}: {t(`fieldIssues.${issue.path}.${issue.code}`, { defaultValue: t(`issues.${issue.code}`, { defaultValue: issue.message }) })}
                  </li>
                ))}
                {error.issues.length > 50 && <li>{t('manage.moreIssues', { count: error.issues.length - 50 })}</li>}
              </ul>
            )}
          </div>
        )}
      </div>
      {props.children}
    </section>
  );
}
