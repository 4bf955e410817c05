/**
 * How a server record lands on the device, shared by push answers and pulled pages: a row with
 * queued changes is kept as it is, a row never steps back to an older revision, a conflict is
 * kept locally the moment the push answers it, and the sync state of every touched record is
 * derived afresh. All work on a LocalRows cache (local-rows.ts) inside the caller's transaction.
 */
import { isRecordKind, type RecordKind } from '../../shared/schemas/kinds.ts';
import type { SyncRecord } from '../../shared/sync/record.ts';
import { encodePayload } from '../db/codec.ts';
import type { LocalRecord, OutboxEntry, TusindDageDb } from '../db/db.ts';
import type { DeviceInfo } from '../db/meta.ts';
import { indexFields } from '../db/records.ts';
import { openConflictsAbout, syncStateOf } from '../db/sync-state.ts';
import type { PendingMutation } from './engine.ts';
import { type LocalRows, sameValue } from './local-rows.ts';

/**
 * Takes the server's version of a record unless local changes to it are still queued (`queued`).
 * Such a row is left exactly as it is, rev included: its rev is the base of the next edit, and
 * raising it without the data would claim the device has seen changes it has not, so an edit of a
 * field someone else changed would overwrite it silently instead of becoming a conflict. The
 * server's version arrives with the answer to the last queued change.
 */
export function adopt(rows: LocalRows, record: SyncRecord, queued: boolean): void {
  if (!isRecordKind(record.kind)) return; // a kind this version of the app does not know yet
  const local = rows.get(record.kind, record.id);
  if (local && queued) return;
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
    ...indexFields(record.kind, record.data),
  };
  // Already exactly this row (e.g. pulling back what the last push adopted): nothing to write.
  if (local && sameValue(local, row)) return;
  rows.set(record.kind, row);
}

/** Keeps the conflict visible at once, before the server's copy arrives by pull. */
export function keepConflict(
  rows: LocalRows,
  device: DeviceInfo,
  conflictId: string,
  mutation: PendingMutation,
  current: SyncRecord | undefined,
): void {
  if (rows.get('conflict', conflictId)) return;
  const mine = mutation.data ?? null;
  const theirs = current?.data ?? null;
  const fields = mine ? Object.keys(mine).filter((f) => JSON.stringify(mine[f]) !== JSON.stringify(theirs?.[f])) : [];
  const data = {
    recordKind: mutation.kind,
    recordId: mutation.id,
    mutationId: mutation.mutationId,
    deviceId: device.deviceId,
    author: device.userName,
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
  rows.set('conflict', {
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

/**
 * Re-derives the sync state of the touched records ([id, kind]) from the open conflicts and their
 * outbox entries as they now are (`entries`), and writes the rows whose state changes.
 */
export async function refresh(
  database: TusindDageDb,
  rows: LocalRows,
  touched: Iterable<[string, string]>,
  entries: Map<string, OutboxEntry[]>,
): Promise<void> {
  const known = [...touched].filter((pair): pair is [string, RecordKind] => isRecordKind(pair[1]));
  const open = await openConflictsAbout(
    database,
    known.map(([id]) => id),
  );
  for (const [id, kind] of known) {
    const row = rows.get(kind, id);
    const sync = syncStateOf(open.has(id), entries.get(id) ?? []);
    if (row && row.sync !== sync) rows.set(kind, { ...row, sync });
  }
  await rows.flush();
}
