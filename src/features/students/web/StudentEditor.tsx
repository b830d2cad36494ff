import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, TextInput } from 'suomifi-ui-components';
import { api } from '../../../web/app/api.js';
import { ErrorNotice } from '../../../web/app/ErrorNotice.js';
import { useFieldIssues } from '../../../web/app/field-issues.js';
import { MunicipalitySelect } from '../../../web/app/MunicipalitySelect.js';
import { useAction } from '../../../web/app/use-action.js';
import type { RosterStudent } from './StudentList.js';

/** A counsellor's correction of a student's name, e-mail, student number or home municipality. */
export function StudentEditor({ student, onDone }: { student: RosterStudent; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(student.name);
  const [email, setEmail] = useState(student.email);
  const [studentNumber, setStudentNumber] = useState(student.studentNumber ?? '');
  const [home, setHome] = useState<string | null>(student.homeMunicipalityCode);
  const { busy, error, run } = useAction();
  const issues = useFieldIssues(error);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const correction = { name, email, studentNumber: studentNumber.trim() || null, homeMunicipalityCode: home };
    if (await run(() => api(`/students/${student.id}`, { method: 'PATCH', json: correction }))) onDone(true);
  };
  return (
    <form onSubmit={save} className="stack" aria-label={t('students.correctLabel', { name: student.name })} noValidate>
      <TextInput labelText={t('students.columns.name')} value={name} onChange={(v) => setName(String(v ?? ''))} status={issues.status('name')} statusText={issues.statusText('name')} />
      <TextInput labelText={t('students.columns.email')} type="email" value={email} onChange={(v) => setEmail(String(v ?? ''))} status={issues.status('email')} statusText={issues.statusText('email')} />
      <TextInput labelText={t('students.columns.studentNumber')} optionalText={t('organizations.optional')} value={studentNumber} onChange={(v) => setStudentNumber(String(v ?? ''))} status={issues.status('studentNumber')} statusText={issues.statusText('studentNumber')} />
      <MunicipalitySelect id={`student-${student.id}-home`} labelText={t('students.columns.homeMunicipality')} value={home} onChange={setHome} />
      {error && <ErrorNotice error={error} />}
      <div className="form-actions">
        <Button type="submit" disabled={busy}>{t('students.save')}</Button>
        <Button variant="secondary" onClick={() => onDone(false)}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
