import { useTranslation } from 'react-i18next';
import { LoadingSpinner } from 'suomifi-ui-components';
import { ErrorNotice } from '../../../web/app/ErrorNotice.js';
import { formatCredits } from '../../../web/app/labels.js';
import { useApi } from '../../../web/app/use-api.js';
import type { RecordEntry } from '../study-record.js';

/** Credits completed at partner providers, with the CSV the home school files in its own records. */
export function StudyRecordSection({ studentId }: { studentId: number }) {
  const { t, i18n } = useTranslation();
  const record = useApi<{ items: RecordEntry[]; total: number }>(`/students/${studentId}/record`);
  return (
    <section aria-labelledby="record-heading">
      <h2 id="record-heading">{t('record.title')}</h2>
      {record.state === 'loading' && <LoadingSpinner text={t('common.loading')} />}
      {record.state === 'error' && <ErrorNotice error={record.error} />}
      {record.state === 'ready' &&
        (record.data.items.length === 0 ? (
          <p className="empty-state">{t('record.empty')}</p>
        ) : (
          <>
            <div className="table-scroll" tabIndex={0}>
              <table className="data-table">
                <caption className="visually-hidden">{t('record.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('manage.course')}</th>
                    <th scope="col">{t('offering.credits')}</th>
                    <th scope="col">{t('enrolment.grade')}</th>
                    <th scope="col">{t('record.completedOn')}</th>
                    <th scope="col">{t('enrolment.host')}</th>
                  </tr>
                </thead>
                <tbody>
                  {record.data.items.map((e, i) => (
                    <tr key={i}>
                      <td>{e.courseCode} {e.courseName}</td>
                      <td>{formatCredits(e.credits, e.creditUnit, i18n.language)}</td>
                      <td>{e.grade}</td>
                      <td>{e.completedOn}</td>
                      <td>{e.hostProvider}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p><a href={`/api/v1/students/${studentId}/record?format=csv`} download>{t('record.download')}</a></p>
          </>
        ))}
    </section>
  );
}
