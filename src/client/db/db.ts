/**
 * The one Dexie database of the app. Only src/client/db and src/client/sync import this module
 * (enforced by lint). Rows keep the sync envelope (id, kind, rev, sync state) in the clear and the
 * record's data behind the codec seam.
 */
import { Dexie, type EntityTable } from 'dexie';
import type { RecordKind } from '../../shared/schemas/kinds.ts';
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
  /** Index fields copied out of the data (kept in the clear even when payloads are encrypted). */
  familyId?: string;
  childId?: string;
  recordId?: string;
  visitId?: string;
  courseId?: string;
  sessionId?: string;
  formKey?: string;
  /** The server's commit sequence of this revision (absent until the server has it). */
  seq?: number;
};

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

export type TusindDageDb = Dexie & {
  families: EntityTable<LocalRecord<'family'>, 'id'>;
  children: EntityTable<LocalRecord<'child'>, 'id'>;
  conflicts: EntityTable<LocalRecord<'conflict'>, 'id'>;
  caregivers: EntityTable<LocalRecord<'caregiver'>, 'id'>;
  consents: EntityTable<LocalRecord<'consent'>, 'id'>;
  contacts: EntityTable<LocalRecord<'contact'>, 'id'>;
  settings: EntityTable<LocalRecord<'settings'>, 'id'>;
  visits: EntityTable<LocalRecord<'visit'>, 'id'>;
  observations: EntityTable<LocalRecord<'observation'>, 'id'>;
  instrumentResponses: EntityTable<LocalRecord<'instrumentResponse'>, 'id'>;
  journalNotes: EntityTable<LocalRecord<'journalNote'>, 'id'>;
  drafts: EntityTable<LocalRecord<'draft'>, 'id'>;
  cospCourses: EntityTable<LocalRecord<'cospCourse'>, 'id'>;
  cospEnrollments: EntityTable<LocalRecord<'cospEnrollment'>, 'id'>;
  cospSessions: EntityTable<LocalRecord<'cospSession'>, 'id'>;
  cospAttendance: EntityTable<LocalRecord<'cospAttendance'>, 'id'>;
  cospGroupNotes: EntityTable<LocalRecord<'cospGroupNote'>, 'id'>;
  cospFamilyReflections: EntityTable<LocalRecord<'cospFamilyReflection'>, 'id'>;
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

const tables = {
  family: 'families',
  child: 'children',
  caregiver: 'caregivers',
  consent: 'consents',
  contact: 'contacts',
  settings: 'settings',
  visit: 'visits',
  observation: 'observations',
  instrumentResponse: 'instrumentResponses',
  journalNote: 'journalNotes',
  draft: 'drafts',
  cospCourse: 'cospCourses',
  cospEnrollment: 'cospEnrollments',
  cospSession: 'cospSessions',
  cospAttendance: 'cospAttendance',
  cospGroupNote: 'cospGroupNotes',
  cospFamilyReflection: 'cospFamilyReflections',
  conflict: 'conflicts',
} as const satisfies Record<RecordKind, string>;

export function tableFor<K extends RecordKind>(
  kind: K,
  database: TusindDageDb = db,
): EntityTable<LocalRecord<K>, 'id'> {
  return database[tables[kind]] as unknown as EntityTable<LocalRecord<K>, 'id'>;
}

export const recordTables = (database: TusindDageDb = db) =>
  Object.values(tables).map((name) => database[name] as EntityTable<LocalRecord, 'id'>);
