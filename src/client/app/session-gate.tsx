/**
 * Shows the lock screen (or, on a tablet nobody has used yet, the login) until a user's store is
 * unlocked; then, when she has no PIN yet, the PIN choice; afterwards the app, which works offline,
 * locks itself when idle or hidden (auto-lock.ts), and syncs in the background. Nothing personal is
 * on screen while locked: only the names of the tablet's users. The route stays as it was, so after
 * unlocking she is back on the same screen, with what she was typing in its draft.
 */
import { lazy, type ReactNode, Suspense, useCallback, useEffect, useState } from 'react';
import { type DeviceUser, deviceUsers } from '../db/device-users.ts';
import { useLive, useUnlocked } from '../db/store.ts';
import { LoginForm } from '../features/auth/login-form.tsx';
import { PasswordChangeGate } from '../features/auth/password-change-gate.tsx';
import { UnlockForm } from '../features/auth/unlock-form.tsx';
import { useTranslation } from '../i18n/use-translation.ts';
import { afterFirstScreen } from '../pwa/first-screen.ts';
import { startSync } from '../sync/activity.ts';
import { useLockState } from '../sync/lock-state.ts';
import { REVOKED_NOTICE, SWITCH_USER, wipeByAge } from '../sync/login.ts';
import { getSession } from '../sync/session.ts';

const ChoosePin = lazy(async () => ({ default: (await import('../features/auth/choose-pin.tsx')).ChoosePin }));
// The idle and hidden lock start once the first screen shows (a second later at most): its code
// is not on the first screen's budget (docs/decisions/0072).
const AutoLock = lazy(async () => ({ default: (await import('./auto-lock.ts')).AutoLock }));
const SignatureDialog = lazy(async () => ({
  default: (await import('../features/auth/signature-dialog.tsx')).SignatureDialog,
}));

function LockedScreen() {
  const { t } = useTranslation();
  const [users, setUsers] = useState<DeviceUser[] | null>(null);
  // "Skift bruger" locks and opens another nurse's login (a UI preference, read once).
  const [mode, setMode] = useState<'unlock' | 'login'>(() => {
    const switching = globalThis.sessionStorage?.getItem(SWITCH_USER) === '1';
    globalThis.sessionStorage?.removeItem(SWITCH_USER);
    return switching ? 'login' : 'unlock';
  });
  // A revoked tablet just erased her store: she is told why (once).
  const [revoked] = useState(() => {
    const was = globalThis.sessionStorage?.getItem(REVOKED_NOTICE) === '1';
    globalThis.sessionStorage?.removeItem(REVOKED_NOTICE);
    return was;
  });
  const load = useCallback(() => {
    void deviceUsers()
      .then(async (found) => {
        // A team that wipes by age: users long out of contact, with nothing unsynced, leave the tablet.
        const wiped = await wipeByAge(found).catch((): string[] => []);
        setUsers(found.filter((u) => !wiped.includes(u.userId)));
      })
      .catch(() => setUsers([]));
  }, []);
  useEffect(load, [load]);
  if (users === null) return <p className="muted center">{t('app.loading')}</p>;
  const unlocking = users.length > 0 && mode === 'unlock';
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
        <h1>{unlocking ? t('auth.unlockTitle') : t('auth.title')}</h1>
        {revoked ? (
          <p role="alert" className="notice">
            {t('auth.revoked')}
          </p>
        ) : null}
        {/* The forms are part of the first screen (static imports): a lazy form here would wait for
            React's reveal throttle of a Suspense boundary (300 ms) after its chunk arrived. */}
        {unlocking ? (
          <UnlockForm users={users} onOtherUser={() => setMode('login')} onUsersChanged={load} />
        ) : (
          <>
            <LoginForm />
            {users.length > 0 ? (
              <button type="button" className="button button--link" onClick={() => setMode('unlock')}>
                {t('auth.backToUnlock')}
              </button>
            ) : null}
          </>
        )}
      </div>
    </main>
  );
}

export function SessionGate({ children }: { children: ReactNode }) {
  const unlocked = useUnlocked();
  const session = useLive(async () => (await getSession()) ?? null, []);
  const choosingPin = useLockState((s) => s.choosingPin);
  const signature = useLockState((s) => s.signature);
  // Once per unlocked user and token: the session object is new after every change of the store,
  // and a sync on each would be a loop (each sync changes the store).
  const signedIn = unlocked && session ? `${session.user.id} ${session.token}` : null;
  useEffect(() => {
    if (signedIn) startSync();
  }, [signedIn]);
  const [lockReady, setLockReady] = useState(false);
  useEffect(() => afterFirstScreen(() => setLockReady(true)), []);
  const autoLock = lockReady ? (
    <Suspense fallback={null}>
      <AutoLock userId={unlocked && session ? session.user.id : null} />
    </Suspense>
  ) : null;
  return (
    <>
      {autoLock}
      <GateContent unlocked={unlocked} session={session} choosingPin={choosingPin} signature={signature}>
        {children}
      </GateContent>
    </>
  );
}

function GateContent({
  unlocked,
  session,
  choosingPin,
  signature,
  children,
}: {
  unlocked: boolean;
  session: Awaited<ReturnType<typeof getSession>> | null | undefined;
  choosingPin: boolean;
  signature: ReturnType<typeof useLockState.getState>['signature'];
  children: ReactNode;
}) {
  const { t } = useTranslation();
  if (!unlocked) return <LockedScreen />;
  if (session === undefined) return <p className="muted center">{t('app.loading')}</p>;
  if (session === null) return <LockedScreen />;
  if (choosingPin)
    return (
      <Suspense fallback={null}>
        <ChoosePin />
      </Suspense>
    );
  return (
    <PasswordChangeGate token={session.token}>
      {children}
      {signature ? (
        <Suspense fallback={null}>
          <SignatureDialog name={session.user.displayName} onDone={signature.resolve} />
        </Suspense>
      ) : null}
    </PasswordChangeGate>
  );
}
