import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, InlineAlert, TextInput } from 'suomifi-ui-components';
import { api } from '../../../web/app/api.js';
import { ErrorNotice } from '../../../web/app/ErrorNotice.js';
import { useFieldIssues } from '../../../web/app/field-issues.js';
import { useAction } from '../../../web/app/use-action.js';
import { NewPasswordFields, passwordsMatch } from './NewPasswordFields.js';

/** On the account page: a new password, given the current one; other devices are signed out. */
export function PasswordChangeSection() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState({ password: '', repeat: '' });
  const [submitted, setSubmitted] = useState(false);
  const [changed, setChanged] = useState(false);
  const { busy, error, run } = useAction();
  const issues = useFieldIssues(error);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    setChanged(false);
    if (!passwordsMatch(password)) return;
    if (await run(() => api('/auth/password', { method: 'POST', json: { currentPassword: current, newPassword: password.password } }))) {
      setChanged(true);
      setSubmitted(false);
      setCurrent('');
      setPassword({ password: '', repeat: '' });
    }
  };
  return (
    <section aria-labelledby="password-heading" className="stack">
      <Heading variant="h2" id="password-heading">{t('password.changeTitle')}</Heading>
      <form onSubmit={submit} className="stack" noValidate>
        <TextInput labelText={t('password.current')} type="password" autoComplete="current-password" value={current} onChange={(v) => setCurrent(String(v ?? ''))} status={issues.status('currentPassword')} statusText={issues.statusText('currentPassword')} fullWidth />
        <NewPasswordFields value={password} onChange={setPassword} error={error} field="newPassword" submitted={submitted} />
        {error && <ErrorNotice error={error} />}
        {changed && <InlineAlert status="neutral" role="status">{t('password.changed')}</InlineAlert>}
        <Button type="submit" disabled={busy}>{t('password.change')}</Button>
      </form>
    </section>
  );
}
