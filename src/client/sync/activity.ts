/**
 * The UI's handle on background sync, kept tiny so the first screen does not load the sync engine:
 * the activity store (UI state) and functions that load the controller on first use.
 */
import { create } from 'zustand';
import { afterFirstScreen } from '../pwa/first-screen.ts';
import type { SyncProgress } from './engine.ts';

export type SyncActivity = {
  /** error: failed, retried by itself; stopped: failed in a way a retry cannot fix (a tap may). */
  state: 'idle' | 'syncing' | 'offline' | 'error' | 'stopped' | 'login-required';
  progress: SyncProgress | null;
  error: string | null;
};

export const useSyncActivity = create<SyncActivity>(() => ({ state: 'idle', progress: null, error: null }));

const controller = () => import('./controller.ts');

/** "Synkronisér nu". */
export function requestSync(): void {
  void controller().then((c) => c.syncNow());
}

/** Background sync, started once the first screen shows (its engine is not first-screen code). */
export function startSync(): void {
  afterFirstScreen(() => void controller().then((c) => c.startBackgroundSync()));
}

/**
 * Runs `work` once the first sync after the first screen has finished (at most `maxWaitMs` after
 * the first screen): the service worker's precache download then does not compete with the first
 * download for the network, the server and the CPU (issue 12: the app's first sync against the
 * engine's). Offline, or when no sync starts, the wait simply runs out.
 */
export function afterFirstSync(work: () => void, maxWaitMs = 15_000): void {
  afterFirstScreen(() => {
    let done = false;
    let synced = useSyncActivity.getState().state === 'syncing';
    const run = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      unsubscribe();
      work();
    };
    const timer = setTimeout(run, maxWaitMs);
    const unsubscribe = useSyncActivity.subscribe((next) => {
      if (next.state === 'syncing') synced = true;
      else if (synced) run();
    });
  });
}
