/**
 * The per-user quota for dead letters (rejected payloads kept in the ledger, sync guarantee 1).
 * Within the quota a rejected mutation is kept verbatim; beyond it — or when one payload alone is
 * over the per-payload cap — only a summary is kept (kind, id, op, the top-level field names, the
 * size and a SHA-256 of the original), the rejection is still recorded and answered exactly, and
 * the admins get an alert (GET /api/admin/alerts). Without this, one token stored 48 MB in 1.3 s,
 * and a full disk then failed every login and push.
 */
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Mutation } from '../../shared/sync/protocol.ts';
import { raiseAlert } from '../store/alerts.ts';
import { statement } from '../store/statements.ts';

export const DEAD_LETTER_MAX_COUNT_PER_USER = 1000;
export const DEAD_LETTER_MAX_BYTES_PER_USER = 2 * 1024 * 1024;
export const DEAD_LETTER_MAX_PAYLOAD_BYTES = 64 * 1024;

export type DeadLetterSummary = {
  summary: true;
  reason: 'quota' | 'too_large';
  kind: string;
  id: string;
  op: string;
  baseRev: number;
  clientSeq: number;
  fields: string[];
  bytes: number;
  sha256: string;
};

/** The text to keep for a rejected mutation of `user`, counting it against the user's quota. */
export function deadLetterPayload(
  db: Database,
  input: { userId: string; teamId: string; mutation: Mutation; now: string },
): string {
  const full = JSON.stringify(input.mutation);
  const bytes = Buffer.byteLength(full);
  const usage = (statement(db, 'SELECT count, bytes FROM dead_letter_usage WHERE user_id = ?').get(input.userId) as
    | { count: number; bytes: number }
    | undefined) ?? { count: 0, bytes: 0 };
  const reason =
    bytes > DEAD_LETTER_MAX_PAYLOAD_BYTES
      ? 'too_large'
      : usage.count >= DEAD_LETTER_MAX_COUNT_PER_USER || usage.bytes + bytes > DEAD_LETTER_MAX_BYTES_PER_USER
        ? 'quota'
        : null;
  const kept = reason === null ? full : JSON.stringify(summarise(input.mutation, full, bytes, reason));
  statement(
    db,
    `INSERT INTO dead_letter_usage (user_id, count, bytes) VALUES (?, 1, ?)
       ON CONFLICT(user_id) DO UPDATE SET count = count + 1, bytes = bytes + excluded.bytes`,
  ).run(input.userId, Buffer.byteLength(kept));
  if (reason !== null) {
    raiseAlert(db, {
      teamId: input.teamId,
      userId: input.userId,
      kind: 'dead_letter_quota',
      now: input.now,
      details: { countLimit: DEAD_LETTER_MAX_COUNT_PER_USER, bytesLimit: DEAD_LETTER_MAX_BYTES_PER_USER },
    });
  }
  return kept;
}

function summarise(m: Mutation, full: string, bytes: number, reason: 'quota' | 'too_large'): DeadLetterSummary {
  return {
    summary: true,
    reason,
    kind: m.kind,
    id: m.id,
    op: m.op,
    baseRev: m.baseRev,
    clientSeq: m.clientSeq,
    fields: Object.keys(m.data ?? {})
      .slice(0, 50)
      .map((f) => f.slice(0, 64)),
    bytes,
    sha256: createHash('sha256').update(full).digest('hex'),
  };
}
