import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { Button, Heading, TextInput } from 'suomifi-ui-components';
import type { ApiError } from '../../../web/app/api.js';
import { ErrorNotice } from '../../../web/app/ErrorNotice.js';
import { useSession } from '../../../web/app/session.js';

export function LoginPage() {
  const { t } = useTranslation();
  const { login } = useSession();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const user = await login(email, password);
      navigate(user.role === 'coordinator' || user.role === 'admin' ? '/manage' : '/');
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page page--narrow">
      <Heading variant="h1">{t('login.title')}</Heading>
      <form onSubmit={submit} className="stack" noValidate>
        <TextInput labelText={t('login.email')} type="email" autoComplete="username" value={email} onChange={(v) => setEmail(String(v ?? ''))} fullWidth />
        <TextInput labelText={t('login.password')} type="password" autoComplete="current-password" value={password} onChange={(v) => setPassword(String(v ?? ''))} fullWidth />
        {error && <ErrorNotice error={error} />}
        <Button type="submit" disabled={busy}>{t('login.submit')}</Button>
      </form>
    </div>
  );
}
