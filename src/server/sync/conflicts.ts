/**
 * Conflict records: when an edit or delete collides with someone else's change, the server keeps
 * both versions in a record of kind "conflict" (src/shared/schemas/conflict.ts) that syncs to the
 * whole team like any record, until a person resolves it (sync guarantees 3 and 5).
 */
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { type Conflict, conflictSchema } from '../../shared/schemas/conflict.ts';
import type { Mutation } from '../../shared/sync/protocol.ts';
import type { UserRow } from '../store/accounts.ts';
import { insertRecord, type RecordRow } from '../store/records.ts';
import { touchFields } from './decide.ts';

/** The device recorded in a conflict record's field meta: no client wrote it. */
export const SERVER_DEVICE = 'server';

export function createConflict(
  db: Database,
  input: {
    user: UserRow;
    deviceId: string;
    mutation: Mutation;
    mine: Record<string, unknown> | null;
    current: RecordRow;
    fields: string[];
    now: string;
  },
): RecordRow {
  const { mutation, current } = input;
  const data: Conflict = conflictSchema.parse({
    recordKind: current.kind,
    recordId: current.id,
    mutationId: mutation.mutationId,
    deviceId: input.deviceId,
    author: input.user.displayName,
    receivedAt: input.now,
    op: mutation.op === 'delete' ? 'delete' : 'update',
    baseRev: mutation.baseRev,
    serverRev: current.rev,
    mine: input.mine,
    theirs: current.deleted ? null : current.data,
    fields: input.fields,
    status: 'open',
  });
  return insertRecord(db, {
    id: randomUUID(),
    teamId: input.user.teamId,
    kind: 'conflict',
    rev: 1,
    deleted: false,
    data,
    fieldMeta: touchFields({}, Object.keys(data), 1, SERVER_DEVICE),
    updatedAt: input.now,
    updatedBy: input.user.id,
  });
}
