/**
 * The signed-in nurse, "Lås" and "Log ud". Logging out with unsynced changes is not possible (it
 * would discard work): the nurse is offered to lock the app instead, or to sync first. A clean
 * logout wipes her store and key from the tablet.
 */
import { useState } from 'react';
import { useLive } from '../../db/store.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { requestSync } from '../../sync/activity.ts';
import { lock, logout } from '../../sync/login.ts';
import { getSession, sessionNow, unsyncedCount } from '../../sync/session.ts';
import { Disclosure } from '../../ui/disclosure.tsx';

export function UserMenu() {
  const { t } = useTranslation();
  const session = useLive(() => getSession(), [], sessionNow);
  const unsynced = useLive(() => unsyncedCount(), []);
  const [blocked, setBlocked] = useState(false);
  if (!session) return null;

  const onLogout = async () => {
    if ((unsynced ?? 0) > 0) {
      setBlocked(true);
      return;
    }
    if (!window.confirm(t('auth.logoutConfirm'))) return;
    if ((await logout()) === 'unsynced') setBlocked(true);
  };

  return (
    <div className="user-menu">
      <Disclosure
        label={<span className="user-menu__name">{session.user.displayName}</span>}
        ariaLabel={t('auth.userMenu', { name: session.user.displayName })}
        className="user-menu__disclosure"
      >
        <button type="button" className="button button--small" onClick={() => void lock()}>
          {t('auth.lockNow')}
        </button>
        <button type="button" className="button button--small" onClick={() => void lock({ switchUser: true })}>
          {t('auth.switchUser')}
        </button>
        <button
          type="button"
          className="button button--small"
          aria-label={`${t('auth.logout')} (${session.user.displayName})`}
          onClick={() => void onLogout()}
        >
          {t('auth.logout')}
        </button>
      </Disclosure>
      {blocked && (unsynced ?? 0) > 0 ? (
        <div className="user-menu__blocked" role="alert">
          <p>{t('auth.logoutOrLock', { count: unsynced ?? 0 })}</p>
          <button type="button" className="button button--primary button--small" onClick={() => void lock()}>
            {t('auth.lockInstead')}
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              setBlocked(false);
              requestSync();
            }}
          >
            {t('auth.syncThenLogout')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
