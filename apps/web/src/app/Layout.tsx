import { useEffect, useRef, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session/session';
import { LanguageSwitch } from './LanguageSwitch';
import { PlatformStatus } from './PlatformStatus';

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { session, signOut } = useSession();
  const main = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  // After navigation, move focus to the new content so screen readers announce it.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [pathname]);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="topbar">
        <Link to="/" className="brand" aria-label={`${t('app.name')}, ${t('nav.home')}`}>
          <img src="/icons/icon.svg" alt="" />
          <span>{t('app.name')}</span>
        </Link>
        <div className="topbar__actions">
          {session === null && (
            <Link className="button button--ghost" to="/sign-in">
              {t('signIn.action')}
            </Link>
          )}
          {session && (
            <button type="button" className="button button--ghost" onClick={() => void signOut()}>
              {t('signIn.signOut')}
            </button>
          )}
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" className="page" tabIndex={-1} ref={main}>
        {children}
      </main>
      <footer className="footer">
        <PlatformStatus />
        <span>
          {t('footer.openSource')} <a href="/api/docs">{t('footer.api')}</a>
        </span>
      </footer>
    </>
  );
}
