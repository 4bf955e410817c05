/**
 * Background sync in the browser: one engine over the unlocked store, driven by the scheduler.
 * Triggers: start, a write (debounced), `online`, returning to the foreground, every minute while
 * visible, and "Synkronisér nu". No Background Sync API (iPad Safari lacks it). One tab syncs at a
 * time (Web Locks); the others see the results as their store catches up. After each sync the
 * device reports its unsynced count (an admin revoking a lost tablet sees what would be lost) and
 * sends a pending escrow copy; a revoked device wipes the user's store and key.
 */

import { SCHEMA_VERSION } from '../../shared/version.ts';
import { deviceUser } from '../db/device-users.ts';
import { getDeviceInfo } from '../db/meta.ts';
import { currentStore, hasCurrentStore, subscribeStore } from '../db/store.ts';
import { deviceName } from '../pwa/device-name.ts';
import { useSyncActivity } from './activity.ts';
import { createSyncEngine, SyncProtocolError } from './engine.ts';
import { localSyncStore } from './local-store-sync.ts';
import { PENDING_ESCROW, rememberSync, storeEscrow, wipeUser } from './login.ts';
import { createScheduler, type RunResult } from './scheduler.ts';
import { getSession, markLoginRequired } from './session.ts';
import { httpTransport, SyncHttpError } from './transport.ts';

const EVERY_MINUTE = 60_000;
const AFTER_WRITE_MS = 1_500;
const LOCK = 'tusind-dage-sync';

let token: string | undefined;
const engine = createSyncEngine({
  store: localSyncStore(currentStore),
  // Any answer from the server shows the way there is open again: the backoff starts over.
  transport: httpTransport({ baseUrl: '', token: () => token, onResponse: () => scheduler.noteSuccess() }),
  schemaVersion: SCHEMA_VERSION,
  onProgress: (progress) => useSyncActivity.setState({ state: 'syncing', progress }),
});

/** Tells the server how many changes this device holds unsynced (best effort). */
async function report(sessionToken: string): Promise<void> {
  const store = currentStore();
  const entries = [...store.state.outbox.values()];
  await fetch('/api/devices/report', {
    method: 'POST',
    headers: { authorization: `Bearer ${sessionToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      deviceId: getDeviceInfo(store).deviceId,
      name: deviceName(navigator.userAgent, navigator.maxTouchPoints),
      unsyncedCount: entries.length,
      oldestUnsyncedAt: entries[0]?.createdAt ?? null,
    }),
  }).catch(() => undefined);
  const pending = store.state.meta.get(PENDING_ESCROW);
  const entry = await deviceUser(store.userId);
  if (typeof pending === 'string' && entry && (await storeEscrow(entry, pending, sessionToken).catch(() => false))) {
    await store.transact((tx) => tx.deleteMeta(PENDING_ESCROW));
  }
}

async function runOnce(): Promise<RunResult> {
  if (!hasCurrentStore()) {
    // Locked: the token leaves memory with the store (it is kept only inside the sealed store).
    token = undefined;
    return 'stop';
  }
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
    // In contact: the tablet is not stale for this user (the lock screen's PIN rule).
    if (hasCurrentStore()) await rememberSync(currentStore().userId, currentStore().state.outbox.size);
    await report(session.token);
    return 'ok';
  } catch (error) {
    if (error instanceof SyncHttpError && error.code === 'device_revoked') {
      // Revoked by an administrator (a lost tablet): this user's data and key leave the device.
      await wipeUser(currentStore().userId, { revoked: true });
      useSyncActivity.setState({ state: 'idle', progress: null, error: null });
      return 'stop';
    }
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
  if (started) {
    scheduler.request();
    return;
  }
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
  // A new local change (the outbox grew) asks for a sync soon.
  let lastCount = -1;
  subscribeStore(() => {
    if (!hasCurrentStore()) return;
    const count = currentStore().state.outbox.size;
    if (count > lastCount && lastCount !== -1) scheduler.requestSoon(AFTER_WRITE_MS);
    lastCount = count;
  });
}
