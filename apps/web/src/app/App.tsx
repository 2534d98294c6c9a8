import { BrowserRouter, Route, Routes } from 'react-router';
import { I18nProvider } from '../i18n/i18n';
import { DesignPage } from '../sections/DesignPage';
import { HomePage } from '../sections/HomePage';
import { NotFoundPage } from '../sections/NotFoundPage';
import { SectionPage } from '../sections/SectionPage';
import { Layout } from './Layout';
import { sections } from './sections';

export function App() {
  return (
    <I18nProvider>
      <BrowserRouter>
        <Layout>
          <Routes>
            <Route path="/" element={<HomePage />} />
            {sections.map((s) => (
              <Route key={s.id} path={s.path} element={<SectionPage section={s} />} />
            ))}
            <Route path="/design" element={<DesignPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Layout>
      </BrowserRouter>
    </I18nProvider>
  );
}
