import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes, useLocation } from 'react-router-dom';
import { AccountPage } from '../features/auth/web/AccountPage.js';
import { InvitationPage } from '../features/people/web/InvitationPage.js';
import { PasswordResetPage } from '../features/people/web/PasswordResetPage.js';
import { PeoplePage } from '../features/people/web/PeoplePage.js';
import { LoginPage } from '../features/auth/web/LoginPage.js';
import { LivingInPage } from '../features/catalog/web/LivingInPage.js';
import { ManagePage } from '../features/catalog/web/ManagePage.js';
import { OfferingEditor } from '../features/catalog/web/OfferingEditor.js';
import { OfferingPage } from '../features/catalog/web/OfferingPage.js';
import { OrganizationsPage } from '../features/catalog/web/organizations/OrganizationsPage.js';
import { CoursesPage } from '../features/catalog/web/courses/CoursesPage.js';
import { StudentsPage } from '../features/students/web/StudentsPage.js';
import { RegionsPage } from '../features/region/web/RegionsPage.js';
import { TrayPage } from '../features/catalog/web/TrayPage.js';
import { EnrolmentPage } from '../features/enrolment/web/EnrolmentPage.js';
import { EnrolmentsPage } from '../features/enrolment/web/EnrolmentsPage.js';
import { StudyPlanPage } from '../features/plan/web/StudyPlanPage.js';
import { KnowledgePage } from '../features/knowledge/web/KnowledgePage.js';
import { MunicipalityPage } from '../features/knowledge/web/MunicipalityPage.js';
import { RoundPage } from '../features/round/web/RoundPage.js';
import { RoundsPage } from '../features/round/web/RoundsPage.js';
import { Layout } from './app/Layout.js';
import { MunicipalityProvider } from './app/municipalities.js';
import { SessionProvider } from './app/session.js';
import './i18n/i18n.js';
import { AboutPage } from './pages/AboutPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import './styles.css';

/** Each page has its own document title, announced to screen readers on navigation. */
function DocumentTitle() {
  const { t, i18n } = useTranslation();
  const { pathname } = useLocation();
  useEffect(() => {
    const key = pathname === '/' ? 'tray' : pathname.startsWith('/living-in') ? 'livingIn' : pathname.startsWith('/manage') ? 'manage'
      : pathname.startsWith('/enrolments') ? 'enrolments' : pathname.startsWith('/rounds') ? 'rounds' : pathname.startsWith('/knowledge') ? 'knowledge' : pathname.includes('plan') ? 'plan' : pathname.startsWith('/about') ? 'about' : pathname.startsWith('/login') ? 'login' : pathname.startsWith('/account') ? 'account' : pathname.startsWith('/people') ? 'people' : pathname.startsWith('/organizations') ? 'organizations' : pathname.startsWith('/courses') ? 'courses' : pathname.startsWith('/students') ? 'students' : pathname.startsWith('/regions') ? 'regions' : pathname.startsWith('/invitations') ? 'invitation' : pathname.startsWith('/reset-password') ? 'passwordReset' : pathname.startsWith('/offerings') ? 'offering' : 'notFound';
    document.title = `${t(`titles.${key}`)} – Tarjotin`;
  }, [pathname, t, i18n.language]);
  return null;
}

function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <MunicipalityProvider>
          <DocumentTitle />
          <Layout>
            <Routes>
              <Route path="/" element={<TrayPage />} />
              <Route path="/living-in" element={<LivingInPage />} />
              <Route path="/offerings/:id" element={<OfferingPage />} />
              <Route path="/login" element={<LoginPage />} />
              <Route path="/account" element={<AccountPage />} />
              <Route path="/reset-password" element={<PasswordResetPage />} />
              <Route path="/reset-password/:token" element={<PasswordResetPage />} />
              <Route path="/invitations/:token" element={<InvitationPage />} />
              <Route path="/people" element={<PeoplePage />} />
              <Route path="/organizations" element={<OrganizationsPage />} />
              <Route path="/courses" element={<CoursesPage />} />
              <Route path="/students" element={<StudentsPage />} />
              <Route path="/regions" element={<RegionsPage />} />
              <Route path="/manage" element={<ManagePage />} />
              <Route path="/manage/offerings/new" element={<OfferingEditor />} />
              <Route path="/manage/offerings/:id/edit" element={<OfferingEditor />} />
              <Route path="/enrolments" element={<EnrolmentsPage />} />
              <Route path="/enrolments/:id" element={<EnrolmentPage />} />
              <Route path="/plan" element={<StudyPlanPage />} />
              <Route path="/students/:id/plan" element={<StudyPlanPage />} />
              <Route path="/knowledge" element={<KnowledgePage />} />
              <Route path="/knowledge/municipalities/:code" element={<MunicipalityPage />} />
              <Route path="/rounds" element={<RoundsPage />} />
              <Route path="/rounds/:id" element={<RoundPage />} />
              <Route path="/about" element={<AboutPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Routes>
          </Layout>
        </MunicipalityProvider>
      </SessionProvider>
    </BrowserRouter>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
