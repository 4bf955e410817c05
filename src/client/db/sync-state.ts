/**
 * A record's sync state is derived, never set by hand: an open conflict about it wins, then a
 * change the server rejected, then changes waiting in the outbox; otherwise it is synced. Call
 * inside a transaction that includes the record's table, `outbox` and `conflicts`.
 */
import { decodePayload } from './codec.ts';
import type { SyncState, TusindDageDb } from './db.ts';
import { schemaFor } from './schemas.ts';

export async function deriveSyncState(database: TusindDageDb, recordId: string): Promise<SyncState> {
  const conflicts = await database.conflicts.where('recordId').equals(recordId).toArray();
  const schema = conflicts.length > 0 ? await schemaFor('conflict') : null;
  const open = conflicts.some((row) => {
    if (!schema) return false;
    const decoded = decodePayload('conflict', row.payload, schema);
    return decoded.ok && decoded.data.status === 'open';
  });
  if (open) return 'conflict';
  const entries = await database.outbox.where('id').equals(recordId).toArray();
  if (entries.some((e) => e.state === 'rejected')) return 'rejected';
  if (entries.length > 0) return 'pending';
  return 'synced';
}
