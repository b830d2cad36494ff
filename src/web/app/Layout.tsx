import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import { Button, LanguageMenu, LanguageMenuItem, SkipLink } from 'suomifi-ui-components';
import { LANGUAGES, setLanguage } from '../i18n/i18n.js';
import { useSession } from './session.js';
import { useApi } from './use-api.js';
import { isAdmin } from '../../features/auth/roles.js';

const LANGUAGE_NAMES = { fi: 'Suomeksi (FI)', sv: 'På svenska (SV)', en: 'In English (EN)' } as const;

export function Layout({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { user, logout } = useSession();
  const canManage = user?.role === 'coordinator' || isAdmin(user);
  const regions = useApi<{ items: { isDemo: boolean }[] }>('/regions');
  const showsDemo = regions.state === 'ready' && regions.data.items.some((r) => r.isDemo);
  return (
    <>
      <SkipLink href="#main">{t('layout.skipToContent')}</SkipLink>
      <header className="site-header">
        <div className="site-header__inner">
          <NavLink to="/" className="brand">
            <span className="brand__name">Tarjotin</span>
            <span className="brand__tagline">{t('layout.tagline')}</span>
          </NavLink>
          <div className="site-header__tools">
            <LanguageMenu
              buttonText={LANGUAGE_NAMES[i18n.language as keyof typeof LANGUAGE_NAMES]}
              aria-label={`${t('layout.language')}: ${LANGUAGE_NAMES[i18n.language as keyof typeof LANGUAGE_NAMES]}`}
            >
              {LANGUAGES.map((language) => (
                <LanguageMenuItem key={language} lang={language} selected={i18n.language === language} onSelect={() => setLanguage(language)}>
                  {LANGUAGE_NAMES[language]}
                </LanguageMenuItem>
              ))}
            </LanguageMenu>
            {user ? (
              <span className="session">
                <NavLink to="/account" className="session__link">{t('layout.accountLink', { name: user.name })}</NavLink>
                <Button variant="secondaryNoBorder" onClick={() => void logout()}>
                  {t('layout.signOut')}
                </Button>
              </span>
            ) : (
              <NavLink to="/login" className="session__link">
                {t('layout.signIn')}
              </NavLink>
            )}
          </div>
        </div>
        <nav aria-label={t('layout.mainNavigation')} className="main-nav">
          <ul>
            <li><NavLink to="/" end>{t('nav.tray')}</NavLink></li>
            <li><NavLink to="/living-in">{t('nav.livingIn')}</NavLink></li>
            {canManage && <li><NavLink to="/manage">{t('nav.manage')}</NavLink></li>}
            {canManage && <li><NavLink to="/people">{t('nav.people')}</NavLink></li>}
            {user?.role === 'system_admin' && <li><NavLink to="/regions">{t('nav.regions')}</NavLink></li>}
            {isAdmin(user) && <li><NavLink to="/organizations">{t('nav.organizations')}</NavLink></li>}
            {canManage && <li><NavLink to="/courses">{t('nav.courses')}</NavLink></li>}
            {(isAdmin(user) || user?.role === 'counsellor') && <li><NavLink to="/students">{t('nav.students')}</NavLink></li>}
            {user?.role === 'student' && <li><NavLink to="/plan">{t('nav.plan')}</NavLink></li>}
            {user && (isAdmin(user) || ['student', 'counsellor', 'coordinator'].includes(user.role)) && <li><NavLink to="/enrolments">{t('nav.enrolments')}</NavLink></li>}
            {user && (isAdmin(user) || ['student', 'counsellor', 'coordinator'].includes(user.role)) && <li><NavLink to="/rounds">{t('nav.rounds')}</NavLink></li>}
            <li><NavLink to="/knowledge">{t('nav.knowledge')}</NavLink></li>
            <li><NavLink to="/about">{t('nav.about')}</NavLink></li>
          </ul>
        </nav>
      </header>
      {showsDemo && (
        <aside className="demo-banner" aria-label={t('layout.demoTitle')}>
          <strong>{t('layout.demoTitle')}</strong> {t('layout.demoText')}
        </aside>
      )}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>{t('layout.footer')}</p>
        <p>
          <NavLink to="/about">{t('nav.about')}</NavLink> · <a href="/api/v1/docs">{t('layout.apiDocs')}</a>
        </p>
      </footer>
    </>
  );
}
