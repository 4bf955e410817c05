/**
 * The mutation ledger: every mutation a server has answered, with its exact payload and the exact
 * result returned. A repeated mutationId is answered from here and changes nothing (sync guarantee
 * 2); rejected payloads stay here as dead letters (guarantee 1).
 */
import type { Database } from 'better-sqlite3';
import type { Mutation, MutationResult } from '../../shared/sync/protocol.ts';
import type { DeadLetterSummary } from '../sync/dead-letters.ts';
import { statement } from './statements.ts';

export type LedgerEntry = { teamId: string; result: MutationResult };

export function findMutation(db: Database, mutationId: string): LedgerEntry | undefined {
  const row = statement(db, 'SELECT team_id, result FROM mutations WHERE mutation_id = ?').get(mutationId) as
    | { team_id: string; result: string }
    | undefined;
  return row && { teamId: row.team_id, result: JSON.parse(row.result) as MutationResult };
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
    /** The payload text to keep (a dead letter may be summarised); default the whole mutation. */
    payload?: string;
  },
): void {
  const { mutation: m } = entry;
  statement(
    db,
    `INSERT INTO mutations (mutation_id, team_id, user_id, device_id, client_seq, kind, record_id, payload, status, result, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    m.mutationId,
    entry.teamId,
    entry.userId,
    entry.deviceId,
    m.clientSeq,
    m.kind,
    m.id,
    entry.payload ?? JSON.stringify(m),
    entry.result.status,
    JSON.stringify(entry.result),
    entry.now,
  );
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
