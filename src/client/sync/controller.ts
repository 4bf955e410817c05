/**
 * Background sync in the browser: one engine over the app's database, driven by the scheduler.
 * Triggers: start, a write (debounced), `online`, returning to the foreground, every minute while
 * visible, and "Synkronisér nu". No Background Sync API (iPad Safari lacks it). One tab syncs at a
 * time (Web Locks); the others see the results through IndexedDB live queries.
 */
import { liveQuery } from 'dexie';
import { SCHEMA_VERSION } from '../../shared/version.ts';
import { db } from '../db/db.ts';
import { useSyncActivity } from './activity.ts';
import { dexieSyncStore } from './dexie-store.ts';
import { createSyncEngine, SyncProtocolError } from './engine.ts';
import { createScheduler, type RunResult } from './scheduler.ts';
import { getSession, markLoginRequired } from './session.ts';
import { httpTransport, SyncHttpError } from './transport.ts';

const EVERY_MINUTE = 60_000;
const AFTER_WRITE_MS = 1_500;
const LOCK = 'tusind-dage-sync';

let token: string | undefined;
const engine = createSyncEngine({
  store: dexieSyncStore(db),
  // Any answer from the server shows the way there is open again: the backoff starts over.
  transport: httpTransport({ baseUrl: '', token: () => token, onResponse: () => scheduler.noteSuccess() }),
  schemaVersion: SCHEMA_VERSION,
  onProgress: (progress) => useSyncActivity.setState({ state: 'syncing', progress }),
});

async function runOnce(): Promise<RunResult> {
  const session = await getSession();
  if (!session) return 'stop';
  if (session.loginRequired) {
    useSyncActivity.setState({ state: 'login-required' });
    return 'stop';
  }
  if (!navigator.onLine) {
    useSyncActivity.setState({ state: 'offline', progress: null });
    return 'stop';
  }
  token = session.token;
  useSyncActivity.setState({ state: 'syncing', progress: null, error: null });
  try {
    await engine.syncOnce();
    useSyncActivity.setState({ state: 'idle', progress: null });
    return 'ok';
  } catch (error) {
    if (error instanceof SyncHttpError && error.kind === 'unauthorized') {
      await markLoginRequired();
      useSyncActivity.setState({ state: 'login-required', progress: null });
      return 'stop';
    }
    // A client error (4xx) or a protocol error is a bug a retry cannot fix; anything else (the
    // network, the server, a storage hiccup) is retried with backoff.
    const stop = error instanceof SyncProtocolError || (error instanceof SyncHttpError && !error.retryable);
    useSyncActivity.setState({
      state: !stop && !navigator.onLine ? 'offline' : stop ? 'stopped' : 'error',
      progress: null,
      error: error instanceof Error ? error.message : String(error),
    });
    return stop ? 'stop' : 'retry';
  }
}

/** Only one tab runs a sync; a tab that finds the lock taken skips (the other tab is syncing). */
async function runExclusive(): Promise<RunResult> {
  if (!navigator.locks) return runOnce();
  return navigator.locks.request(LOCK, { ifAvailable: true }, async (lock) => (lock ? runOnce() : 'ok'));
}

const scheduler = createScheduler({ run: runExclusive });
let started = false;

export function syncNow(): void {
  scheduler.request();
}

export function startBackgroundSync(): void {
  if (started) return;
  started = true;
  scheduler.request();
  window.addEventListener('online', () => scheduler.request({ reconnect: true }));
  window.addEventListener('offline', () => useSyncActivity.setState({ state: 'offline', progress: null }));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') scheduler.request();
  });
  setInterval(() => {
    if (document.visibilityState === 'visible') scheduler.request();
  }, EVERY_MINUTE);
  let lastCount = -1;
  liveQuery(() => db.outbox.where('state').equals('pending').count()).subscribe({
    next: (count) => {
      if (count > lastCount && lastCount !== -1) scheduler.requestSoon(AFTER_WRITE_MS);
      lastCount = count;
    },
  });
}
