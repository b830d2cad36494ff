import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { Button, Heading, InlineAlert, Paragraph, TextInput } from 'suomifi-ui-components';
import { api } from '../../../web/app/api.js';
import { ErrorNotice } from '../../../web/app/ErrorNotice.js';
import { useFieldIssues } from '../../../web/app/field-issues.js';
import { useAction } from '../../../web/app/use-action.js';
import { NewPasswordFields, passwordsMatch } from './NewPasswordFields.js';

/** Forgotten password: asking for a link (`/reset-password`), and setting a new password through it (`/reset-password/:token`). */
export function PasswordResetPage() {
  const { token } = useParams();
  const { t } = useTranslation();
  return (
    <div className="page page--narrow stack">
      <Heading variant="h1">{t('passwordReset.title')}</Heading>
      {token ? <NewPasswordForm token={token} /> : <ResetRequestForm />}
    </div>
  );
}

function ResetRequestForm() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const { busy, error, run } = useAction();
  const issues = useFieldIssues(error);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await run(() => api('/auth/password-reset', { method: 'POST', json: { email } }))) setSent(true);
  };
  if (sent) {
    return (
      <InlineAlert status="neutral" role="status">
        {t('passwordReset.sent', { email })}
      </InlineAlert>
    );
  }
  return (
    <form onSubmit={submit} className="stack" noValidate>
      <Paragraph>{t('passwordReset.requestText')}</Paragraph>
      <TextInput labelText={t('login.email')} type="email" autoComplete="username" value={email} onChange={(v) => setEmail(String(v ?? ''))} status={issues.status('email')} statusText={issues.statusText('email')} fullWidth />
      {error && <ErrorNotice error={error} />}
      <Button type="submit" disabled={busy}>{t('passwordReset.send')}</Button>
    </form>
  );
}

function NewPasswordForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState({ password: '', repeat: '' });
  const [submitted, setSubmitted] = useState(false);
  const [done, setDone] = useState(false);
  const { busy, error, run } = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!passwordsMatch(password)) return;
    if (await run(() => api(`/auth/password-reset/${encodeURIComponent(token)}`, { method: 'POST', json: { password: password.password } }))) setDone(true);
  };
  if (done) {
    return (
      <InlineAlert status="neutral" role="status">
        {t('passwordReset.done')} <Link to="/login">{t('login.submit')}</Link>
      </InlineAlert>
    );
  }
  const spent = error?.code === 'reset_not_found' || error?.code === 'reset_expired';
  return (
    <form onSubmit={submit} className="stack" noValidate>
      <NewPasswordFields value={password} onChange={setPassword} error={error} field="password" submitted={submitted} />
      {error && <ErrorNotice error={error} />}
      {spent && <p><Link to="/reset-password">{t('passwordReset.askAgain')}</Link></p>}
      <Button type="submit" disabled={busy}>{t('passwordReset.save')}</Button>
    </form>
  );
}
