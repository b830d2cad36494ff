import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, LoadingSpinner } from 'suomifi-ui-components';
import { toQuery } from '../../../web/app/api.js';
import { ErrorNotice } from '../../../web/app/ErrorNotice.js';
import { useMunicipalityName } from '../../../web/app/labels.js';
import { ListPagination } from '../../../web/app/ListPagination.js';
import { ListSearchInput, usePagedSearch } from '../../../web/app/ListSearch.js';
import { useMunicipalities } from '../../../web/app/municipalities.js';
import { useApi } from '../../../web/app/use-api.js';
import { StudentEditor } from './StudentEditor.js';

export interface RosterStudent {
  id: number;
  name: string;
  email: string;
  studentNumber: string | null;
  birthDate: string | null;
  homeMunicipalityCode: string | null;
  active: boolean;
  studyRights: { kind: string; qualification: string | null; startDate: string | null }[];
}

/** The school's students by name, searchable, 50 a page; a counsellor corrects a row in place. */
export function StudentList({ schoolId }: { schoolId: number }) {
  const { t, i18n } = useTranslation();
  const municipalities = useMunicipalities();
  const municipalityName = useMunicipalityName();
  const { query, page, setPage, search } = usePagedSearch();
  const [editing, setEditing] = useState<number | null>(null);
  const students = useApi<{ items: RosterStudent[]; total: number; pageSize: number }>(`/organizations/${schoolId}/students${toQuery({ q: query || undefined, page })}`);
  const date = (iso: string) => new Date(`${iso}T12:00:00Z`).toLocaleDateString(i18n.language === 'en' ? 'en-GB' : `${i18n.language}-FI`);
  return (
    <section aria-labelledby="student-list-heading" className="stack">
      <Heading variant="h2" id="student-list-heading">{t('students.listTitle')}</Heading>
      <ListSearchInput label={t('students.search')} onSearch={search} />
      {students.state === 'loading' && <LoadingSpinner text={t('common.loading')} />}
      {students.state === 'error' && <ErrorNotice error={students.error} />}
      {students.state === 'ready' && (students.data.total === 0 ? (
        <p className="empty-state">{query ? t('students.noMatches') : t('students.none')}</p>
      ) : (
        <>
          <p className="results-count">{t('students.caption', { count: students.data.total })}</p>
          <ul className="card-list" aria-label={t('students.listTitle')}>
            {students.data.items.map((s) => (
              <li key={s.id}>
                <h3>{s.name}</h3>
                <p className="meta">{[s.email, s.studentNumber, s.birthDate && date(s.birthDate), s.homeMunicipalityCode && municipalityName(municipalities.get(s.homeMunicipalityCode))].filter(Boolean).join(' · ')}</p>
                <ul className="plain-list" aria-label={t('students.studyRightsOf', { name: s.name })}>
                  {s.studyRights.map((r) => <li key={r.kind}>{r.kind === 'general_upper_secondary' ? t('students.lukioSyllabus') : (r.qualification ?? t(`form.${r.kind}`))}{r.startDate && ` (${t('students.since', { date: date(r.startDate) })})`}</li>)}
                </ul>
                {editing === s.id ? (
                  <StudentEditor student={s} onDone={(saved) => { setEditing(null); if (saved) students.reload(); }} />
                ) : (
                  <Button variant="secondaryNoBorder" onClick={() => setEditing(s.id)} aria-label={t('students.correctLabel', { name: s.name })}>{t('students.correct')}</Button>
                )}
              </li>
            ))}
          </ul>
          {students.data.total > students.data.pageSize && <ListPagination label={t('students.listTitle')} page={page} lastPage={Math.ceil(students.data.total / students.data.pageSize)} onChange={setPage} />}
        </>
      ))}
    </section>
  );
}
