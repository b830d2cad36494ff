import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, LoadingSpinner, TextInput } from 'suomifi-ui-components';
import { api, toQuery } from '../../../../web/app/api.js';
import { ErrorNotice } from '../../../../web/app/ErrorNotice.js';
import { useFieldIssues } from '../../../../web/app/field-issues.js';
import { creditUnitLabel, formatCredits, useCourseName } from '../../../../web/app/labels.js';
import { ListPagination } from '../../../../web/app/ListPagination.js';
import { ListSearchInput, usePagedSearch } from '../../../../web/app/ListSearch.js';
import { useAction } from '../../../../web/app/use-action.js';
import { useApi } from '../../../../web/app/use-api.js';
import type { courseSchema } from '../../course-dto.js';
import type { z } from 'zod';

type Course = z.infer<typeof courseSchema>;
const PAGE_SIZE = 50;

/** The region's courses by code, searchable, a page at a time; each says where its name came from and its scope can be corrected. */
export function CourseList({ regionId }: { regionId: number }) {
  const { t, i18n } = useTranslation();
  const courseName = useCourseName();
  const { query, page, setPage, search } = usePagedSearch();
  const [editing, setEditing] = useState<number | null>(null);
  const courses = useApi<{ items: Course[]; total: number }>(`/courses${toQuery({ region: regionId, q: query || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })}`);
  return (
    <section aria-labelledby="course-list-heading" className="stack">
      <Heading variant="h2" id="course-list-heading">{t('courses.listTitle')}</Heading>
      <ListSearchInput label={t('courses.search')} onSearch={search} />
      {courses.state === 'loading' && <LoadingSpinner text={t('common.loading')} />}
      {courses.state === 'error' && <ErrorNotice error={courses.error} />}
      {courses.state === 'ready' && (courses.data.total === 0 ? (
        <p className="empty-state">{query ? t('courses.noMatches') : t('courses.none')}</p>
      ) : (
        <>
          <table className="data-table">
            <caption>{t('courses.caption', { count: courses.data.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('manage.course')}</th>
                <th scope="col">{t('offering.credits')}</th>
              </tr>
            </thead>
            <tbody>
              {courses.data.items.map((c) => (
                <tr key={c.id}>
                  <td>
                    <span className="course-code">{c.code}</span> {courseName(c)}
                    <br />
                    <span className="hint" title={c.codeSet ?? undefined}>{c.nameSource === 'national' ? t('courses.nationalShort') : t('courses.localShort')}</span>
                  </td>
                  <td>
                    {editing === c.id ? (
                      <CreditsEditor course={c} onDone={(saved) => { setEditing(null); if (saved) courses.reload(); }} />
                    ) : (
                      <>
                        {formatCredits(c.credits, c.creditUnit, i18n.language)}{' '}
                        <Button variant="secondaryNoBorder" onClick={() => setEditing(c.id)} aria-label={t('courses.changeCreditsOf', { code: c.code })}>{t('courses.changeCredits')}</Button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {courses.data.total > PAGE_SIZE && <ListPagination label={t('courses.listTitle')} page={page} lastPage={Math.ceil(courses.data.total / PAGE_SIZE)} onChange={setPage} />}
        </>
      ))}
    </section>
  );
}

function CreditsEditor({ course, onDone }: { course: Course; onDone: (saved: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const [value, setValue] = useState(String(course.credits));
  const { busy, error, run } = useAction();
  const issues = useFieldIssues(error);
  const save = async () => {
    if (await run(() => api(`/courses/${course.id}`, { method: 'PATCH', json: { credits: Number(value.replace(',', '.')) } }))) onDone(true);
  };
  return (
    <div className="stack credits-editor">
      <TextInput fullWidth labelText={t('courses.credits', { unit: creditUnitLabel(course.creditUnit, i18n.language) })} inputMode="decimal" value={value} onChange={(v) => setValue(String(v ?? ''))} status={issues.status('credits')} statusText={issues.statusText('credits')} />
      {error && !issues.statusText('credits') && <ErrorNotice error={error} />}
      <div className="form-actions">
        <Button disabled={busy} onClick={() => void save()}>{t('courses.saveCredits')}</Button>
        <Button variant="secondary" onClick={() => onDone(false)}>{t('common.cancel')}</Button>
      </div>
    </div>
  );
}
