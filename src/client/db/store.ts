/**
 * What features may use of local storage: the default database's reader and writer and the live
 * query hook. Features never import Dexie (lint rule); they go through these.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from './db.ts';
import { recordReader } from './reader.ts';
import { recordWriter } from './records.ts';

export const records = recordReader(db);
export const writer = recordWriter(db);

/**
 * Re-renders when the data the query read changes (Dexie liveQuery). `undefined` while loading.
 */
export function useLive<T>(query: () => Promise<T>, deps: unknown[]): T | undefined {
  return useLiveQuery(query, deps);
}
