/**
 * A record's sync state is derived, never set by hand: an open conflict about it wins, then a
 * change the server rejected, then changes waiting in the outbox; otherwise it is synced. Call
 * inside a transaction that includes the record's table, `outbox` and `conflicts`.
 */
import { decodePayload } from './codec.ts';
import type { OutboxEntry, SyncState, TusindDageDb } from './db.ts';
import { schemaFor } from './schemas.ts';

/** The little of a Dexie table that rowsWhere reads with (K: the table's primary key). */
type ReadableTable<T, K> = {
  count(): Promise<number>;
  toArray(): Promise<T[]>;
  where(index: string): { equals(key: string): { toArray(): Promise<T[]>; primaryKeys(): Promise<K[]> } };
  bulkGet(keys: K[]): Promise<(T | undefined)[]>;
};

/**
 * The rows whose `index` equals one of `keys`, in few IndexedDB round trips (each request is one):
 * for many keys, nothing when the table is empty and one read of the whole table when it is no
 * bigger than the key list; otherwise the primary keys per key, all requests in flight at once,
 * then one bulk read of the rows found. (Dexie's `anyOf` walks a cursor, a round trip per step.)
 */
export async function rowsWhere<T, K>(table: ReadableTable<T, K>, index: string, keys: Iterable<string>): Promise<T[]> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return [];
  if (unique.length === 1)
    return table
      .where(index)
      .equals(unique[0] as string)
      .toArray();
  const size = await table.count();
  if (size === 0) return [];
  if (size <= unique.length) {
    const wanted = new Set(unique);
    return (await table.toArray()).filter((row) => wanted.has((row as Record<string, unknown>)[index] as string));
  }
  const primaryKeys = await Promise.all(unique.map((key) => table.where(index).equals(key).primaryKeys()));
  const found = primaryKeys.flat().filter((key) => key !== undefined);
  const rows = await table.bulkGet([...new Set(found)]);
  return rows.filter((row) => row !== undefined);
}

/** The records among `recordIds` that an open conflict is about. */
export async function openConflictsAbout(database: TusindDageDb, recordIds: Iterable<string>): Promise<Set<string>> {
  const conflicts = await rowsWhere(database.conflicts, 'recordId', recordIds);
  const open = new Set<string>();
  if (conflicts.length === 0) return open;
  const schema = await schemaFor('conflict');
  for (const row of conflicts) {
    const decoded = decodePayload('conflict', row.payload, schema);
    if (decoded.ok && decoded.data.status === 'open' && row.recordId !== undefined) open.add(row.recordId);
  }
  return open;
}

/** The state of a record, given whether an open conflict is about it and all its outbox entries. */
export function syncStateOf(openConflict: boolean, entries: readonly Pick<OutboxEntry, 'state'>[]): SyncState {
  if (openConflict) return 'conflict';
  if (entries.some((e) => e.state === 'rejected')) return 'rejected';
  return entries.length > 0 ? 'pending' : 'synced';
}

/** The outbox entries of each record in `recordIds` (records without entries are absent). */
export async function outboxByRecord(
  database: TusindDageDb,
  recordIds: Iterable<string>,
): Promise<Map<string, OutboxEntry[]>> {
  const byRecord = new Map<string, OutboxEntry[]>();
  for (const entry of await rowsWhere(database.outbox, 'id', recordIds)) {
    const list = byRecord.get(entry.id);
    if (list) list.push(entry);
    else byRecord.set(entry.id, [entry]);
  }
  return byRecord;
}

export async function deriveSyncState(database: TusindDageDb, recordId: string): Promise<SyncState> {
  const [open, entries] = await Promise.all([
    openConflictsAbout(database, [recordId]),
    database.outbox.where('id').equals(recordId).toArray(),
  ]);
  return syncStateOf(open.has(recordId), entries);
}
