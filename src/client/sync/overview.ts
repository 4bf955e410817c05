/**
 * What the sync status shows: changes waiting (and since when), changes the server rejected,
 * open conflicts, and the last successful sync. Read with useLive so it updates by itself.
 */
import { decodePayload } from '../db/codec.ts';
import { db as defaultDb, type TusindDageDb } from '../db/db.ts';
import { schemaFor } from '../db/schemas.ts';

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

export async function syncOverview(database: TusindDageDb = defaultDb): Promise<SyncOverview> {
  const [pendingEntries, rejected, conflicts, lastSync, checkpoint] = await Promise.all([
    database.outbox.where('state').equals('pending').sortBy('clientSeq'),
    database.outbox.where('state').equals('rejected').count(),
    database.conflicts.toArray(),
    database.meta.get('lastSync'),
    database.meta.get('checkpoint'),
  ]);
  const schema = conflicts.length > 0 ? await schemaFor('conflict') : null;
  const openConflicts = conflicts.filter((row) => {
    if (!schema) return false;
    const decoded = decodePayload('conflict', row.payload, schema);
    return decoded.ok && decoded.data.status === 'open' && !row.deleted;
  }).length;
  return {
    pending: pendingEntries.length,
    oldestPendingAt: pendingEntries[0]?.createdAt ?? null,
    rejected,
    openConflicts,
    lastSync: typeof lastSync?.value === 'string' ? lastSync.value : null,
    firstDownloadDone: typeof checkpoint?.value === 'string' && typeof lastSync?.value === 'string',
  };
}
