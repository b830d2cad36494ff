import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import { ErrorNotice } from '../../../web/app/ErrorNotice.js';
import { useSession } from '../../../web/app/session.js';
import { useAction } from '../../../web/app/use-action.js';
import { PasswordChangeSection } from '../../people/web/PasswordChangeSection.js';
import { SignInFirst } from '../../../web/app/SignInFirst.js';

/** The signed-in person's own page: who they are here, their data to download, and signing out on every device. */
export function AccountPage() {
  const { t } = useTranslation();
  const { user, loading, logoutEverywhere } = useSession();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const { busy, error, run } = useAction();
  if (loading) return <p className="page" role="status">{t('common.loading')}</p>;
  if (!user) return <SignInFirst />;

  return (
    <div className="page page--narrow stack">
      <Heading variant="h1">{t('account.title')}</Heading>
      <dl className="details">
        <dt>{t('account.name')}</dt>
        <dd>{user.name}</dd>
        <dt>{t('account.email')}</dt>
        <dd>{user.email}</dd>
        <dt>{t('account.role')}</dt>
        <dd>{t(`roles.${user.role}`)}</dd>
      </dl>

      <PasswordChangeSection />

      <section aria-labelledby="my-data-heading" className="stack">
        <Heading variant="h2" id="my-data-heading">{t('account.dataTitle')}</Heading>
        <Paragraph>{t('account.dataText')}</Paragraph>
        <p><a href="/api/v1/me/data" download>{t('account.download')}</a></p>
        <Paragraph>{t('account.erasureText')}</Paragraph>
      </section>

      <section aria-labelledby="sessions-heading" className="stack">
        <Heading variant="h2" id="sessions-heading">{t('account.sessionsTitle')}</Heading>
        <Paragraph>{t('account.sessionsText')}</Paragraph>
        {error && <ErrorNotice error={error} />}
        {confirming ? (
          <div className="confirm" role="group" aria-label={t('account.confirmLabel')}>
            <Paragraph>{t('account.confirmText')}</Paragraph>
            <Button disabled={busy} onClick={() => void run(async () => { await logoutEverywhere(); navigate('/'); })}>
              {t('account.confirm')}
            </Button>{' '}
            <Button variant="secondary" onClick={() => setConfirming(false)}>{t('common.cancel')}</Button>
          </div>
        ) : (
          <Button variant="secondary" onClick={() => setConfirming(true)}>{t('account.signOutEverywhere')}</Button>
        )}
      </section>
    </div>
  );
}
