import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { Button, Dropdown, DropdownItem, TextInput } from 'suomifi-ui-components';
import { api } from '../../../web/app/api.js';
import { useAction } from '../../../web/app/use-action.js';
import { ErrorNotice } from '../../../web/app/ErrorNotice.js';
import { useFieldIssues } from '../../../web/app/field-issues.js';
import { PERIODS } from '../../catalog/vocabulary.js';

/** `datetime-local` value for a moment `days` from now, in the browser's time zone. */
function localInput(days: number) {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}

/** Opens a round over the organizer's offerings of one period: region-wide for an admin, the provider's own for a coordinator. */
export function NewRoundForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [draft, setDraft] = useState({ name: '', academicYear: '2026-2027', period: '3', opensAt: localInput(0), closesAt: localInput(14), maxCoursesPerStudent: '3', maxTravelMinutes: '' });
  const { busy, error, run } = useAction();
  const { status, statusText } = useFieldIssues(error);
  const set = (key: keyof typeof draft) => (value: unknown) => setDraft((d) => ({ ...d, [key]: String(value ?? '') }));
  const moment = (local: string) => (local ? new Date(local).toISOString() : '');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await run(async () => {
      const round = await api<{ id: number }>('/rounds', {
        method: 'POST',
        json: {
          name: draft.name,
          academicYear: draft.academicYear,
          period: Number(draft.period),
          opensAt: moment(draft.opensAt),
          closesAt: moment(draft.closesAt),
          maxCoursesPerStudent: Number(draft.maxCoursesPerStudent),
          maxTravelMinutes: draft.maxTravelMinutes ? Number(draft.maxTravelMinutes) : null,
        },
      });
      navigate(`/rounds/${round.id}`);
    });
  };

  const text = (key: keyof typeof draft, type: 'text' | 'number' | 'datetime-local' = 'text', hint?: string) => (
    <TextInput id={`round-${key}`} labelText={t(`round.form.${key}`)} hintText={hint} type={type as 'text'} value={draft[key]} onChange={set(key)} status={status(key)} statusText={statusText(key)} fullWidth />
  );
  return (
    <section className="panel" aria-labelledby="new-round-heading">
      <h2 id="new-round-heading">{t('round.form.title')}</h2>
      <p>{t('round.form.help')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate className="stack">
        {text('name')}
        <div className="form-row">
          {text('academicYear', 'text', t('round.form.academicYearHint'))}
          <Dropdown id="round-period" labelText={t('round.form.period')} value={draft.period} onChange={set('period')}>
            {PERIODS.map((p) => <DropdownItem key={p} value={String(p)}>{t('round.periodNumber', { period: p })}</DropdownItem>)}
          </Dropdown>
        </div>
        <div className="form-row">
          {text('opensAt', 'datetime-local')}
          {text('closesAt', 'datetime-local')}
        </div>
        <div className="form-row">
          {text('maxCoursesPerStudent', 'number')}
          {text('maxTravelMinutes', 'number', t('round.form.maxTravelHint'))}
        </div>
        {error && <ErrorNotice error={error} />}
        <div className="form-actions">
          <Button type="submit" disabled={busy}>{t('round.form.submit')}</Button>
        </div>
      </form>
    </section>
  );
}
