import { BrowserRouter, Route, Routes } from 'react-router';
import { I18nProvider } from '../i18n/i18n';
import { AccessLogPage } from '../sections/AccessLogPage';
import { AdminPage } from '../sections/AdminPage';
import { SignInPage } from '../sections/SignInPage';
import { SessionProvider } from '../session/session';
import { DesignPage } from '../sections/DesignPage';
import { HomePage } from '../sections/HomePage';
import { NotFoundPage } from '../sections/NotFoundPage';
import { SectionPage } from '../sections/SectionPage';
import { Layout } from './Layout';
import { sections } from './sections';

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <BrowserRouter>
          <Layout>
            <Routes>
              <Route path="/" element={<HomePage />} />
              <Route path="/log" element={<AccessLogPage />} />
              {sections
                .filter((s) => !s.available)
                .map((s) => (
                  <Route key={s.id} path={s.path} element={<SectionPage section={s} />} />
                ))}
              <Route path="/sign-in" element={<SignInPage />} />
              <Route path="/admin" element={<AdminPage />} />
              <Route path="/design" element={<DesignPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Routes>
          </Layout>
        </BrowserRouter>
      </SessionProvider>
    </I18nProvider>
  );
}
