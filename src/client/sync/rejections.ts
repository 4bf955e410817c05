/**
 * Changes the server rejected stay in the outbox (state "rejected") until the nurse acts: try
 * again with the record's current local data, or export the change as a file. Rejected entries
 * never block the rest of the queue. A rejected creation that never reached the server may be
 * discarded explicitly; nothing is ever dropped silently.
 */

import { isRecordKind } from '../../shared/schemas/kinds.ts';
import { encodePayload, rawData } from '../db/codec.ts';
import { db as defaultDb, type OutboxEntry, recordTables, type TusindDageDb, tableFor } from '../db/db.ts';
import { deriveSyncState } from '../db/sync-state.ts';

export type RejectedChange = {
  clientSeq: number;
  kind: string;
  recordId: string;
  op: OutboxEntry['op'];
  data: Record<string, unknown> | null;
  error: { code: string; message: string; details?: unknown };
  createdAt: string;
};

export async function rejectedChanges(database: TusindDageDb = defaultDb): Promise<RejectedChange[]> {
  const entries = await database.outbox.where('state').equals('rejected').sortBy('clientSeq');
  return entries.map((e) => ({
    clientSeq: e.clientSeq ?? 0,
    kind: e.kind,
    recordId: e.id,
    op: e.op,
    data: e.data ? rawData(e.data) : null,
    error: e.error ?? { code: 'rejected', message: '' },
    createdAt: e.createdAt,
  }));
}

const scope = (database: TusindDageDb) => [...recordTables(database), database.outbox];

/** Queues the change again (a new mutation) with the record's current local values. */
export async function retryRejected(clientSeq: number, database: TusindDageDb = defaultDb): Promise<void> {
  await database.transaction('rw', scope(database), async () => {
    const entry = await database.outbox.get(clientSeq);
    if (entry?.state !== 'rejected' || !isRecordKind(entry.kind)) return;
    const row = await tableFor(entry.kind, database).get(entry.id);
    const current = row ? rawData(row.payload) : null;
    let data: Record<string, unknown> | null = entry.data ? rawData(entry.data) : null;
    if (current && entry.op === 'create') data = current;
    if (current && entry.op === 'update' && data) {
      data = Object.fromEntries(Object.keys(data).map((key) => [key, current[key] ?? null]));
    }
    await database.outbox.delete(clientSeq);
    await database.outbox.add({
      mutationId: crypto.randomUUID(),
      kind: entry.kind,
      id: entry.id,
      op: entry.op,
      baseRev: row?.rev ?? entry.baseRev,
      data: data ? encodePayload(data) : null,
      createdAt: new Date().toISOString(),
      state: 'pending',
    });
    if (row) await tableFor(entry.kind, database).put({ ...row, sync: await deriveSyncState(database, entry.id) });
  });
}

/** Only a rejected creation of a record the server never had can be discarded. */
export const canDiscard = (change: RejectedChange) => change.op === 'create';

export async function discardRejectedCreate(clientSeq: number, database: TusindDageDb = defaultDb): Promise<void> {
  await database.transaction('rw', scope(database), async () => {
    const entry = await database.outbox.get(clientSeq);
    if (entry?.state !== 'rejected' || entry.op !== 'create' || !isRecordKind(entry.kind)) return;
    await database.outbox.delete(clientSeq);
    const table = tableFor(entry.kind, database);
    const row = await table.get(entry.id);
    const others = await database.outbox.where('id').equals(entry.id).count();
    if (row && row.rev === 0 && others === 0) await table.delete(entry.id);
  });
}

/** The change as a JSON document a person can keep or hand to support. */
export function exportRejected(change: RejectedChange): string {
  return JSON.stringify({ exportedAt: new Date().toISOString(), ...change }, null, 2);
}
