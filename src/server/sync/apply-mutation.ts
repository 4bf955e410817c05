/**
 * One mutation of a push, inside the push transaction: validates it against its kind's shared zod
 * schema, applies the kind's write rules (shared/sync/write-rules.ts: roles, references in the team,
 * final once signed, identity and times from the server), decides apply / merge / conflict
 * (decide.ts) and writes. Every outcome is a result the device can act on; bad data is a
 * per-mutation `rejected`, never an HTTP error, so one bad record never blocks the rest of the outbox.
 */
import type { Database } from 'better-sqlite3';
import * as z from 'zod/mini';
import { kinds } from '../../shared/schemas/all-kinds.ts';
import { conflictResolutionSchema, conflictSchema } from '../../shared/schemas/conflict.ts';
import { msg } from '../../shared/schemas/fields.ts';
import { isRecordKind, type RecordKind } from '../../shared/schemas/kinds.ts';
import type { Mutation, MutationResult, RejectionCode } from '../../shared/sync/protocol.ts';
import { checkWrite, type StoredRecord, type WriteProblem } from '../../shared/sync/write-rules.ts';
import type { Observation } from '../../shared/visits/observation.ts';
import type { UserRow } from '../store/accounts.ts';
import {
  canonical,
  findRecord,
  findRecordAnyTeam,
  findStoredRecord,
  insertRecord,
  observationsOfVisit,
  type RecordRow,
  recordsOfFamily,
  updateRecord,
} from '../store/records.ts';
import { createConflict } from './conflicts.ts';
import { agreeFields, decideDelete, decideUpdate, sameValue, touchFields } from './decide.ts';
import { type IssueDetail, issueDetails } from './validation.ts';

export type MutationContext = {
  db: Database;
  user: UserRow;
  deviceId: string;
  now: string;
  /**
   * The records the write rules looked up in this push (absent ones as undefined): many mutations
   * of an upload name the same family or child. push.ts forgets a record as soon as a mutation
   * writes it, so a lookup never returns anything but the record as it is in the transaction.
   */
  referenced: Map<string, StoredRecord | undefined>;
};

type Spec = { schema: z.ZodMiniType; base: z.ZodMiniObject; mergeable: boolean; serverCreated?: boolean };
type Doc = Record<string, unknown>;
type KindMutation = Mutation & { kind: RecordKind };

export function rejected(m: Mutation, code: RejectionCode, message: string, details?: IssueDetail[]): MutationResult {
  const error = details === undefined ? { code, message } : { code, message, details };
  return { mutationId: m.mutationId, status: 'rejected', error };
}

const invalid = (m: Mutation, error: z.core.$ZodError) =>
  rejected(m, 'invalid_data', 'The data does not match the schema of its kind.', issueDetails(error));

const notFound = (m: Mutation) => rejected(m, 'not_found', `No ${m.kind} record with this id in your team.`);

const refused = (m: Mutation, problem: WriteProblem): MutationResult => {
  const error =
    problem.details === undefined
      ? { code: problem.code, message: problem.message }
      : { code: problem.code, message: problem.message, details: problem.details };
  return { mutationId: m.mutationId, status: 'rejected', error };
};

const done = (m: Mutation, status: 'applied' | 'merged', row: RecordRow): MutationResult => ({
  mutationId: m.mutationId,
  status,
  rev: row.rev,
  record: canonical(row),
});

const stored = (row: RecordRow): StoredRecord => ({
  kind: row.kind,
  data: row.data,
  deleted: row.deleted,
  createdBy: row.createdBy,
  createdAt: row.createdAt,
});

/** The kind's write rules over the team's records, by the server's clock: the data to store, or why not. */
function rules(
  ctx: MutationContext,
  m: KindMutation,
  op: 'create' | 'update' | 'delete',
  current: RecordRow | undefined,
  next: Doc | null,
) {
  return checkWrite({ kind: m.kind, id: m.id, op }, current && stored(current), next, {
    user: ctx.user,
    now: new Date(ctx.now),
    lookup: (id) => {
      if (ctx.referenced.has(id)) return ctx.referenced.get(id);
      const row = findStoredRecord(ctx.db, ctx.user.teamId, id);
      ctx.referenced.set(id, row);
      return row;
    },
    observationsOf: (visitId) =>
      observationsOfVisit(ctx.db, ctx.user.teamId, visitId) as { id: string; seq: number; data: Observation }[],
    recordsOf: (kind, familyId) => recordsOfFamily(ctx.db, ctx.user.teamId, kind, familyId).map(stored),
  });
}

export function applyMutation(ctx: MutationContext, m: Mutation): MutationResult {
  // Unknown kinds are refused: the server stores only what it can validate.
  if (!isRecordKind(m.kind)) return rejected(m, 'unknown_kind', `Unknown record kind "${m.kind}".`);
  const km = m as KindMutation;
  const spec: Spec = kinds[km.kind];
  if (spec.serverCreated) return resolveConflict(ctx, m);
  if (m.op === 'create') return create(ctx, km, spec);
  // An update or delete must name a record of this kind in the user's team; other teams are invisible.
  const current = findRecord(ctx.db, ctx.user.teamId, m.id);
  if (!current || current.kind !== m.kind) return notFound(m);
  return m.op === 'update' ? update(ctx, km, spec, current) : remove(ctx, km, current);
}

function create(ctx: MutationContext, m: KindMutation, spec: Spec): MutationResult {
  if (m.data === undefined)
    return rejected(m, 'invalid_data', 'A create needs data.', [{ path: '', message: msg.required }]);
  const parsed = spec.schema.safeParse(m.data);
  if (!parsed.success) return invalid(m, parsed.error);
  const taken = findRecordAnyTeam(ctx.db, m.id);
  const own = taken?.teamId === ctx.user.teamId ? findRecord(ctx.db, ctx.user.teamId, m.id) : undefined;
  // Restore: re-creating a deleted record by someone who has seen the deletion (baseRev = its rev),
  // e.g. "keep my version" of an edit-versus-delete conflict. It is an edit of that record.
  const restore = own?.deleted && own.kind === m.kind && m.baseRev === own.rev ? own : undefined;
  // Ids are global: a taken id is refused whether the owner is this team or another (never revealed).
  if (taken && !restore) return rejected(m, 'already_exists', 'A record with this id already exists.');
  const checked = rules(ctx, m, restore ? 'update' : 'create', restore, parsed.data as Doc);
  if (!checked.ok) return refused(m, checked.problem);
  const data = checked.data as Doc;
  const write = { kind: m.kind, data, deleted: false, updatedAt: ctx.now, updatedBy: ctx.user.id };
  if (restore) {
    const rev = restore.rev + 1;
    const fieldMeta = touchFields({}, Object.keys(data), rev, ctx.deviceId);
    return done(m, 'applied', updateRecord(ctx.db, { ...restore, ...write, rev, fieldMeta }));
  }
  const fieldMeta = touchFields({}, Object.keys(data), 1, ctx.deviceId);
  return done(m, 'applied', insertRecord(ctx.db, { ...write, id: m.id, teamId: ctx.user.teamId, rev: 1, fieldMeta }));
}

function update(ctx: MutationContext, m: KindMutation, spec: Spec, current: RecordRow): MutationResult {
  const raw = m.data ?? {};
  const partial = z.partial(spec.base).safeParse(raw);
  if (!partial.success) return invalid(m, partial.error);
  // Only the fields sent: partial() would fill defaults for the others and overwrite them. Unknown
  // top-level fields are dropped, as zod does on create.
  const fields = Object.keys(raw).filter((f) => Object.hasOwn(spec.base.shape, f));
  // An update that changes nothing known is almost certainly a client bug: show it, don't ack it.
  if (fields.length === 0) {
    return rejected(m, 'invalid_data', 'An update needs at least one field of its kind.', [
      { path: '', message: msg.required },
    ]);
  }
  const parsedPatch = partial.data as Doc;
  const patch: Doc = Object.fromEntries(fields.map((f) => [f, parsedPatch[f]]));
  // Cross-field rules (e.g. CPR versus birth date) are checked on the merged document.
  const merged = spec.schema.safeParse({ ...current.data, ...patch });
  if (!merged.success && !current.deleted) return invalid(m, merged.error);
  // The write rules come before merge and conflict: a change to a final record is refused, never
  // turned into a conflict that someone might resolve in its favour.
  if (!current.deleted) {
    const checked = rules(ctx, m, 'update', current, merged.data as Doc);
    if (!checked.ok) return refused(m, checked.problem);
    Object.assign(patch, stampedFields(current.data, checked.data as Doc));
  }
  const decision = decideUpdate({
    current,
    baseRev: m.baseRev,
    deviceId: ctx.deviceId,
    patch,
    mergeable: spec.mergeable,
  });
  if (decision.outcome === 'conflict') return conflict(ctx, m, current, patch, decision.fields);
  const next = { ...current.data, ...patch };
  const rev = current.rev + 1;
  const written = Object.keys(patch);
  const changedFields = written.filter((f) => !sameValue(patch[f], current.data[f]));
  const row = updateRecord(ctx.db, {
    ...current,
    rev,
    data: next,
    // Fields whose value changes take the writer's mark; a field set to the value it already had
    // keeps its writer, and this device joins those who own the value (decide.ts).
    fieldMeta: agreeFields(
      touchFields(current.fieldMeta, changedFields, rev, ctx.deviceId),
      written.filter((f) => !changedFields.includes(f)),
      ctx.deviceId,
    ),
    updatedAt: ctx.now,
    updatedBy: ctx.user.id,
  });
  return done(m, decision.outcome === 'merge' ? 'merged' : 'applied', row);
}

/** The fields only the server writes: names from the login and its own times (write-rules.ts). */
const serverFields = ['author', 'authorId', 'signedBy', 'signedById', 'serverSignedAt', 'recordedAt'];

/** The server's fields the write rules set or kept that differ from `before`: written with the patch. */
function stampedFields(before: Doc, after: Doc): Doc {
  return Object.fromEntries(
    serverFields.filter((f) => f in after && !sameValue(after[f], before[f])).map((f) => [f, after[f]]),
  );
}

function remove(ctx: MutationContext, m: KindMutation, current: RecordRow): MutationResult {
  const decision = decideDelete({ current, baseRev: m.baseRev, deviceId: ctx.deviceId });
  // Deleting a deleted record: the wanted state holds; acknowledged without a new revision.
  if (decision.outcome === 'noop') return done(m, 'applied', current);
  const checked = rules(ctx, m, 'delete', current, null);
  if (!checked.ok) return refused(m, checked.problem);
  if (decision.outcome === 'conflict') return conflict(ctx, m, current, null, decision.fields);
  // Soft delete: the data stays, so a deletion can be reviewed and undone.
  const row = updateRecord(ctx.db, {
    ...current,
    rev: current.rev + 1,
    deleted: true,
    updatedAt: ctx.now,
    updatedBy: ctx.user.id,
  });
  return done(m, 'applied', row);
}

function conflict(ctx: MutationContext, m: Mutation, current: RecordRow, mine: Doc | null, fields: string[]) {
  const record = createConflict(ctx.db, {
    user: ctx.user,
    deviceId: ctx.deviceId,
    mutation: m,
    mine,
    current,
    fields,
    now: ctx.now,
  });
  return {
    mutationId: m.mutationId,
    status: 'conflict',
    rev: current.rev,
    record: canonical(current),
    conflictId: record.id,
  } as const;
}

const resolution = z.strictObject(conflictResolutionSchema.shape);

/** Conflicts are made by the server; a client may only mark one resolved. */
function resolveConflict(ctx: MutationContext, m: Mutation): MutationResult {
  const onlyResolve = 'Conflicts are created by the server; a client may only set {"status": "resolved"}.';
  if (m.op !== 'update' || !resolution.safeParse(m.data ?? {}).success) return rejected(m, 'forbidden', onlyResolve);
  const current = findRecord(ctx.db, ctx.user.teamId, m.id);
  if (!current || current.kind !== m.kind || current.deleted) return notFound(m);
  // Two people resolving the same conflict agree: the second is acknowledged without a new revision.
  if (current.data.status === 'resolved') return done(m, 'applied', current);
  const data = conflictSchema.parse({
    ...current.data,
    status: 'resolved',
    resolvedBy: ctx.user.displayName,
    resolvedAt: ctx.now,
  });
  const rev = current.rev + 1;
  const fieldMeta = touchFields(current.fieldMeta, ['status', 'resolvedBy', 'resolvedAt'], rev, ctx.deviceId);
  return done(
    m,
    'applied',
    updateRecord(ctx.db, { ...current, rev, data, fieldMeta, updatedAt: ctx.now, updatedBy: ctx.user.id }),
  );
}
