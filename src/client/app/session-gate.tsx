/**
 * Shows the login screen until this device has a session; afterwards the app, which works
 * offline, and starts background sync. Session data lives in IndexedDB.
 */
import { lazy, type ReactNode, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLive } from '../db/store.ts';
import { PasswordChangeGate } from '../features/auth/password-change-gate.tsx';
import { startSync } from '../sync/activity.ts';
import { getSession } from '../sync/session.ts';

const LoginForm = lazy(async () => ({ default: (await import('../features/auth/login-form.tsx')).LoginForm }));

export function SessionGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const session = useLive(async () => (await getSession()) ?? null, []);
  useEffect(() => {
    if (session) startSync();
  }, [session]);
  if (session === undefined) return <p className="muted center">{t('app.loading')}</p>;
  if (session === null)
    return (
      <main id="main" className="login-screen">
        <div className="login-card">
          <div className="login-card__brand">
            <img src="/favicon.svg" alt="" width="48" height="48" />
            <div>
              <p className="login-card__name">{t('app.name')}</p>
              <p className="muted">{t('app.tagline')}</p>
            </div>
          </div>
          <h1>{t('auth.title')}</h1>
          <Suspense fallback={null}>
            <LoginForm />
          </Suspense>
        </div>
      </main>
    );
  return <PasswordChangeGate token={session.token}>{children}</PasswordChangeGate>;
}
