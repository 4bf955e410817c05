/**
 * Writing the server's answer to a push batch, inside the store's transaction: acknowledged
 * outbox entries are removed, rejected ones stay (marked, with the error), conflicts are kept, and
 * each answered record is adopted as if the answers were applied one by one, in order (a record
 * still counts as queued while a later entry of it, in this batch or after it, is pending).
 */
import { isRecordKind } from '../../shared/schemas/kinds.ts';
import type { MutationResult } from '../../shared/sync/protocol.ts';
import type { OutboxEntry, TusindDageDb } from '../db/db.ts';
import { type DeviceInfo, getDeviceInfo } from '../db/meta.ts';
import { adopt, keepConflict, refresh } from './adopt.ts';
import type { PendingMutation } from './engine.ts';
import { localRows } from './local-rows.ts';

/**
 * A repeated mutationId is answered "duplicate" with the stored original result (lost response,
 * retry): act on what the original was, or a rejected change would leave the outbox unseen.
 */
function originalStatus(result: MutationResult): MutationResult['status'] {
  if (result.status !== 'duplicate') return result.status;
  if (result.error) return 'rejected';
  return result.conflictId ? 'conflict' : 'applied';
}

/**
 * All outbox entries of the records of a push batch whose entries span clientSeq [min, max]
 * (`inRange` holds every entry there). Usually the batch is the whole outbox, or the rest of the
 * outbox is small and read at once; otherwise each record's entry keys are looked up (a keyed
 * read costs about as much as reading two entries).
 */
async function entriesOfBatch(
  database: TusindDageDb,
  recordIds: Set<string>,
  min: number,
  max: number,
  inRange: OutboxEntry[],
): Promise<Map<string, OutboxEntry[]>> {
  const outside = (await database.outbox.count()) - inRange.length;
  let others: OutboxEntry[] = [];
  if (outside > 0 && outside <= 2 * recordIds.size) {
    const [before, after] = await Promise.all([
      database.outbox.where('clientSeq').below(min).toArray(),
      database.outbox.where('clientSeq').above(max).toArray(),
    ]);
    others = [...before, ...after];
  } else if (outside > 0) {
    const keys = await Promise.all([...recordIds].map((id) => database.outbox.where('id').equals(id).primaryKeys()));
    const outsideKeys = keys.flat().filter((key): key is number => key !== undefined && (key < min || key > max));
    others = (await database.outbox.bulkGet(outsideKeys)).filter((e) => e !== undefined);
  }
  const byRecord = new Map<string, OutboxEntry[]>();
  for (const entry of [...inRange, ...others]) {
    if (!recordIds.has(entry.id)) continue;
    const list = byRecord.get(entry.id);
    if (list) list.push(entry);
    else byRecord.set(entry.id, [entry]);
  }
  return byRecord;
}

/**
 * Deletes the acknowledged entries: each run of them with no other entry in between is one
 * range delete (`keys` holds every entry key in the batch's range, ascending).
 */
async function deleteAcknowledged(database: TusindDageDb, keys: number[], acknowledged: Set<number>) {
  const runs: [number, number][] = [];
  let run: [number, number] | undefined;
  for (const key of keys) {
    if (!acknowledged.has(key)) {
      run = undefined;
    } else if (run) {
      run[1] = key;
    } else {
      run = [key, key];
      runs.push(run);
    }
  }
  await Promise.all(
    runs.map(([from, to]) =>
      from === to
        ? database.outbox.delete(from)
        : database.outbox.where('clientSeq').between(from, to, true, true).delete(),
    ),
  );
}

/** Writes the answer `results` to the batch `sent`; call inside a transaction over all record tables and the outbox. */
export async function writePushAnswer(
  database: TusindDageDb,
  sent: PendingMutation[],
  results: MutationResult[],
): Promise<void> {
  if (sent.length === 0) return;
  const rows = localRows(database);
  const recordIds = new Set<string>();
  for (const [i, mutation] of sent.entries()) {
    const result = results[i] as MutationResult;
    recordIds.add(mutation.id);
    if (isRecordKind(mutation.kind)) rows.want(mutation.kind, mutation.id);
    if (result.record) recordIds.add(result.record.id);
    if (result.record && isRecordKind(result.record.kind)) rows.want(result.record.kind, result.record.id);
    if (result.conflictId) rows.want('conflict', result.conflictId);
  }
  const seqs = sent.map((m) => m.clientSeq);
  const min = Math.min(...seqs);
  const max = Math.max(...seqs);
  const [inRange] = await Promise.all([
    database.outbox.where('clientSeq').between(min, max, true, true).toArray(),
    rows.load(),
  ]);
  const entries = await entriesOfBatch(database, recordIds, min, max, inRange);
  // The outbox entry of each mutation (gone if already acknowledged, e.g. by another tab).
  const byKey = new Map(inRange.map((e) => [e.clientSeq, e]));
  const sentEntries = sent.map((m) => {
    const entry = byKey.get(m.clientSeq);
    return entry?.mutationId === m.mutationId ? entry : undefined;
  });
  // A record counts as queued at mutation i while one of its entries outside this batch, or
  // later in it, is still pending (the entries up to i have been answered).
  const inBatch = new Set(sentEntries.map((e) => e?.clientSeq));
  const queuedElsewhere = new Set<string>();
  for (const [id, list] of entries) {
    if (list.some((e) => e.state === 'pending' && !inBatch.has(e.clientSeq))) queuedElsewhere.add(id);
  }
  const lastQueued = new Map<string, number>();
  sentEntries.forEach((e, i) => {
    if (e?.state === 'pending') lastQueued.set(e.id, i);
  });

  let device: DeviceInfo | undefined;
  const acknowledged = new Set<number>();
  const rejected = new Map<number, OutboxEntry>();
  const touched = new Map<string, string>();
  for (const [i, mutation] of sent.entries()) {
    const result = results[i] as MutationResult;
    const entry = sentEntries[i];
    if (entry?.clientSeq === undefined) continue;
    const status = originalStatus(result);
    if (status === 'rejected') {
      const error = result.error ?? { code: 'rejected', message: 'rejected by the server' };
      rejected.set(entry.clientSeq, { ...entry, state: 'rejected', error });
    } else {
      acknowledged.add(entry.clientSeq);
      if (status === 'conflict' && result.conflictId) {
        device ??= await getDeviceInfo(database);
        keepConflict(rows, device, result.conflictId, mutation, result.record);
      }
      const record = result.record;
      if (record) {
        adopt(rows, record, queuedElsewhere.has(record.id) || (lastQueued.get(record.id) ?? -1) > i);
      }
    }
    touched.set(mutation.id, mutation.kind);
  }
  await Promise.all([
    deleteAcknowledged(
      database,
      inRange.map((e) => e.clientSeq as number),
      acknowledged,
    ),
    database.outbox.bulkPut([...rejected.values()]),
    rows.flush(),
  ]);
  // The outbox entries of the touched records as they are now.
  for (const [id, list] of entries) {
    const now = list.filter((e) => !acknowledged.has(e.clientSeq as number));
    entries.set(
      id,
      now.map((e) => rejected.get(e.clientSeq as number) ?? e),
    );
  }
  await refresh(database, rows, touched, entries);
}
