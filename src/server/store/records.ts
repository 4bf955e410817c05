/**
 * Synced records in SQLite: one row per record of any kind, scoped by team. Every write takes the
 * next value of the global commit sequence inside the caller's transaction, so `seq` order is
 * commit order and the pull cursor never skips a change (sync guarantee 4).
 */
import type { Database } from 'better-sqlite3';
import type { SyncRecord } from '../../shared/sync/record.ts';
import type { StoredRecord } from '../../shared/sync/write-rules.ts';
import type { FieldMeta } from '../sync/decide.ts';
import { materialiseResults } from './mutations.ts';
import { statement } from './statements.ts';

export type RecordRow = {
  id: string;
  teamId: string;
  kind: string;
  rev: number;
  seq: number;
  deleted: boolean;
  data: Record<string, unknown>;
  fieldMeta: FieldMeta;
  updatedAt: string;
  /** User id of the last writer. */
  updatedBy: string;
  /** Display name of the last writer (the record's `updatedBy` in the API). */
  updatedByName: string;
  /** The user who created the record and when, by the server's clock. */
  createdBy: string;
  createdAt: string;
};

type DbRow = {
  id: string;
  team_id: string;
  kind: string;
  rev: number;
  seq: number;
  deleted: number;
  data: string;
  field_meta: string;
  updated_at: string;
  updated_by: string;
  updated_by_name: string;
  created_by: string;
  created_at: string;
};

/**
 * field_meta on disk: when every field of the document has the same last write (a create, a
 * restore) and none has agreeing devices, `[rev, device]` stands for `{field: {rev, device}}` over
 * exactly the document's top-level fields — the same FieldMeta decide.ts reads, one entry instead
 * of one per field. Anything else is stored as the FieldMeta object itself.
 */
export function encodeFieldMeta(meta: FieldMeta, data: Record<string, unknown>): string {
  const fields = Object.keys(data);
  const entries = Object.entries(meta);
  const first = entries[0]?.[1];
  const uniform =
    first !== undefined &&
    entries.length === fields.length &&
    fields.every((f) => Object.hasOwn(meta, f)) &&
    entries.every(([, m]) => m.rev === first.rev && m.device === first.device && m.agreed === undefined);
  return JSON.stringify(uniform ? [first.rev, first.device] : meta);
}

export function decodeFieldMeta(text: string, data: Record<string, unknown>): FieldMeta {
  const parsed = JSON.parse(text) as FieldMeta | [number, string];
  if (!Array.isArray(parsed)) return parsed;
  const [rev, device] = parsed;
  return Object.fromEntries(Object.keys(data).map((f) => [f, { rev, device }]));
}

const toRow = (r: DbRow): RecordRow => {
  const data = JSON.parse(r.data) as Record<string, unknown>;
  return {
    id: r.id,
    teamId: r.team_id,
    kind: r.kind,
    rev: r.rev,
    seq: r.seq,
    deleted: r.deleted === 1,
    data,
    fieldMeta: decodeFieldMeta(r.field_meta, data),
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
    updatedByName: r.updated_by_name,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
};

const SELECT = `SELECT r.*, u.display_name AS updated_by_name FROM records r JOIN users u ON u.id = r.updated_by`;

/**
 * The lookups the write rules run for every mutation (query-plans.test.ts: each searches an
 * index; migrations 6 and 7 index records by family and by visit).
 */
export const RECORD_LOOKUPS = {
  findRecord: `${SELECT} WHERE r.team_id = ? AND r.id = ?`,
  findStoredRecord: `SELECT kind, data, deleted, created_by, created_at FROM records WHERE team_id = ? AND id = ?`,
  recordsOfFamily: `${SELECT} WHERE r.team_id = ? AND r.kind = ? AND r.deleted = 0 AND json_extract(r.data, '$.familyId') = ?`,
  observationsOfVisit: `SELECT id, seq, data FROM records
      WHERE team_id = ? AND kind = 'observation' AND deleted = 0 AND json_extract(data, '$.visitId') = ?`,
} as const;

/** The API form of a record. */
export function canonical(row: RecordRow): SyncRecord {
  return {
    kind: row.kind,
    id: row.id,
    rev: row.rev,
    seq: row.seq,
    deleted: row.deleted,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedByName,
    data: row.data,
  };
}

/** Takes the next commit sequence number; call only inside a write transaction. */
export function nextSeq(db: Database): number {
  const row = statement(db, `UPDATE counters SET value = value + 1 WHERE name = 'seq' RETURNING value`).get() as
    | { value: number }
    | undefined;
  if (!row) throw new Error('the seq counter is missing');
  return row.value;
}

/** A record by id in ANY team: for id-collision checks only, never returned to a client. */
export function findRecordAnyTeam(db: Database, id: string): { teamId: string } | undefined {
  const row = statement(db, 'SELECT team_id FROM records WHERE id = ?').get(id) as { team_id: string } | undefined;
  return row && { teamId: row.team_id };
}

export function findRecord(db: Database, teamId: string, id: string): RecordRow | undefined {
  const row = statement(db, RECORD_LOOKUPS.findRecord).get(teamId, id) as DbRow | undefined;
  return row && toRow(row);
}

/**
 * What the write rules read of a referenced record (shared/sync/write-rules.ts StoredRecord): no
 * join for the writer's name and no field metadata, which a reference check never needs.
 */
export function findStoredRecord(db: Database, teamId: string, id: string): StoredRecord | undefined {
  const row = statement(db, RECORD_LOOKUPS.findStoredRecord).get(teamId, id) as
    | Pick<DbRow, 'kind' | 'data' | 'deleted' | 'created_by' | 'created_at'>
    | undefined;
  return (
    row && {
      kind: row.kind,
      data: JSON.parse(row.data) as Record<string, unknown>,
      deleted: row.deleted === 1,
      createdBy: row.created_by,
      createdAt: row.created_at,
    }
  );
}

export type RecordWrite = Omit<RecordRow, 'seq' | 'updatedByName' | 'createdBy' | 'createdAt'> &
  Partial<Pick<RecordRow, 'createdBy' | 'createdAt'>>;

/** Inserts a new record with a fresh seq; returns it as stored. */
export function insertRecord(db: Database, record: RecordWrite): RecordRow {
  const seq = nextSeq(db);
  statement(
    db,
    `INSERT INTO records (id, team_id, kind, rev, seq, deleted, data, field_meta, updated_at, updated_by, created_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    record.id,
    record.teamId,
    record.kind,
    record.rev,
    seq,
    record.deleted ? 1 : 0,
    JSON.stringify(record.data),
    encodeFieldMeta(record.fieldMeta, record.data),
    record.updatedAt,
    record.updatedBy,
    record.createdBy ?? record.updatedBy,
    record.createdAt ?? record.updatedAt,
  );
  return stored(db, record, seq);
}

/** Overwrites a record of the team with a fresh seq; returns it as stored. */
export function updateRecord(db: Database, record: RecordWrite): RecordRow {
  // Ledger results that left out this record's data (it was current) get it before it changes.
  materialiseResults(db, record.id);
  const seq = nextSeq(db);
  const info = statement(
    db,
    `UPDATE records SET rev = ?, seq = ?, deleted = ?, data = ?, field_meta = ?, updated_at = ?, updated_by = ?
       WHERE id = ? AND team_id = ?`,
  ).run(
    record.rev,
    seq,
    record.deleted ? 1 : 0,
    JSON.stringify(record.data),
    encodeFieldMeta(record.fieldMeta, record.data),
    record.updatedAt,
    record.updatedBy,
    record.id,
    record.teamId,
  );
  if (info.changes !== 1) throw new Error('updateRecord: no such record in the team');
  return stored(db, record, seq);
}

/**
 * The row as just written, without reading it back and parsing its JSON again: a push answers
 * every write with the stored record, and reading it back was a large share of a push's time.
 */
function stored(db: Database, record: RecordWrite, seq: number): RecordRow {
  const user = statement(db, 'SELECT display_name FROM users WHERE id = ?').get(record.updatedBy) as
    | { display_name: string }
    | undefined;
  if (!user) throw new Error('the writer of a record is not a user');
  return {
    id: record.id,
    teamId: record.teamId,
    kind: record.kind,
    rev: record.rev,
    seq,
    deleted: record.deleted,
    data: record.data,
    fieldMeta: record.fieldMeta,
    updatedAt: record.updatedAt,
    updatedBy: record.updatedBy,
    updatedByName: user.display_name,
    createdBy: record.createdBy ?? record.updatedBy,
    createdAt: record.createdAt ?? record.updatedAt,
  };
}

/**
 * The kind that devices write but never read back: device audit events go to the server only
 * (decision 0056). Pulls skip it through the partial index records_team_seq_synced (migration 5).
 */
export const WRITE_ONLY_KIND = 'auditEvent';

/** Up to `limit` records of the team after `since`, in commit order (without device audit events). */
export function recordsAfter(db: Database, teamId: string, since: number, limit: number): RecordRow[] {
  const sql = `${SELECT} WHERE r.team_id = ? AND r.seq > ? AND r.kind <> '${WRITE_ONLY_KIND}' ORDER BY r.seq LIMIT ?`;
  const rows = statement(db, sql).all(teamId, since, limit) as DbRow[];
  // A pull never reads the field metadata: decode it only if someone asks.
  return rows.map((r) => {
    const data = JSON.parse(r.data) as Record<string, unknown>;
    const row = { ...toRowWithout(r), data } as RecordRow;
    let meta: FieldMeta | undefined;
    Object.defineProperty(row, 'fieldMeta', {
      enumerable: true,
      get: () => {
        meta ??= decodeFieldMeta(r.field_meta, data);
        return meta;
      },
    });
    return row;
  });
}

function toRowWithout(r: DbRow): Omit<RecordRow, 'data' | 'fieldMeta'> {
  return {
    id: r.id,
    teamId: r.team_id,
    kind: r.kind,
    rev: r.rev,
    seq: r.seq,
    deleted: r.deleted === 1,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
    updatedByName: r.updated_by_name,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

/** The current records of a kind about a family (for the consent gate): team-scoped, not deleted. */
export function recordsOfFamily(db: Database, teamId: string, kind: string, familyId: string): RecordRow[] {
  const rows = statement(db, RECORD_LOOKUPS.recordsOfFamily).all(teamId, kind, familyId) as DbRow[];
  return rows.map(toRow);
}

/** The current observations of a visit (for the sign check): team-scoped, not deleted. */
export function observationsOfVisit(
  db: Database,
  teamId: string,
  visitId: string,
): { id: string; seq: number; data: Record<string, unknown> }[] {
  const rows = statement(db, RECORD_LOOKUPS.observationsOfVisit).all(teamId, visitId) as {
    id: string;
    seq: number;
    data: string;
  }[];
  return rows.map((r) => ({ id: r.id, seq: r.seq, data: JSON.parse(r.data) as Record<string, unknown> }));
}
