/**
 * Writing records: each create, edit or delete is ONE Dexie transaction that writes the record
 * (marked pending) and appends its mutation to the outbox, so a change is never saved without
 * being queued for sync, nor queued without being saved. The promise resolves only after the
 * transaction has committed: only then may the UI say "Gemt".
 */

import { type IndexName, type KindData, type RecordKind, registry, schemasOf } from '../../shared/schemas/kinds.ts';
import { encodePayload, rawData } from './codec.ts';
import { type LocalRecord, type OutboxEntry, type TusindDageDb, tableFor } from './db.ts';
import { getDeviceInfo } from './meta.ts';
import { deriveSyncState } from './sync-state.ts';

export type FieldIssue = { path: string; message: string };

export class ValidationError extends Error {
  readonly issues: FieldIssue[];
  constructor(issues: FieldIssue[]) {
    super(`invalid data: ${issues.map((i) => `${i.path} ${i.message}`).join(', ')}`);
    this.name = 'ValidationError';
    this.issues = issues;
  }
}

async function validate<K extends RecordKind>(kind: K, input: unknown): Promise<KindData[K]> {
  const { schema } = await schemasOf(kind);
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new ValidationError(result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  }
  return result.data as KindData[K];
}

type IndexFields = Partial<Record<IndexName, string>>;

/** The index fields of a record copied out of its data: those its kind's registry entry declares. */
export function indexFields(kind: RecordKind, data: Record<string, unknown>): IndexFields {
  const fields: IndexFields = {};
  for (const name of registry[kind].indexes) {
    const value = data[name];
    if (typeof value === 'string' && value !== '') fields[name] = value;
  }
  return fields;
}

/** Top-level fields whose value differs (by JSON value) between two documents. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key])).sort();
}

export function recordWriter(database: TusindDageDb) {
  const outboxEntry = (
    kind: RecordKind,
    id: string,
    op: OutboxEntry['op'],
    baseRev: number,
    data: Record<string, unknown> | null,
  ): OutboxEntry => ({
    mutationId: crypto.randomUUID(),
    kind,
    id,
    op,
    baseRev,
    data: data === null ? null : encodePayload(data),
    createdAt: new Date().toISOString(),
    state: 'pending',
  });

  return {
    /** Creates a record; returns its new id. Throws ValidationError on invalid input. */
    async create<K extends RecordKind>(kind: K, input: unknown, id: string = crypto.randomUUID()): Promise<string> {
      const data = (await validate(kind, input)) as Record<string, unknown>;
      const table = tableFor(kind, database);
      const device = await getDeviceInfo(database);
      await database.transaction('rw', [table, database.outbox], async () => {
        const row: LocalRecord<K> = {
          id,
          kind,
          rev: 0,
          updatedAt: new Date().toISOString(),
          updatedBy: device.userName,
          deleted: 0,
          sync: 'pending',
          payload: encodePayload(data),
          ...indexFields(kind, data),
        };
        await table.add(row);
        await database.outbox.add(outboxEntry(kind, id, 'create', 0, data));
      });
      return id;
    },

    /**
     * Saves the new whole document of an existing record; only the changed top-level fields go to
     * the outbox. Returns the changed fields (empty when nothing changed and nothing was written).
     */
    async update<K extends RecordKind>(kind: K, id: string, input: unknown): Promise<string[]> {
      const data = (await validate(kind, input)) as Record<string, unknown>;
      const table = tableFor(kind, database);
      const device = await getDeviceInfo(database);
      return database.transaction('rw', [table, database.outbox, database.conflicts], async () => {
        const current = await table.get(id);
        if (!current || current.deleted) throw new Error(`${kind} ${id} does not exist on this device`);
        const before = rawData(current.payload);
        const changed = changedFields(before, data);
        if (changed.length === 0) return changed;
        const patch = Object.fromEntries(changed.map((key) => [key, data[key] ?? null]));
        const next: LocalRecord<K> = {
          ...current,
          payload: encodePayload(data),
          updatedAt: new Date().toISOString(),
          updatedBy: device.userName,
          sync: 'pending',
          ...indexFields(kind, data),
        };
        await database.outbox.add(outboxEntry(kind, id, 'update', current.rev, patch));
        next.sync = await deriveSyncState(database, id);
        await table.put(next);
        return changed;
      });
    },

    /** Marks a record deleted (kept locally as a tombstone until the server confirms). */
    async remove(kind: RecordKind, id: string): Promise<void> {
      const table = tableFor(kind, database);
      await database.transaction('rw', [table, database.outbox], async () => {
        const current = await table.get(id);
        if (!current || current.deleted) return;
        await table.put({ ...current, deleted: 1, sync: 'pending', updatedAt: new Date().toISOString() });
        await database.outbox.add(outboxEntry(kind, id, 'delete', current.rev, null));
      });
    },
  };
}

export type RecordWriter = ReturnType<typeof recordWriter>;
