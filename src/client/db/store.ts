/**
 * What features may read of local storage: the default database's reader and the live query
 * hook. Writing goes through write-store.ts (loaded with forms, off the first screen). Features
 * never import Dexie (lint rule); they go through these.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { RecordKind } from '../../shared/schemas/kinds.ts';
import { db } from './db.ts';
import { type RecordView, recordReader } from './reader.ts';

export const records = recordReader(db);

/**
 * Re-renders when the data the query read changes (Dexie liveQuery). `undefined` while loading.
 */
export function useLive<T>(query: () => Promise<T>, deps: unknown[]): T | undefined {
  return useLiveQuery(query, deps);
}

/** One record, live: `undefined` while loading, `null` when it is not on this device. */
export function useRecord<K extends RecordKind>(kind: K, id: string): RecordView<K> | null | undefined {
  return useLiveQuery(async () => (await records.get(kind, id)) ?? null, [kind, id]);
}
