import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { SingleSignOnLinks } from '../../auth/web/SingleSignOnLinks.js';
import { Button, Heading, LoadingSpinner, Paragraph, TextInput } from 'suomifi-ui-components';
import { api } from '../../../web/app/api.js';
import { ErrorNotice } from '../../../web/app/ErrorNotice.js';
import { useFieldIssues } from '../../../web/app/field-issues.js';
import { useDate, useRegionName } from '../../../web/app/labels.js';
import { useSession, type SignedInSession } from '../../../web/app/session.js';
import { useAction } from '../../../web/app/use-action.js';
import { useApi } from '../../../web/app/use-api.js';
import { homePathOf } from '../../auth/web/home-path.js';
import { NewPasswordFields, passwordsMatch } from './NewPasswordFields.js';

interface Invitation {
  email: string;
  role: string;
  region: { nameFi: string; nameSv: string; nameEn: string };
  organizationName: string | null;
  invitedBy: string | null;
  expiresAt: string;
}

/** The page an invitation e-mail links to: what is offered, then a name and a password, and the person is in. */
export function InvitationPage() {
  const { t } = useTranslation();
  const date = useDate();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const { adopt } = useSession();
  const regionName = useRegionName();
  const invitation = useApi<Invitation>(`/invitations/${encodeURIComponent(token)}`);
  const [name, setName] = useState('');
  const [password, setPassword] = useState({ password: '', repeat: '' });
  const [submitted, setSubmitted] = useState(false);
  const { busy, error, run } = useAction();
  const issues = useFieldIssues(error);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!passwordsMatch(password)) return;
    await run(async () => {
      const session = await api<SignedInSession>(`/invitations/${encodeURIComponent(token)}/accept`, { method: 'POST', json: { name, password: password.password } });
      adopt(session);
      navigate(homePathOf(session.user));
    });
  };

  return (
    <div className="page page--narrow stack">
      <Heading variant="h1">{t('invitation.title')}</Heading>
      {invitation.state === 'loading' && <LoadingSpinner text={t('common.loading')} />}
      {invitation.state === 'error' && (
        <>
          <ErrorNotice error={invitation.error} />
          <Paragraph>{t('invitation.askAgain')} <Link to="/login">{t('invitation.signInInstead')}</Link></Paragraph>
        </>
      )}
      {invitation.state === 'ready' && (
        <>
          <Paragraph>
            {t('invitation.offer', {
              inviter: invitation.data.invitedBy ?? t('invitation.someone'),
              role: t(`roles.${invitation.data.role}`),
              region: regionName(invitation.data.region),
            })}
            {invitation.data.organizationName && ` ${t('invitation.organization', { organization: invitation.data.organizationName })}`}
          </Paragraph>
          <Paragraph>{t('invitation.expires', { date: date(invitation.data.expiresAt) })}</Paragraph>
          <SingleSignOnLinks invitation={token} label={(provider) => t('invitation.acceptWith', { provider })} />
          <form onSubmit={submit} className="stack" noValidate>
            <TextInput labelText={t('invitation.email')} value={invitation.data.email} readOnly fullWidth />
            <TextInput
              labelText={t('invitation.name')}
              autoComplete="name"
              value={name}
              onChange={(v) => setName(String(v ?? ''))}
              status={issues.status('name')}
              statusText={issues.statusText('name')}
              fullWidth
            />
            <NewPasswordFields value={password} onChange={setPassword} error={error} field="password" submitted={submitted} />
            {error && <ErrorNotice error={error} />}
            <Button type="submit" disabled={busy}>{t('invitation.accept')}</Button>
          </form>
        </>
      )}
    </div>
  );
}
