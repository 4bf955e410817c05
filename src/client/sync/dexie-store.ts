/**
 * The sync engine's store seam over the app's Dexie database. Every method that changes data runs
 * in one transaction, so a crash leaves either the old or the new state: a push result and the
 * removal of its outbox entries land together; a pulled page and its checkpoint land together.
 * Local rows with changes still in the outbox are never overwritten by pulled data.
 *
 * A batch or page is read in bulk, decided in memory in the order of the answer or page, and
 * written in bulk (local-rows.ts, adopt.ts, push-answer.ts): the same outcome as writing record
 * by record, without an IndexedDB round trip per record.
 */
import { isRecordKind } from '../../shared/schemas/kinds.ts';
import type { PullResponse } from '../../shared/sync/protocol.ts';
import { rawData } from '../db/codec.ts';
import { recordTables, type TusindDageDb, tableFor } from '../db/db.ts';
import { getDeviceInfo } from '../db/meta.ts';
import { schemaFor } from '../db/schemas.ts';
import { deriveSyncState, outboxByRecord } from '../db/sync-state.ts';
import { adopt, refresh } from './adopt.ts';
import type { PendingMutation, SyncStore } from './engine.ts';
import { localRows } from './local-rows.ts';
import { writePushAnswer } from './push-answer.ts';

const CHECKPOINT = 'checkpoint';
const LAST_SYNC = 'lastSync';

/** The cursor never moves backwards (guarantee 4). Cursors are decimal sequence numbers. */
function isBehind(next: string, current: unknown): boolean {
  if (typeof current !== 'string' || !/^\d+$/.test(current) || !/^\d+$/.test(next)) return false;
  return BigInt(next) < BigInt(current);
}

export function dexieSyncStore(database: TusindDageDb): SyncStore {
  const scope = () => [...recordTables(database), database.outbox, database.meta];

  return {
    async deviceId() {
      return (await getDeviceInfo(database)).deviceId;
    },

    async pendingBatch(maxCount, maxBytes, afterClientSeq = 0) {
      const batch: PendingMutation[] = [];
      let bytes = 0;
      // Reads the outbox in clientSeq order a chunk at a time (one request each), skipping rejected entries.
      await database.transaction('r', database.outbox, async () => {
        let after = afterClientSeq;
        for (;;) {
          const chunk = await database.outbox.where('clientSeq').above(after).limit(maxCount).toArray();
          for (const entry of chunk) {
            if (entry.state !== 'pending') continue;
            const data = entry.data ? rawData(entry.data) : undefined;
            const approxBytes = 200 + (data ? JSON.stringify(data).length : 0);
            if (batch.length > 0 && bytes + approxBytes > maxBytes) return;
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
            if (batch.length >= maxCount || bytes >= maxBytes) return;
          }
          const last = chunk.at(-1)?.clientSeq;
          if (chunk.length < maxCount || last === undefined) return;
          after = last;
        }
      });
      return batch;
    },

    async applyPushResults(sent, results) {
      // Loaded before the transaction: awaiting a module load inside it lets IndexedDB commit the
      // transaction early (TransactionInactiveError on a device's first conflict).
      await schemaFor('conflict');
      await database.transaction('rw', scope(), async () => {
        await writePushAnswer(database, sent, results);
      });
    },

    async checkpoint() {
      const entry = await database.meta.get(CHECKPOINT);
      return typeof entry?.value === 'string' ? entry.value : '0';
    },

    async applyPullPage(page: PullResponse) {
      await schemaFor('conflict');
      await database.transaction('rw', scope(), async () => {
        const rows = localRows(database);
        const records = [...page.changes, ...page.conflicts];
        // Records whose state is derived afresh: the changes and the records the conflicts are about.
        const touched = new Map<string, [string, string]>();
        for (const conflict of page.conflicts) {
          const { recordId, recordKind } = conflict.data as { recordId?: unknown; recordKind?: unknown };
          if (typeof recordId === 'string' && typeof recordKind === 'string') {
            touched.set(`${recordKind}/${recordId}`, [recordId, recordKind]);
            if (isRecordKind(recordKind)) rows.want(recordKind, recordId);
          }
        }
        for (const record of page.changes) touched.set(`${record.kind}/${record.id}`, [record.id, record.kind]);
        for (const record of records) if (isRecordKind(record.kind)) rows.want(record.kind, record.id);
        const ids = [...records.map((r) => r.id), ...[...touched.values()].map(([id]) => id)];
        const [entries, current] = await Promise.all([
          outboxByRecord(database, ids),
          database.meta.get(CHECKPOINT),
          rows.load({ mostlyNew: true }),
        ]);
        for (const record of records) {
          adopt(rows, record, entries.get(record.id)?.some((e) => e.state === 'pending') ?? false);
        }
        await rows.flush();
        await refresh(database, rows, touched.values(), entries);
        if (!isBehind(page.nextSince, current?.value))
          await database.meta.put({ key: CHECKPOINT, value: page.nextSince });
      });
    },

    async recordSuccess() {
      await database.meta.put({ key: LAST_SYNC, value: new Date().toISOString() });
    },

    async rejectLocally(mutationIds, error) {
      await database.transaction('rw', scope(), async () => {
        const entries = await database.outbox.where('mutationId').anyOf(mutationIds).toArray();
        const pending = entries.filter((e) => e.state === 'pending');
        await database.outbox.bulkPut(pending.map((e) => ({ ...e, state: 'rejected' as const, error })));
        // The records' state is derived afresh: they now show as rejected.
        for (const entry of pending) {
          if (!isRecordKind(entry.kind)) continue;
          const table = tableFor(entry.kind, database);
          const row = await table.get(entry.id);
          if (row) await table.put({ ...row, sync: await deriveSyncState(database, entry.id) });
        }
      });
    },
  };
}
