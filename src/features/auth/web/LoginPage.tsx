import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Button, Heading, TextInput } from 'suomifi-ui-components';
import { useAction } from '../../../web/app/use-action.js';
import { ErrorNotice } from '../../../web/app/ErrorNotice.js';
import { useSession } from '../../../web/app/session.js';
import { homePathOf } from './home-path.js';
import { SingleSignOnLinks } from './SingleSignOnLinks.js';

export function LoginPage() {
  const { t } = useTranslation();
  const { login } = useSession();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, run } = useAction();
  const ssoError = useSearchParams()[0].get('sso_error');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await run(async () => {
      const user = await login(email, password);
      navigate(homePathOf(user));
    });
  };

  return (
    <div className="page page--narrow">
      <Heading variant="h1">{t('login.title')}</Heading>
      {ssoError && <p role="alert" className="form-errors">{t(`login.ssoErrors.${ssoError}`, { defaultValue: t('login.ssoErrors.sso_failed') })}</p>}
      <SingleSignOnLinks label={(provider) => t('login.withProvider', { provider })} />
      <form onSubmit={submit} className="stack" noValidate>
        <TextInput labelText={t('login.email')} type="email" autoComplete="username" value={email} onChange={(v) => setEmail(String(v ?? ''))} fullWidth />
        <TextInput labelText={t('login.password')} type="password" autoComplete="current-password" value={password} onChange={(v) => setPassword(String(v ?? ''))} fullWidth />
        {error && <ErrorNotice error={error} />}
        <Button type="submit" disabled={busy}>{t('login.submit')}</Button>
      </form>
      <p><Link to="/reset-password">{t('login.forgotPassword')}</Link></p>
    </div>
  );
}
