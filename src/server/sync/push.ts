/**
 * POST /api/sync/push: one SQLite transaction per request (the route answers only after COMMIT,
 * sync guarantee 6); mutations run in clientSeq order and results come back in request order.
 * Each mutationId is answered once and recorded in the ledger; a repeat gets the stored result
 * with status "duplicate" and changes nothing (guarantee 2).
 */
import type { Database } from 'better-sqlite3';
import type { Mutation, MutationResult, PushRequest, PushResponse } from '../../shared/sync/protocol.ts';
import type { UserRow } from '../store/accounts.ts';
import { findMutation, insertMutation, ledgerHolds } from '../store/mutations.ts';
import { applyMutation, type MutationContext, rejected } from './apply-mutation.ts';
import { deadLetterPayload } from './dead-letters.ts';

export function push(db: Database, user: UserRow, request: PushRequest, now: Date): PushResponse {
  const ctx: MutationContext = { db, user, deviceId: request.deviceId, now: now.toISOString(), referenced: new Map() };
  return db.transaction((): PushResponse => {
    // A stable sort: equal clientSeqs keep request order.
    const order = request.mutations
      .map((m, i) => ({ m, i }))
      .sort((a, b) => a.m.clientSeq - b.m.clientSeq || a.i - b.i);
    const results: MutationResult[] = new Array(request.mutations.length);
    // The ids the ledger already holds, read at once; an id repeated within the request joins them
    // when its first copy is answered.
    const answered = ledgerHolds(
      db,
      request.mutations.map((m) => m.mutationId),
    );
    for (const { m, i } of order) {
      results[i] = once(ctx, m, answered.has(m.mutationId));
      answered.add(m.mutationId);
    }
    return { results };
  })();
}

function once(ctx: MutationContext, m: Mutation, inLedger: boolean): MutationResult {
  const known = inLedger ? findMutation(ctx.db, m.mutationId) : undefined;
  if (known) {
    // Another team's mutationId: say nothing about it (isolation, guarantee 9).
    if (known.teamId !== ctx.user.teamId) return rejected(m, 'forbidden', 'This mutationId cannot be used.');
    return { ...known.result, status: 'duplicate' };
  }
  const result = applyMutation(ctx, m);
  // The records this mutation may have written (its own, and a conflict it opened) are read again
  // from the database by the next lookup.
  ctx.referenced.delete(m.id);
  if (result.conflictId !== undefined) ctx.referenced.delete(result.conflictId);
  const owner = { teamId: ctx.user.teamId, userId: ctx.user.id };
  insertMutation(ctx.db, {
    ...owner,
    deviceId: ctx.deviceId,
    mutation: m,
    result,
    now: ctx.now,
    // Dead letters count against the user's quota; beyond it only a summary is kept.
    ...(result.status === 'rejected'
      ? { payload: deadLetterPayload(ctx.db, { ...owner, mutation: m, now: ctx.now }) }
      : {}),
  });
  return result;
}
