/**
 * Synced records in SQLite: one row per record of any kind, scoped by team. Every write takes the
 * next value of the global commit sequence inside the caller's transaction, so `seq` order is
 * commit order and the pull cursor never skips a change (sync guarantee 4).
 */
import type { Database } from 'better-sqlite3';
import type { SyncRecord } from '../../shared/sync/record.ts';
import type { FieldMeta } from '../sync/decide.ts';
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

const toRow = (r: DbRow): RecordRow => ({
  id: r.id,
  teamId: r.team_id,
  kind: r.kind,
  rev: r.rev,
  seq: r.seq,
  deleted: r.deleted === 1,
  data: JSON.parse(r.data) as Record<string, unknown>,
  fieldMeta: JSON.parse(r.field_meta) as FieldMeta,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
  updatedByName: r.updated_by_name,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

const SELECT = `SELECT r.*, u.display_name AS updated_by_name FROM records r JOIN users u ON u.id = r.updated_by`;

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
  const row = statement(db, `${SELECT} WHERE r.team_id = ? AND r.id = ?`).get(teamId, id) as DbRow | undefined;
  return row && toRow(row);
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
    JSON.stringify(record.fieldMeta),
    record.updatedAt,
    record.updatedBy,
    record.createdBy ?? record.updatedBy,
    record.createdAt ?? record.updatedAt,
  );
  return stored(db, record, seq);
}

/** Overwrites a record of the team with a fresh seq; returns it as stored. */
export function updateRecord(db: Database, record: RecordWrite): RecordRow {
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
    JSON.stringify(record.fieldMeta),
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

/** Up to `limit` records of the team after `since`, in commit order. */
export function recordsAfter(db: Database, teamId: string, since: number, limit: number): RecordRow[] {
  const rows = statement(db, `${SELECT} WHERE r.team_id = ? AND r.seq > ? ORDER BY r.seq LIMIT ?`).all(
    teamId,
    since,
    limit,
  ) as DbRow[];
  return rows.map(toRow);
}

/** The current observations of a visit (for the sign check): team-scoped, not deleted. */
export function observationsOfVisit(
  db: Database,
  teamId: string,
  visitId: string,
): { id: string; seq: number; data: Record<string, unknown> }[] {
  const rows = statement(
    db,
    `SELECT id, seq, data FROM records
      WHERE team_id = ? AND kind = 'observation' AND deleted = 0 AND json_extract(data, '$.visitId') = ?`,
  ).all(teamId, visitId) as { id: string; seq: number; data: string }[];
  return rows.map((r) => ({ id: r.id, seq: r.seq, data: JSON.parse(r.data) as Record<string, unknown> }));
}
