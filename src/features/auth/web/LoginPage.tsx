import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Button, Heading, TextInput } from 'suomifi-ui-components';
import { useAction } from '../../../web/app/use-action.js';
import { ErrorNotice } from '../../../web/app/ErrorNotice.js';
import { useSession } from '../../../web/app/session.js';
import { safeReturnPath } from '../return-path.js';
import { homePathOf } from './home-path.js';
import { SingleSignOnLinks } from './SingleSignOnLinks.js';

export function LoginPage() {
  const { t } = useTranslation();
  const { login } = useSession();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, run } = useAction();
  const [params] = useSearchParams();
  const ssoError = params.get('sso_error');
  // Where the visitor was going when the page sent them here (SignInFirst); only this site's own paths.
  const returnTo = params.has('returnTo') ? safeReturnPath(params.get('returnTo')) : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await run(async () => {
      const user = await login(email, password);
      navigate(returnTo ?? homePathOf(user));
    });
  };

  return (
    <div className="page page--narrow">
      <Heading variant="h1">{t('login.title')}</Heading>
      {ssoError && <p role="alert" className="form-errors">{t(`login.ssoErrors.${ssoError}`, { defaultValue: t('login.ssoErrors.sso_failed') })}</p>}
      <SingleSignOnLinks returnTo={returnTo} label={(provider) => t('login.withProvider', { provider })} />
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
