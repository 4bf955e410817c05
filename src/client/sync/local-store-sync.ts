/**
 * The sync engine's store seam over the user's encrypted store. Each method that changes data is
 * one atomic change of the store (one sealed segment): a push answer with the removal of its outbox
 * entries, a pulled page with its checkpoint. The rules, decided in memory in the order of the
 * answer or page:
 * - a row with changes still queued is kept exactly as it is, rev included (its rev is the base of
 *   the next edit; raising it without the data would let an edit overwrite a change silently);
 * - a row never steps back to an older revision; an unchanged row is not rewritten;
 * - a conflict is kept locally the moment the push answers it, before the server's copy arrives;
 * - a rejected change stays in the outbox, marked, and never blocks the rest;
 * - records of kinds this version does not know are kept (a later version shows them).
 */
import type { MutationResult, PullResponse } from '../../shared/sync/protocol.ts';
import type { SyncRecord } from '../../shared/sync/record.ts';
import type { LocalStore, Tx } from '../db/local-store.ts';
import { type DeviceInfo, deviceInfoOf, getDeviceInfo } from '../db/meta.ts';
import type { LocalRow, OutboxEntry } from '../db/state.ts';
import type { PendingMutation, SyncStore } from './engine.ts';

import { CHECKPOINT, LAST_SYNC } from './sync-meta-keys.ts';

export { CHECKPOINT, LAST_SYNC };

const BACKGROUND = { background: true } as const;

/** The cursor never moves backwards (guarantee 4). Cursors are decimal sequence numbers. */
function isBehind(next: string, current: unknown): boolean {
  if (typeof current !== 'string' || !/^\d+$/.test(current) || !/^\d+$/.test(next)) return false;
  return BigInt(next) < BigInt(current);
}

/** Structural equality of stored values (plain objects, arrays, primitives; key order aside). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = Object.keys(ra);
  return keys.length === Object.keys(rb).length && keys.every((k) => Object.hasOwn(rb, k) && sameValue(ra[k], rb[k]));
}

/**
 * A repeated mutationId is answered "duplicate" with the stored original result (lost response,
 * retry): act on what the original was, or a rejected change would leave the outbox unseen.
 */
function originalStatus(result: MutationResult): MutationResult['status'] {
  if (result.status !== 'duplicate') return result.status;
  if (result.error) return 'rejected';
  return result.conflictId ? 'conflict' : 'applied';
}

const queuedIn = (tx: Tx, id: string) => tx.entriesOf(id).some((e) => e.state === 'pending');

/** Takes the server's version of a record unless changes to it are queued (see the header). */
export function adopt(tx: Tx, record: SyncRecord, queued: boolean): void {
  const kind = record.kind as LocalRow['kind'];
  const local = tx.get(kind, record.id);
  if (local && queued) return;
  if (local && local.rev > record.rev) return;
  const row: LocalRow = {
    id: record.id,
    kind,
    rev: record.rev,
    seq: record.seq,
    updatedAt: record.updatedAt,
    updatedBy: record.updatedBy,
    deleted: record.deleted ? 1 : 0,
    data: record.data,
  };
  if (local && sameValue(local, row)) return;
  tx.put(row);
}

/** Keeps the conflict visible at once, before the server's copy arrives by pull. */
function keepConflict(
  tx: Tx,
  device: DeviceInfo,
  conflictId: string,
  mutation: PendingMutation,
  current: SyncRecord | undefined,
): void {
  if (tx.get('conflict', conflictId)) return;
  const mine = mutation.data ?? null;
  const theirs = current?.data ?? null;
  const fields = mine ? Object.keys(mine).filter((f) => JSON.stringify(mine[f]) !== JSON.stringify(theirs?.[f])) : [];
  const receivedAt = current?.updatedAt ?? new Date().toISOString();
  tx.put({
    id: conflictId,
    kind: 'conflict',
    rev: 0,
    updatedAt: receivedAt,
    updatedBy: device.userName,
    deleted: 0,
    data: {
      recordKind: mutation.kind,
      recordId: mutation.id,
      mutationId: mutation.mutationId,
      deviceId: device.deviceId,
      author: device.userName,
      receivedAt,
      op: mutation.op === 'delete' ? 'delete' : 'update',
      baseRev: mutation.baseRev,
      serverRev: current?.rev ?? 0,
      mine,
      theirs,
      fields,
      status: 'open',
      resolvedBy: '',
      resolvedAt: '',
    },
  });
}

/** Writes the server's answer `results` to the batch `sent`, as if the answers were applied in order. */
export function writePushAnswer(tx: Tx, sent: PendingMutation[], results: MutationResult[]): void {
  const device = deviceInfoOf(tx.getMeta('device'));
  for (const [i, mutation] of sent.entries()) {
    const result = results[i] as MutationResult;
    const entry = tx.entry(mutation.clientSeq);
    // Gone or another mutation: already acknowledged (e.g. by another tab).
    if (entry?.mutationId !== mutation.mutationId) continue;
    if (originalStatus(result) === 'rejected') {
      const error = result.error ?? { code: 'rejected', message: 'rejected by the server' };
      tx.putEntry({ ...entry, state: 'rejected', error });
      continue;
    }
    tx.deleteEntry(entry.clientSeq);
    if (originalStatus(result) === 'conflict' && result.conflictId) {
      keepConflict(tx, device, result.conflictId, mutation, result.record);
    }
    // Still queued while a later entry of the record (in this batch or after it) is pending.
    if (result.record) adopt(tx, result.record, queuedIn(tx, result.record.id));
  }
}

export function localSyncStore(store: () => LocalStore): SyncStore & {
  rejectLocally(mutationIds: string[], error: OutboxEntry['error']): Promise<void>;
} {
  return {
    async deviceId() {
      return getDeviceInfo(store()).deviceId;
    },

    async pendingBatch(maxCount, maxBytes, afterClientSeq = 0) {
      const batch: PendingMutation[] = [];
      let bytes = 0;
      for (const entry of store().state.outbox.values()) {
        if (entry.clientSeq <= afterClientSeq || entry.state !== 'pending') continue;
        const approxBytes = 200 + (entry.data ? JSON.stringify(entry.data).length : 0);
        if (batch.length > 0 && bytes + approxBytes > maxBytes) break;
        bytes += approxBytes;
        batch.push({
          mutationId: entry.mutationId,
          clientSeq: entry.clientSeq,
          kind: entry.kind,
          id: entry.id,
          op: entry.op,
          baseRev: entry.baseRev,
          ...(entry.data ? { data: entry.data } : {}),
          approxBytes,
        });
        if (batch.length >= maxCount || bytes >= maxBytes) break;
      }
      return batch;
    },

    async applyPushResults(sent, results) {
      // Background changes: live queries hear of a long push or pull at most every COALESCE_MS
      // (decision 0074); recordSuccess, a plain change, tells them of the end at once.
      await store().transact((tx) => writePushAnswer(tx, sent, results), BACKGROUND);
    },

    async checkpoint() {
      const value = store().state.meta.get(CHECKPOINT);
      return typeof value === 'string' ? value : '0';
    },

    async applyPullPage(page: PullResponse) {
      await store().transact((tx) => {
        for (const record of [...page.changes, ...page.conflicts]) adopt(tx, record, queuedIn(tx, record.id));
        if (!isBehind(page.nextSince, tx.getMeta(CHECKPOINT))) tx.setMeta(CHECKPOINT, page.nextSince);
      }, BACKGROUND);
    },

    async recordSuccess() {
      await store().transact((tx) => tx.setMeta(LAST_SYNC, new Date().toISOString()));
    },

    /** Marks entries rejected on the device itself (e.g. one change too large to ever be sent). */
    async rejectLocally(mutationIds, error) {
      const ids = new Set(mutationIds);
      await store().transact((tx) => {
        for (const entry of store().state.outbox.values()) {
          if (ids.has(entry.mutationId) && entry.state === 'pending')
            tx.putEntry({ ...entry, state: 'rejected', error });
        }
      });
    },
  };
}
