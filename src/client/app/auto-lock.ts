/**
 * Wires the lock timer (sync/lock-timer.ts) to the page while a store is unlocked: any pointer,
 * key or touch starts the idle time over; hiding the page puts up the privacy cover at once (in
 * the same task as the visibilitychange/pagehide event, before the system takes its app-switcher
 * snapshot) and, back after longer than the grace, the app locks. The team's lock settings come
 * from the store and are kept next to the user for the lock screen.
 */
import { useEffect, useRef } from 'react';
import { defaultLockSettings, type LockSettings } from '../../shared/auth/lock-defaults.ts';
import { records, useLive } from '../db/store.ts';
import { createLockTimer } from '../sync/lock-timer.ts';
import { lock, rememberLockSettings } from '../sync/login.ts';

const COVER = 'privacy-cover';
const ACTIVITY = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

const cover = () => document.documentElement.classList.add(COVER);
const uncover = () => document.documentElement.classList.remove(COVER);

export function useAutoLock(userId: string | null): void {
  const settings = useLive(() => records.lockSettings(), []);
  const policy = useRef<LockSettings>(defaultLockSettings);
  if (settings) policy.current = settings;

  useEffect(() => {
    if (userId && settings) void rememberLockSettings(userId, settings).catch(() => undefined);
  }, [userId, settings]);

  useEffect(() => {
    if (!userId) return;
    const lockNow = () => {
      void lock().finally(uncover);
    };
    const timer = createLockTimer({
      idleMs: () => policy.current.idleMinutes * 60_000,
      graceMs: () => policy.current.hiddenGraceSeconds * 1000,
      lock: lockNow,
    });
    const onActivity = () => timer.activity();
    const onHidden = () => {
      cover();
      timer.hidden();
      if (policy.current.hiddenGraceSeconds === 0) {
        timer.stop();
        lockNow();
      }
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') onHidden();
      else if (!timer.visible()) uncover();
    };
    const onPageShow = () => {
      if (document.visibilityState === 'visible' && !timer.visible()) uncover();
    };
    for (const name of ACTIVITY) window.addEventListener(name, onActivity, { capture: true, passive: true });
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', onHidden);
    window.addEventListener('pageshow', onPageShow);
    return () => {
      timer.stop();
      for (const name of ACTIVITY) window.removeEventListener(name, onActivity, { capture: true });
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onHidden);
      window.removeEventListener('pageshow', onPageShow);
    };
  }, [userId]);
}

/** The hook as a component, so the session gate can load it after the first screen (auto-lock-later). */
export function AutoLock({ userId }: { userId: string | null }): null {
  useAutoLock(userId);
  return null;
}
