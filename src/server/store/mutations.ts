/**
 * The mutation ledger: every mutation a server has answered and the exact result returned. A
 * repeated mutationId is answered from here and changes nothing (sync guarantee 2); rejected
 * payloads stay here as dead letters (guarantee 1). Nothing else is stored twice: an accepted
 * mutation's payload is not kept (its effect is the record, a conflict keeps it in the conflict
 * record), and a result's record data is left out while that record still has that revision —
 * before the record is overwritten, `materialiseResults` copies its data into those results, so a
 * replay is always exactly the first answer.
 */
import type { Database } from 'better-sqlite3';
import type { Mutation, MutationResult } from '../../shared/sync/protocol.ts';
import type { DeadLetterSummary } from '../sync/dead-letters.ts';
import { statement } from './statements.ts';

export type LedgerEntry = { teamId: string; result: MutationResult };

export function findMutation(db: Database, mutationId: string): LedgerEntry | undefined {
  const row = statement(
    db,
    `SELECT m.team_id, m.result, m.data_elided, r.data AS current_data
       FROM mutations m LEFT JOIN records r ON m.data_elided = 1 AND r.id = m.record_id
      WHERE m.mutation_id = ?`,
  ).get(mutationId) as
    | { team_id: string; result: string; data_elided: number; current_data: string | null }
    | undefined;
  if (!row) return undefined;
  const result = JSON.parse(row.result) as MutationResult;
  if (row.data_elided === 1) {
    if (!result.record || row.current_data === null) throw new Error('a ledger result lost its record data');
    result.record = { ...result.record, data: JSON.parse(row.current_data) as Record<string, unknown> };
  }
  return { teamId: row.team_id, result };
}

/** The ledger lookup every push makes (query-plans.test.ts: it searches the primary key). */
export const LEDGER_LOOKUPS = {
  ledgerHolds: 'SELECT mutation_id FROM mutations WHERE mutation_id IN (SELECT value FROM json_each(?))',
} as const;

/** Which of these mutationIds the ledger holds (of any team): one query for a whole push. */
export function ledgerHolds(db: Database, mutationIds: string[]): Set<string> {
  const rows = statement(db, LEDGER_LOOKUPS.ledgerHolds).all(JSON.stringify(mutationIds)) as { mutation_id: string }[];
  return new Set(rows.map((r) => r.mutation_id));
}

export function insertMutation(
  db: Database,
  entry: {
    teamId: string;
    userId: string;
    deviceId: string;
    mutation: Mutation;
    result: MutationResult;
    now: string;
    /** The payload text kept for a rejected mutation (maybe a summary, sync/dead-letters.ts). */
    payload?: string;
  },
): void {
  const { mutation: m, result } = entry;
  // The record in a result is the record as it is now (the write just made, or the current record
  // of a conflict): its data need not be stored twice while it stays current.
  const elide = result.record !== undefined && result.record.id === m.id;
  const stored = elide && result.record ? { ...result, record: { ...result.record, data: undefined } } : result;
  statement(
    db,
    `INSERT INTO mutations (mutation_id, team_id, user_id, device_id, client_seq, kind, record_id, payload, status, result, data_elided, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    m.mutationId,
    entry.teamId,
    entry.userId,
    entry.deviceId,
    m.clientSeq,
    m.kind,
    m.id,
    result.status === 'rejected' ? (entry.payload ?? JSON.stringify(m)) : null,
    result.status,
    JSON.stringify(stored),
    elide ? 1 : 0,
    entry.now,
  );
}

/**
 * Copies a record's current data into the ledger results that left it out: call right before the
 * record is overwritten (store/records.ts updateRecord), inside the same transaction.
 */
export function materialiseResults(db: Database, recordId: string): void {
  statement(
    db,
    `UPDATE mutations SET result = json_set(result, '$.record.data', json((SELECT data FROM records WHERE id = ?))),
            data_elided = 0
      WHERE record_id = ? AND data_elided = 1`,
  ).run(recordId, recordId);
}

/** The team's rejected mutations (dead letters), newest first. */
export function rejectedMutations(
  db: Database,
  teamId: string,
): { mutationId: string; deviceId: string; payload: Mutation | DeadLetterSummary; result: MutationResult }[] {
  const rows = statement(
    db,
    `SELECT mutation_id, device_id, payload, result FROM mutations
       WHERE team_id = ? AND status = 'rejected' ORDER BY created_at DESC, rowid DESC`,
  ).all(teamId) as { mutation_id: string; device_id: string; payload: string; result: string }[];
  return rows.map((r) => ({
    mutationId: r.mutation_id,
    deviceId: r.device_id,
    payload: JSON.parse(r.payload) as Mutation | DeadLetterSummary,
    result: JSON.parse(r.result) as MutationResult,
  }));
}
