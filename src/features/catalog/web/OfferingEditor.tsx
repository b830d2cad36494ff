import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { Button, Checkbox, CheckboxGroup, Dropdown, DropdownItem, Heading, LoadingSpinner, SingleSelect, TextInput } from 'suomifi-ui-components';
import { api, toQuery } from '../../../web/app/api.js';
import { useFieldIssues } from '../../../web/app/field-issues.js';
import { useAction } from '../../../web/app/use-action.js';
import { ErrorNotice } from '../../../web/app/ErrorNotice.js';
import { useSession } from '../../../web/app/session.js';
import { useApi } from '../../../web/app/use-api.js';
import { usePopoverAriaControls } from '../../../web/app/use-popover-aria-controls.js';
import type { OfferingDto } from '../offering-dto.js';
import type { OfferingFields } from '../offering-schema.js';
import { formatTimeSlots, parseTimeSlots } from '../offering-table-format.js';
import { DELIVERY_MODES, PERIODS, TARGET_GROUPS, TEACHING_LANGUAGES } from '../vocabulary.js';
import { isAdmin } from '../../auth/roles.js';
import { SignInFirst } from '../../../web/app/SignInFirst.js';

interface Course { code: string; nameFi: string; nameSv: string; nameEn: string }
interface Site { id: number; name: string }

/** The form keeps text as typed; numbers and lists are parsed on submit and the server validates. */
interface Draft {
  courseCode: string;
  siteId: string;
  mode: string;
  language: string;
  academicYear: string;
  periods: number[];
  timeSlots: string;
  bars: string;
  capacity: string;
  seatsForPartners: string;
  targetGroups: string[];
  feeEuros: string;
  enrolmentStart: string;
  enrolmentEnd: string;
  contactName: string;
  contactEmail: string;
}

const EMPTY: Draft = {
  courseCode: '', siteId: '', mode: 'onsite', language: 'fi', academicYear: '2026-2027', periods: [], timeSlots: '', bars: '',
  capacity: '20', seatsForPartners: '4', targetGroups: ['young'], feeEuros: '0', enrolmentStart: '', enrolmentEnd: '', contactName: '', contactEmail: '',
};

function draftOf(o: OfferingDto): Draft {
  return {
    courseCode: o.course.code, siteId: o.site ? String(o.site.id) : '', mode: o.mode, language: o.language, academicYear: o.academicYear,
    periods: o.periods, timeSlots: formatTimeSlots(o.timeSlots), bars: o.bars.join('; '), capacity: String(o.capacity), seatsForPartners: String(o.seatsForPartners),
    targetGroups: o.targetGroups, feeEuros: String(o.feeEuros), enrolmentStart: o.enrolmentStart ?? '', enrolmentEnd: o.enrolmentEnd ?? '',
    contactName: o.contactName ?? '', contactEmail: o.contactEmail ?? '',
  };
}

const numberOrText = (s: string) => (s.trim() !== '' && Number.isFinite(Number(s.replace(',', '.'))) ? Number(s.replace(',', '.')) : s);
const orNull = (s: string) => (s.trim() ? s.trim() : null);

function payloadOf(d: Draft): Record<keyof OfferingFields, unknown> {
  return {
    courseCode: d.courseCode, siteId: d.siteId ? Number(d.siteId) : null, mode: d.mode, language: d.language, academicYear: d.academicYear,
    periods: d.periods, timeSlots: parseTimeSlots(d.timeSlots), bars: d.bars.split(/[;,\s]+/).filter(Boolean), capacity: numberOrText(d.capacity), seatsForPartners: numberOrText(d.seatsForPartners),
    targetGroups: d.targetGroups, feeEuros: numberOrText(d.feeEuros || '0'), enrolmentStart: orNull(d.enrolmentStart), enrolmentEnd: orNull(d.enrolmentEnd),
    contactName: orNull(d.contactName), contactEmail: orNull(d.contactEmail),
  };
}

export function OfferingEditor() {
  const { id } = useParams();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user, loading } = useSession();
  const existing = useApi<OfferingDto>(id ? `/offerings/${id}` : null);
  const region = user?.regionId ?? undefined;
  const courses = useApi<{ items: Course[] }>(`/courses${toQuery({ region, limit: 500 })}`);
  const sites = useApi<{ items: Site[] }>(`/sites${toQuery({ region })}`);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const { busy, error, run } = useAction();
  const { status, statusText } = useFieldIssues(error);
  usePopoverAriaControls('offering-courseCode');

  useEffect(() => {
    if (existing.state === 'ready') setDraft(draftOf(existing.data));
  }, [existing.state === 'ready' ? existing.data : null]);

  if (loading) return <LoadingSpinner text={t('common.loading')} />;
  if (!user) return <SignInFirst />;
  if (id && existing.state === 'loading') return <LoadingSpinner text={t('common.loading')} />;
  if (id && existing.state === 'error') return <div className="page"><ErrorNotice error={existing.error} /></div>;

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const text = (key: keyof Draft, type: 'text' | 'number' | 'email' = 'text', hint?: string) => (
    <TextInput id={`offering-${key}`} labelText={t(`editor.${key}`)} hintText={hint} type={type} value={draft[key] as string}
      onChange={(v) => set(key, String(v ?? '') as never)} status={status(key)} statusText={statusText(key)} fullWidth />
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await run(async () => {
      const saved = id
        ? await api<OfferingDto>(`/offerings/${id}`, { method: 'PATCH', json: payloadOf(draft) })
        : await api<OfferingDto>('/offerings', { method: 'POST', json: { ...payloadOf(draft), ...(isAdmin(user) ? { providerId: Number(searchParams.get('provider')) } : {}) } });
      navigate(`/offerings/${saved.id}`);
    });
    if (!saved) window.scrollTo(0, 0);
  };

  const courseItems = courses.state === 'ready' ? courses.data.items.map((c) => ({ uniqueItemId: c.code, labelText: `${c.code} ${c.nameFi}` })) : [];
  return (
    <div className="page page--narrow">
      <p><Link to="/manage">{t('editor.back')}</Link></p>
      <Heading variant="h1">{id ? t('editor.editTitle') : t('editor.newTitle')}</Heading>
      {error && (
        <div role="alert" className="form-errors">
          <ErrorNotice error={error} />
          {error.issues.length > 0 && (
            <ul>{error.issues.map((i, n) => <li key={n}>{t(`editor.${i.path.split('.')[1] ?? ''}`, { defaultValue: i.path })}: {t(`issues.${i.code}`, { defaultValue: t('issues.invalid') })}</li>)}</ul>
          )}
        </div>
      )}
      <form onSubmit={submit} className="stack" noValidate>
        <SingleSelect id="offering-courseCode" labelText={t('editor.courseCode')} items={courseItems} clearButtonLabel={t('common.clear')} noItemsText={t('common.noMatches')}
          ariaOptionsAvailableText={t('common.optionsAvailable')} selectedItem={courseItems.find((c) => c.uniqueItemId === draft.courseCode) ?? null}
          onItemSelect={(code) => set('courseCode', code ?? '')} status={status('courseCode')} statusText={statusText('courseCode')} fullWidth />
        <Dropdown id="offering-mode" labelText={t('editor.mode')} value={draft.mode} onChange={(v: string) => set('mode', v)}>
          {DELIVERY_MODES.map((m) => <DropdownItem key={m} value={m}>{t(`mode.${m}`)}</DropdownItem>)}
        </Dropdown>
        <Dropdown id="offering-siteId" labelText={t('editor.siteId')} value={draft.siteId || 'none'} onChange={(v: string) => set('siteId', v === 'none' ? '' : v)}
          status={status('siteId')} statusText={statusText('siteId')}>
          {[<DropdownItem key="none" value="none">{t('editor.noSite')}</DropdownItem>,
            ...(sites.state === 'ready' ? sites.data.items.map((s) => <DropdownItem key={s.id} value={String(s.id)}>{s.name}</DropdownItem>) : [])]}
        </Dropdown>
        <Dropdown id="offering-language" labelText={t('editor.language')} value={draft.language} onChange={(v: string) => set('language', v)}>
          {TEACHING_LANGUAGES.map((l) => <DropdownItem key={l} value={l}>{t(`language.${l}`)}</DropdownItem>)}
        </Dropdown>
        {text('academicYear', 'text', t('editor.academicYearHint'))}
        <CheckboxGroup labelText={t('editor.periods')} groupStatus={status('periods')} groupStatusText={statusText('periods')}>
          {PERIODS.map((p) => (
            <Checkbox key={p} checked={draft.periods.includes(p)} onClick={({ checkboxState }) => set('periods', checkboxState ? [...draft.periods, p] : draft.periods.filter((x) => x !== p))}>
              {t('filters.periodN', { period: p })}
            </Checkbox>
          ))}
        </CheckboxGroup>
        {text('timeSlots', 'text', t('editor.timeSlotsHint'))}
        {text('bars', 'text', t('editor.barsHint'))}
        {text('capacity', 'number')}
        {text('seatsForPartners', 'number')}
        <CheckboxGroup labelText={t('editor.targetGroups')} groupStatus={status('targetGroups')} groupStatusText={statusText('targetGroups')}>
          {TARGET_GROUPS.map((g) => (
            <Checkbox key={g} checked={draft.targetGroups.includes(g)} onClick={({ checkboxState }) => set('targetGroups', checkboxState ? [...draft.targetGroups, g] : draft.targetGroups.filter((x) => x !== g))}>
              {t(`targetGroup.${g}`)}
            </Checkbox>
          ))}
        </CheckboxGroup>
        {text('feeEuros')}
        {text('enrolmentStart', 'text', t('editor.dateHint'))}
        {text('enrolmentEnd', 'text', t('editor.dateHint'))}
        {text('contactName')}
        {text('contactEmail', 'email')}
        <div className="form-actions">
          <Button type="submit" disabled={busy}>{t('editor.save')}</Button>
          <Button variant="secondary" type="button" onClick={() => navigate('/manage')}>{t('common.cancel')}</Button>
        </div>
      </form>
    </div>
  );
}
