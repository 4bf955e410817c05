/**
 * After login, asks the server (when online) whether this user must change a reset password; if
 * so, shows the change-password screen instead of the app until it is done. Offline, the app
 * opens as before (the next sync would answer 403 password_change_required and this gate asks
 * again when the device is back online).
 */
import { lazy, type ReactNode, Suspense, useEffect, useState } from 'react';
import { meCheck } from '../../../shared/sync/session-checks.ts';
import { loadScreenTexts } from '../../i18n/i18n.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useOnline } from '../../pwa/device-state.ts';
import { requestJson } from '../../sync/http.ts';

const ChangePasswordForm = lazy(async () => {
  const [module] = await Promise.all([import('./change-password.tsx'), loadScreenTexts()]);
  return { default: module.ChangePasswordForm };
});

export function PasswordChangeGate({ token, children }: { token: string; children: ReactNode }) {
  const { t } = useTranslation();
  const online = useOnline();
  const [must, setMust] = useState(false);
  useEffect(() => {
    if (!online) return;
    let live = true;
    requestJson((i, init) => fetch(i, init), '/api/auth/me', { headers: { authorization: `Bearer ${token}` } }, meCheck)
      .then((me) => live && setMust(me.mustChangePassword === true))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [token, online]);
  if (!must) return <>{children}</>;
  return (
    <main id="main" className="login-screen">
      <div className="login-card">
        <h1>{t('auth.changePasswordTitle')}</h1>
        <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
          <ChangePasswordForm token={token} onChanged={() => setMust(false)} />
        </Suspense>
      </div>
    </main>
  );
}
