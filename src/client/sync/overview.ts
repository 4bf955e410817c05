/**
 * What the sync status shows: changes waiting (and since when), changes the server rejected,
 * open conflicts, and the last successful sync. Read with useLive so it updates by itself.
 */
import type { LocalStore } from '../db/local-store.ts';
import { currentStore } from '../db/store.ts';
import { CHECKPOINT, LAST_SYNC } from './sync-meta-keys.ts';

export type SyncOverview = {
  pending: number;
  oldestPendingAt: string | null;
  rejected: number;
  openConflicts: number;
  lastSync: string | null;
  firstDownloadDone: boolean;
};

/** Unsynced work older than this is flagged: it should reach the server within a working day. */
export const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

export async function syncOverview(store: LocalStore = currentStore()): Promise<SyncOverview> {
  return syncOverviewNow(store);
}

/** The same, at once (from memory): the sync bar's first render already has its real height. */
export function syncOverviewNow(store: LocalStore = currentStore()): SyncOverview {
  const { state } = store;
  let pending = 0;
  let rejected = 0;
  let oldestPendingAt: string | null = null;
  for (const entry of state.outbox.values()) {
    if (entry.state === 'rejected') rejected += 1;
    else {
      pending += 1;
      oldestPendingAt ??= entry.createdAt;
    }
  }
  let openConflicts = 0;
  for (const row of state.rowsOf('conflict')) if (!row.deleted && row.data.status === 'open') openConflicts += 1;
  const lastSync = state.meta.get(LAST_SYNC);
  const checkpoint = state.meta.get(CHECKPOINT);
  return {
    pending,
    oldestPendingAt,
    rejected,
    openConflicts,
    lastSync: typeof lastSync === 'string' ? lastSync : null,
    firstDownloadDone: typeof checkpoint === 'string' && typeof lastSync === 'string',
  };
}
