/**
 * The one Dexie database of the app. Only src/client/db and src/client/sync import this module
 * (enforced by lint). Rows keep the sync envelope (id, kind, rev, sync state) in the clear and the
 * record's data behind the codec seam.
 */
import { Dexie, type EntityTable } from 'dexie';
import { type IndexName, type RecordKind, recordKinds, registry } from '../../shared/schemas/kinds.ts';
import type { Mutation } from '../../shared/sync/protocol.ts';
import type { EncodedPayload } from './codec.ts';
import { migrations } from './migrations.ts';

/** synced: equals the server; pending: local changes in the outbox; conflict/rejected: needs a person. */
export type SyncState = 'synced' | 'pending' | 'conflict' | 'rejected';

export type LocalRecord<K extends RecordKind = RecordKind> = {
  id: string;
  kind: K;
  /** The server's revision this row is based on; 0 until the server has the record. */
  rev: number;
  updatedAt: string;
  updatedBy: string;
  deleted: 0 | 1;
  sync: SyncState;
  payload: EncodedPayload;
  /** The server's commit sequence of this revision (absent until the server has it). */
  seq?: number;
} & { [I in IndexName]?: string };

/** A mutation waiting for the server; `id` is the record's id (indexed). */
export type OutboxEntry = Omit<Mutation, 'clientSeq' | 'data'> & {
  clientSeq?: number;
  data: EncodedPayload | null;
  createdAt: string;
  /** pending: to be pushed; rejected: the server refused it (kept, shown, never blocks the rest). */
  state: 'pending' | 'rejected';
  error?: { code: string; message: string; details?: unknown };
};

export type MetaEntry = { key: string; value: unknown };

export type QuarantineEntry = { id?: number; table: string; key: string; raw: unknown; reason: string; at: string };

/** One table per kind, named and indexed as its registry entry says (shared/schemas/kinds.ts). */
type RecordTables = {
  [K in RecordKind as (typeof registry)[K]['table']]: EntityTable<LocalRecord<K>, 'id'>;
};

export type TusindDageDb = Dexie &
  RecordTables & {
    outbox: EntityTable<OutboxEntry, 'clientSeq'>;
    meta: EntityTable<MetaEntry, 'key'>;
    quarantine: EntityTable<QuarantineEntry, 'id'>;
  };

export const DB_NAME = 'tusind-dage';

export function openDb(name = DB_NAME): TusindDageDb {
  const db = new Dexie(name) as TusindDageDb;
  for (const migration of migrations) db.version(migration.version).stores(migration.stores);
  return db;
}

export const db: TusindDageDb = openDb();

export function tableFor<K extends RecordKind>(
  kind: K,
  database: TusindDageDb = db,
): EntityTable<LocalRecord<K>, 'id'> {
  return database.table(registry[kind].table) as unknown as EntityTable<LocalRecord<K>, 'id'>;
}

export const recordTables = (database: TusindDageDb = db) => recordKinds.map((kind) => tableFor(kind, database));
