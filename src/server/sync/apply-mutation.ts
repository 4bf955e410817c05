/**
 * One mutation of a push, inside the push transaction: validates it against its kind's shared zod
 * schema, decides apply / merge / conflict (decide.ts) and writes. Every outcome is a result the
 * device can act on; bad data is a per-mutation `rejected`, never an HTTP error, so one bad record
 * never blocks the rest of the outbox.
 */
import type { Database } from 'better-sqlite3';
import * as z from 'zod/mini';
import { conflictResolutionSchema, conflictSchema } from '../../shared/schemas/conflict.ts';
import { msg } from '../../shared/schemas/fields.ts';
import { isRecordKind, kinds } from '../../shared/schemas/kinds.ts';
import type { Mutation, MutationResult, RejectionCode } from '../../shared/sync/protocol.ts';
import type { UserRow } from '../store/accounts.ts';
import {
  canonical,
  findRecord,
  findRecordAnyTeam,
  insertRecord,
  type RecordRow,
  updateRecord,
} from '../store/records.ts';
import { createConflict } from './conflicts.ts';
import { agreeFields, decideDelete, decideUpdate, sameValue, touchFields } from './decide.ts';
import { isFinal, mayWrite } from './permissions.ts';
import { type IssueDetail, issueDetails } from './validation.ts';

export type MutationContext = { db: Database; user: UserRow; deviceId: string; now: string };

type Spec = { schema: z.ZodMiniType; base: z.ZodMiniObject; mergeable: boolean; serverCreated?: boolean };
type Doc = Record<string, unknown>;

export function rejected(m: Mutation, code: RejectionCode, message: string, details?: IssueDetail[]): MutationResult {
  const error = details === undefined ? { code, message } : { code, message, details };
  return { mutationId: m.mutationId, status: 'rejected', error };
}

const invalid = (m: Mutation, error: z.core.$ZodError) =>
  rejected(m, 'invalid_data', 'The data does not match the schema of its kind.', issueDetails(error));

const notFound = (m: Mutation) => rejected(m, 'not_found', `No ${m.kind} record with this id in your team.`);

const done = (m: Mutation, status: 'applied' | 'merged', row: RecordRow): MutationResult => ({
  mutationId: m.mutationId,
  status,
  rev: row.rev,
  record: canonical(row),
});

export function applyMutation(ctx: MutationContext, m: Mutation): MutationResult {
  // Unknown kinds are refused: the server stores only what it can validate.
  if (!isRecordKind(m.kind)) return rejected(m, 'unknown_kind', `Unknown record kind "${m.kind}".`);
  // The role hook: some kinds may later be writable by leaders only.
  if (!mayWrite(ctx.user.role, m.kind)) return rejected(m, 'forbidden', `Your role may not change ${m.kind} records.`);
  const spec: Spec = kinds[m.kind];
  if (spec.serverCreated) return resolveConflict(ctx, m);
  if (m.op === 'create') return create(ctx, m, spec);
  // An update or delete must name a record of this kind in the user's team; other teams are invisible.
  const current = findRecord(ctx.db, ctx.user.teamId, m.id);
  if (!current || current.kind !== m.kind) return notFound(m);
  // Signed is final: corrections are new records (amendments), never edits or deletions.
  if (isFinal(current.kind, current.data) && !current.deleted) {
    return rejected(m, 'forbidden', 'A signed record is final; add a correction instead.');
  }
  return m.op === 'update' ? update(ctx, m, spec, current) : remove(ctx, m, current);
}

function create(ctx: MutationContext, m: Mutation, spec: Spec): MutationResult {
  if (m.data === undefined)
    return rejected(m, 'invalid_data', 'A create needs data.', [{ path: '', message: msg.required }]);
  const parsed = spec.schema.safeParse(m.data);
  if (!parsed.success) return invalid(m, parsed.error);
  const data = parsed.data as Doc;
  const write = { kind: m.kind, data, deleted: false, updatedAt: ctx.now, updatedBy: ctx.user.id };
  const taken = findRecordAnyTeam(ctx.db, m.id);
  if (taken) {
    const own = taken.teamId === ctx.user.teamId ? findRecord(ctx.db, ctx.user.teamId, m.id) : undefined;
    // Restore: re-creating a deleted record by someone who has seen the deletion (baseRev = its rev),
    // e.g. "keep my version" of an edit-versus-delete conflict.
    if (own?.deleted && own.kind === m.kind && m.baseRev === own.rev) {
      const rev = own.rev + 1;
      const row = updateRecord(ctx.db, {
        ...own,
        ...write,
        rev,
        fieldMeta: touchFields({}, Object.keys(data), rev, ctx.deviceId),
      });
      return done(m, 'applied', row);
    }
    // Ids are global: a taken id is refused whether the owner is this team or another (never revealed).
    return rejected(m, 'already_exists', 'A record with this id already exists.');
  }
  const fieldMeta = touchFields({}, Object.keys(data), 1, ctx.deviceId);
  return done(m, 'applied', insertRecord(ctx.db, { ...write, id: m.id, teamId: ctx.user.teamId, rev: 1, fieldMeta }));
}

function update(ctx: MutationContext, m: Mutation, spec: Spec, current: RecordRow): MutationResult {
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
  const decision = decideUpdate({
    current,
    baseRev: m.baseRev,
    deviceId: ctx.deviceId,
    patch,
    mergeable: spec.mergeable,
  });
  if (decision.outcome === 'conflict') return conflict(ctx, m, current, patch, decision.fields);
  // Cross-field rules (e.g. CPR versus birth date) are checked on the merged document.
  const merged = spec.schema.safeParse({ ...current.data, ...patch });
  if (!merged.success) return invalid(m, merged.error);
  const rev = current.rev + 1;
  const changedFields = fields.filter((f) => !sameValue(patch[f], current.data[f]));
  const row = updateRecord(ctx.db, {
    ...current,
    rev,
    data: merged.data as Doc,
    // Fields whose value changes take the writer's mark; a field set to the value it already had
    // keeps its writer, and this device joins those who own the value (decide.ts).
    fieldMeta: agreeFields(
      touchFields(current.fieldMeta, changedFields, rev, ctx.deviceId),
      fields.filter((f) => !changedFields.includes(f)),
      ctx.deviceId,
    ),
    updatedAt: ctx.now,
    updatedBy: ctx.user.id,
  });
  return done(m, decision.outcome === 'merge' ? 'merged' : 'applied', row);
}

function remove(ctx: MutationContext, m: Mutation, current: RecordRow): MutationResult {
  const decision = decideDelete({ current, baseRev: m.baseRev, deviceId: ctx.deviceId });
  // Deleting a deleted record: the wanted state holds; acknowledged without a new revision.
  if (decision.outcome === 'noop') return done(m, 'applied', current);
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
