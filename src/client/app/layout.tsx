/**
 * The app frame: skip link, top bar with navigation and network state, the screen, the update
 * prompt; it marks when its first screen has rendered (pwa/first-screen.ts).
 */
import { lazy, type ReactNode, Suspense, useEffect, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { isDemoUser } from '../../shared/sync/demo-team.ts';
import { useLive } from '../db/store.ts';
import { LoginForm } from '../features/auth/login-form.tsx';
import { UserMenu } from '../features/auth/user-menu.tsx';
import { SyncStatus } from '../features/sync/sync-status.tsx';
import { type Language, languages, loadScreenTexts, setLanguage } from '../i18n/i18n.ts';
import { useTranslation } from '../i18n/use-translation.ts';
import { useOnline } from '../pwa/device-state.ts';
import { afterFirstScreen, markFirstScreen } from '../pwa/first-screen.ts';
import { requestSync } from '../sync/activity.ts';
import { getSession, sessionNow } from '../sync/session.ts';
import { Disclosure } from '../ui/disclosure.tsx';
import { ErrorBoundary } from '../ui/error-boundary.tsx';
import { paths } from './paths.ts';

/** The update prompt matters only once a new version waits: it loads after the first screen. */
const UpdatePrompt = lazy(async () => {
  const [module] = await Promise.all([import('../pwa/update-prompt.tsx'), loadScreenTexts()]);
  return { default: module.UpdatePrompt };
});
// Loaded only for the demo team, off the first screen's JavaScript budget.
const DemoMarker = lazy(async () => {
  const [module] = await Promise.all([import('../features/auth/demo-marker.tsx'), loadScreenTexts()]);
  return { default: module.DemoMarker };
});

/** Renders nothing; its effect runs once the routed screen (or the error view) has committed. */
function FirstScreenShown() {
  useEffect(markFirstScreen, []);
  return null;
}

const navClass = (active: boolean) => (active ? 'active' : '');

export function Layout({ children }: { children: ReactNode }) {
  const [later, setLater] = useState(false);
  useEffect(() => afterFirstScreen(() => setLater(true)), []);
  const { t, i18n } = useTranslation();
  const online = useOnline();
  const [location] = useLocation();
  const session = useLive(() => getSession(), [], sessionNow);
  const role = session?.user.role;
  const demo = session ? isDemoUser(session.user) : false;
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <Link href={paths.visits} className="topbar__brand">
          <img src="/favicon.svg" alt="" width="32" height="32" />
          <span>{t('app.name')}</span>
        </Link>
        <nav aria-label={t('app.mainNav')} className="topbar__nav">
          <Link href={paths.visits} className={navClass(location.startsWith(paths.visits))}>
            {t('nav.visits')}
          </Link>
          <Link href={paths.families} className={navClass(location.startsWith(paths.families))}>
            {t('nav.families')}
          </Link>
          <Link href={paths.cosp} className={navClass(location.startsWith(paths.cosp))}>
            {t('nav.cosp')}
          </Link>
          <Link href={paths.attention} className={navClass(location.startsWith(paths.attention))}>
            {t('nav.attention')}
          </Link>
          <Link href={paths.device} className={navClass(location === paths.device)}>
            {t('nav.device')}
          </Link>
          {role === 'admin' || role === 'leader' ? (
            // The leader's screens behind one button: the bar stays one row on a portrait tablet.
            <Disclosure label={t('nav.lead')} className="topbar__more">
              <Link href={paths.evaluation} className={navClass(location === paths.evaluation)}>
                {t('nav.evaluation')}
              </Link>
              <Link href={paths.accessLog} className={navClass(location === paths.accessLog)}>
                {t('nav.accessLog')}
              </Link>
              <Link href={paths.settings} className={navClass(location === paths.settings)}>
                {t('nav.settings')}
              </Link>
              <Link href={paths.admin} className={navClass(location.startsWith(paths.admin))}>
                {t('nav.admin')}
              </Link>
            </Disclosure>
          ) : null}
        </nav>
        <div className="topbar__status">
          <output className={`net net--${online ? 'online' : 'offline'}`} aria-live="polite">
            <span className="net__dot" aria-hidden="true" />
            {online ? t('network.online') : t('network.offlineShort')}
          </output>
          <label className="lang">
            <span className="visually-hidden">{t('app.language')}</span>
            <select value={i18n.language} onChange={(e) => void setLanguage(e.target.value as Language)}>
              {languages.map((lang) => (
                <option key={lang} value={lang}>
                  {lang.toUpperCase()}
                </option>
              ))}
            </select>
          </label>
          <UserMenu />
        </div>
      </header>
      {demo ? (
        <Suspense fallback={null}>
          <DemoMarker />
        </Suspense>
      ) : null}
      <SyncStatus
        attentionHref={paths.attention}
        renewLogin={(username) => <LoginForm username={username} onLoggedIn={requestSync} />}
      />
      <main id="main" className="main" tabIndex={-1}>
        <ErrorBoundary
          resetKey={location}
          fallback={() => (
            <section role="alert">
              <FirstScreenShown />
              <h1>{t('app.errorTitle')}</h1>
              <p>{t('app.errorBody')}</p>
              <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
                {t('app.reload')}
              </button>
            </section>
          )}
        >
          <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
            {children}
            <FirstScreenShown />
          </Suspense>
        </ErrorBoundary>
      </main>
      {later ? (
        <Suspense fallback={null}>
          <UpdatePrompt />
        </Suspense>
      ) : null}
    </div>
  );
}
