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
