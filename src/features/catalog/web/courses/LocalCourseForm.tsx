import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dropdown, DropdownItem, Heading, TextInput } from 'suomifi-ui-components';
import { api } from '../../../../web/app/api.js';
import { ErrorNotice } from '../../../../web/app/ErrorNotice.js';
import { useFieldIssues } from '../../../../web/app/field-issues.js';
import { useAction } from '../../../../web/app/use-action.js';
import { EDUCATION_FORMS, FIELDS, type EducationForm, type Field } from '../../vocabulary.js';
import { creditUnitLabel } from '../../../../web/app/labels.js';

/** A provider's own course (paikallinen): a code of its own, names, form, field and scope. */
export function LocalCourseForm({ regionId, onCreated }: { regionId: number; onCreated: () => void }) {
  const { t, i18n } = useTranslation();
  const [code, setCode] = useState('');
  const [names, setNames] = useState({ nameFi: '', nameSv: '', nameEn: '' });
  const [educationForm, setEducationForm] = useState<EducationForm>('liberal_adult');
  const [field, setField] = useState<Field>('00');
  const [credits, setCredits] = useState('');
  const [qualification, setQualification] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const issues = useFieldIssues(error);
  // Vocational units are measured in osaamispisteet, everything else in opintopisteet.
  const creditUnit = educationForm === 'vocational' ? 'osp' : 'op';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    const body = {
      regionId,
      code,
      ...names,
      educationForm,
      field,
      credits: credits.trim() === '' ? undefined : Number(credits.replace(',', '.')),
      creditUnit,
      qualification: qualification.trim() || undefined,
    };
    if (await run(() => api('/courses', { method: 'POST', json: body }))) {
      setCreated(code.trim());
      setCode('');
      setNames({ nameFi: '', nameSv: '', nameEn: '' });
      setCredits('');
      setQualification('');
      onCreated();
    }
  };
  const name = (key: keyof typeof names, label: string, optional: boolean) => (
    <TextInput labelText={label} optionalText={optional ? t('organizations.optional') : undefined} value={names[key]} onChange={(v) => setNames({ ...names, [key]: String(v ?? '') })} status={issues.status(key)} statusText={issues.statusText(key)} fullWidth />
  );
  return (
    <section aria-labelledby="local-course-heading" className="stack">
      <Heading variant="h2" id="local-course-heading">{t('courses.localTitle')}</Heading>
      <form onSubmit={submit} className="stack" noValidate>
        <div className="form-grid">
          <TextInput labelText={t('courses.code')} hintText={t('courses.codeHint')} value={code} onChange={(v) => setCode(String(v ?? ''))} status={issues.status('code')} statusText={issues.statusText('code')} fullWidth />
          {name('nameFi', t('courses.nameFi'), false)}
          {name('nameSv', t('courses.nameSv'), true)}
          {name('nameEn', t('courses.nameEn'), true)}
          <Dropdown labelText={t('offering.form')} value={educationForm} onChange={(v: string) => setEducationForm(v as EducationForm)}>
            {EDUCATION_FORMS.map((f) => <DropdownItem key={f} value={f}>{t(`form.${f}`)}</DropdownItem>)}
          </Dropdown>
          <Dropdown labelText={t('offering.field')} value={field} onChange={(v: string) => setField(v as Field)}>
            {FIELDS.map((f) => <DropdownItem key={f} value={f}>{t(`field.${f}`)}</DropdownItem>)}
          </Dropdown>
          <TextInput labelText={t('courses.credits', { unit: creditUnitLabel(creditUnit, i18n.language) })} inputMode="decimal" value={credits} onChange={(v) => setCredits(String(v ?? ''))} status={issues.status('credits')} statusText={issues.statusText('credits')} fullWidth />
          {educationForm === 'vocational' && (
            <TextInput labelText={t('offering.qualification')} optionalText={t('organizations.optional')} value={qualification} onChange={(v) => setQualification(String(v ?? ''))} fullWidth />
          )}
        </div>
        {error && <ErrorNotice error={error} />}
        {created && <p role="status">{t('courses.created', { code: created })}</p>}
        <div><Button type="submit" disabled={busy}>{t('courses.create')}</Button></div>
      </form>
    </section>
  );
}
