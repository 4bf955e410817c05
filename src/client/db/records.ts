/**
 * Writing records: each create, edit or delete is ONE atomic change of the store (local-store.ts)
 * that writes the record and appends its mutation to the outbox, sealed in one IndexedDB value, so
 * a change is never saved without being queued for sync, nor queued without being saved. The
 * promise resolves only after the write has committed: only then may the UI say "Gemt".
 */
import { type IndexName, type KindData, type RecordKind, registry, schemasOf } from '../../shared/schemas/kinds.ts';
import type { LocalStore, Tx } from './local-store.ts';
import { deviceInfoOf } from './meta.ts';
import type { LocalRow, OutboxEntry } from './state.ts';

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

export function outboxEntry(
  kind: RecordKind,
  id: string,
  op: OutboxEntry['op'],
  baseRev: number,
  data: Record<string, unknown> | null,
): Omit<OutboxEntry, 'clientSeq'> {
  return {
    mutationId: crypto.randomUUID(),
    kind,
    id,
    op,
    baseRev,
    data,
    createdAt: new Date().toISOString(),
    state: 'pending',
  };
}

/** The revision (and its data) a change is based on: what the person had in front of her. */
export type Base = { rev: number; data: Record<string, unknown> };

const snapshot = (row: LocalRow | undefined): Base | undefined =>
  row && !row.deleted ? { rev: row.rev, data: row.data } : undefined;

/** The base of a change to a record as the store holds it now (a form takes it when it opens). */
export const baseOf = (store: LocalStore, kind: RecordKind, id: string): Base | undefined =>
  snapshot(store.state.get(kind, id));

/**
 * What a change is based on: what was seen, unless the record moved on since. A later revision
 * that shows the same data (her own change acknowledged) was seen too; an earlier one never wins.
 */
function basis(seen: Base | undefined, current: LocalRow): Base {
  if (!seen || seen.rev >= current.rev || changedFields(seen.data, current.data).length === 0) {
    return { rev: current.rev, data: current.data };
  }
  return seen;
}

export function recordWriter(store: () => LocalStore) {
  const author = (tx: Tx) => deviceInfoOf(tx.getMeta('device')).userName;
  return {
    /** Creates a record; returns its new id. Throws ValidationError on invalid input. */
    async create<K extends RecordKind>(kind: K, input: unknown, id: string = crypto.randomUUID()): Promise<string> {
      const data = (await validate(kind, input)) as Record<string, unknown>;
      await store().transact((tx) => {
        if (tx.get(kind, id)) throw new Error(`${kind} ${id} already exists on this device`);
        const row: LocalRow<K> = {
          id,
          kind,
          rev: 0,
          updatedAt: new Date().toISOString(),
          updatedBy: author(tx),
          deleted: 0,
          data,
        };
        tx.put(row);
        tx.enqueue(outboxEntry(kind, id, 'create', 0, data));
      });
      return id;
    },

    /**
     * Saves the new whole document of an existing record; only the changed top-level fields go to
     * the outbox. Returns the changed fields (empty when nothing changed and nothing was written).
     *
     * The change is based on what the person saw: `base` (the row a form was filled from), or else
     * the row as it is when this is called, read before any await. A pull that lands meanwhile (a
     * colleague's edit) is then neither reverted by the old values of the fields she did not touch
     * nor claimed as seen: the mutation names the older revision, and the server merges or keeps a
     * conflict (sync-protocol.md, guarantee 2).
     */
    async update<K extends RecordKind>(kind: K, id: string, input: unknown, base?: Base): Promise<string[]> {
      const seen = base ?? snapshot(store().state.get(kind, id));
      const data = (await validate(kind, input)) as Record<string, unknown>;
      return store().transact((tx) => {
        const current = tx.get(kind, id);
        if (!current || current.deleted) throw new Error(`${kind} ${id} does not exist on this device`);
        const from = basis(seen, current);
        const changed = changedFields(from.data, data);
        if (changed.length === 0) return changed;
        const patch = Object.fromEntries(changed.map((key) => [key, data[key] ?? null]));
        const next = from.rev === current.rev ? data : { ...current.data, ...patch };
        tx.put({ ...current, data: next, updatedAt: new Date().toISOString(), updatedBy: author(tx) });
        tx.enqueue(outboxEntry(kind, id, 'update', from.rev, patch));
        return changed;
      });
    },

    /** Marks a record deleted (kept locally as a tombstone until the server confirms); based as update. */
    async remove(kind: RecordKind, id: string, base?: Pick<Base, 'rev'>): Promise<void> {
      const seen: Pick<Base, 'rev'> | undefined = base ?? snapshot(store().state.get(kind, id));
      await store().transact((tx) => {
        const current = tx.get(kind, id);
        if (!current || current.deleted) return;
        const rev = seen && seen.rev < current.rev ? seen.rev : current.rev;
        tx.put({ ...current, deleted: 1, updatedAt: new Date().toISOString() });
        tx.enqueue(outboxEntry(kind, id, 'delete', rev, null));
      });
    },
  };
}

export type RecordWriter = ReturnType<typeof recordWriter>;
