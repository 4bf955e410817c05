/**
 * The sync engine's store seam over the app's Dexie database. Every method that changes data runs
 * in one transaction, so a crash leaves either the old or the new state: a push result and the
 * removal of its outbox entry land together; a pulled page and its checkpoint land together.
 * Local rows with changes still in the outbox are never overwritten by pulled data.
 */
import { isRecordKind } from '../../shared/schemas/kinds.ts';
import type { MutationResult, PullResponse } from '../../shared/sync/protocol.ts';
import type { SyncRecord } from '../../shared/sync/record.ts';
import { encodePayload, rawData } from '../db/codec.ts';
import { type LocalRecord, recordTables, type TusindDageDb, tableFor } from '../db/db.ts';
import { getDeviceInfo } from '../db/meta.ts';
import { indexFields } from '../db/records.ts';
import { deriveSyncState } from '../db/sync-state.ts';
import type { PendingMutation, SyncStore } from './engine.ts';

const CHECKPOINT = 'checkpoint';
const LAST_SYNC = 'lastSync';

/** The cursor never moves backwards (guarantee 4). Cursors are decimal sequence numbers. */
function isBehind(next: string, current: unknown): boolean {
  if (typeof current !== 'string' || !/^\d+$/.test(current) || !/^\d+$/.test(next)) return false;
  return BigInt(next) < BigInt(current);
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

export function dexieSyncStore(database: TusindDageDb): SyncStore {
  const scope = () => [...recordTables(database), database.outbox, database.meta];

  const hasPending = async (recordId: string) =>
    (await database.outbox
      .where('id')
      .equals(recordId)
      .filter((e) => e.state === 'pending')
      .count()) > 0;

  /**
   * Takes the server's version of a record unless local changes to it are still queued. Such a row
   * is left exactly as it is, rev included: its rev is the base of the next edit, and raising it
   * without the data would claim the device has seen changes it has not, so an edit of a field
   * someone else changed would overwrite it silently instead of becoming a conflict. The server's
   * version arrives with the answer to the last queued change.
   */
  async function adopt(record: SyncRecord): Promise<void> {
    if (!isRecordKind(record.kind)) return; // a kind this version of the app does not know yet
    const table = tableFor(record.kind, database);
    const local = await table.get(record.id);
    if (local && (await hasPending(record.id))) return;
    if (local && local.rev > record.rev) return; // never step back to an older revision
    const row: LocalRecord = {
      id: record.id,
      kind: record.kind,
      rev: record.rev,
      seq: record.seq,
      updatedAt: record.updatedAt,
      updatedBy: record.updatedBy,
      deleted: record.deleted ? 1 : 0,
      sync: 'synced',
      payload: encodePayload(record.data),
      ...indexFields(record.data),
    };
    await table.put(row as never);
  }

  /** Keeps the conflict visible at once, before the server's copy arrives by pull. */
  async function keepConflict(conflictId: string, mutation: PendingMutation, current: SyncRecord | undefined) {
    if (await database.conflicts.get(conflictId)) return;
    const mine = mutation.data ?? null;
    const theirs = current?.data ?? null;
    const fields = mine ? Object.keys(mine).filter((f) => JSON.stringify(mine[f]) !== JSON.stringify(theirs?.[f])) : [];
    const data = {
      recordKind: mutation.kind,
      recordId: mutation.id,
      mutationId: mutation.mutationId,
      deviceId: (await getDeviceInfo(database)).deviceId,
      author: (await getDeviceInfo(database)).userName,
      receivedAt: current?.updatedAt ?? new Date().toISOString(),
      op: mutation.op === 'delete' ? 'delete' : 'update',
      baseRev: mutation.baseRev,
      serverRev: current?.rev ?? 0,
      mine,
      theirs,
      fields,
      status: 'open',
      resolvedBy: '',
      resolvedAt: '',
    };
    await database.conflicts.put({
      id: conflictId,
      kind: 'conflict',
      rev: 0,
      updatedAt: data.receivedAt,
      updatedBy: data.author,
      deleted: 0,
      sync: 'synced',
      payload: encodePayload(data),
      recordId: mutation.id,
    });
  }

  async function refresh(recordId: string, kind: string): Promise<void> {
    if (!isRecordKind(kind)) return;
    const table = tableFor(kind, database);
    const row = await table.get(recordId);
    if (!row) return;
    const sync = await deriveSyncState(database, recordId);
    if (row.sync !== sync) await table.put({ ...row, sync });
  }

  return {
    async deviceId() {
      return (await getDeviceInfo(database)).deviceId;
    },

    async pendingBatch(maxCount, maxBytes) {
      const batch: PendingMutation[] = [];
      let bytes = 0;
      await database.outbox
        .orderBy('clientSeq')
        .filter((e) => e.state === 'pending')
        .until(() => batch.length >= maxCount || bytes >= maxBytes)
        .each((entry) => {
          const data = entry.data ? rawData(entry.data) : undefined;
          const approxBytes = 200 + (data ? JSON.stringify(data).length : 0);
          if (batch.length > 0 && bytes + approxBytes > maxBytes) {
            bytes = maxBytes;
            return;
          }
          bytes += approxBytes;
          batch.push({
            mutationId: entry.mutationId,
            clientSeq: entry.clientSeq ?? 0,
            kind: entry.kind,
            id: entry.id,
            op: entry.op,
            baseRev: entry.baseRev,
            ...(data ? { data } : {}),
            approxBytes,
          });
        });
      return batch;
    },

    async applyPushResults(sent, results) {
      await database.transaction('rw', scope(), async () => {
        const touched = new Map<string, string>();
        for (const [i, mutation] of sent.entries()) {
          const result = results[i] as MutationResult;
          const entry = await database.outbox.where('mutationId').equals(mutation.mutationId).first();
          if (!entry?.clientSeq) continue; // already acknowledged (e.g. by another tab)
          const status = originalStatus(result);
          if (status === 'rejected') {
            const error = result.error ?? { code: 'rejected', message: 'rejected by the server' };
            await database.outbox.update(entry.clientSeq, { state: 'rejected', error });
          } else {
            await database.outbox.delete(entry.clientSeq);
            if (status === 'conflict' && result.conflictId) {
              await keepConflict(result.conflictId, mutation, result.record);
            }
            if (result.record) await adopt(result.record);
          }
          touched.set(mutation.id, mutation.kind);
        }
        for (const [id, kind] of touched) await refresh(id, kind);
      });
    },

    async checkpoint() {
      const entry = await database.meta.get(CHECKPOINT);
      return typeof entry?.value === 'string' ? entry.value : '0';
    },

    async applyPullPage(page: PullResponse) {
      await database.transaction('rw', scope(), async () => {
        for (const record of page.changes) await adopt(record);
        for (const conflict of page.conflicts) {
          await adopt(conflict);
          const { recordId, recordKind } = conflict.data as { recordId?: unknown; recordKind?: unknown };
          if (typeof recordId === 'string' && typeof recordKind === 'string') await refresh(recordId, recordKind);
        }
        for (const record of page.changes) await refresh(record.id, record.kind);
        const current = await database.meta.get(CHECKPOINT);
        if (!isBehind(page.nextSince, current?.value))
          await database.meta.put({ key: CHECKPOINT, value: page.nextSince });
      });
    },

    async recordSuccess() {
      await database.meta.put({ key: LAST_SYNC, value: new Date().toISOString() });
    },
  };
}
