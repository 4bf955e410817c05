/**
 * The device's records, outbox and meta in memory, as decrypted at unlock, with the indexes the
 * registry declares (shared/schemas/kinds.ts, copied for the first screen in kind-indexes.ts) and the sync state of each record derived on read
 * (open conflict > rejected > pending > synced). The state only changes by applying a segment body
 * — the same body that was encrypted and written to IndexedDB — so what is in memory is exactly
 * what a reload reads back. Pure: no storage, no crypto, no clock.
 */
import { isKnownKind, kindIndexes } from '../../shared/schemas/kind-indexes.ts';
import type { IndexName, RecordKind } from '../../shared/schemas/kinds.ts';
import type { Mutation } from '../../shared/sync/protocol.ts';

/** synced: equals the server; pending: local changes in the outbox; conflict/rejected: needs a person. */
export type SyncState = 'synced' | 'pending' | 'conflict' | 'rejected';

export type LocalRow<K extends RecordKind = RecordKind> = {
  id: string;
  kind: K;
  /** The server's revision this row is based on; 0 until the server has the record. */
  rev: number;
  /** The server's commit sequence of this revision (absent until the server has it). */
  seq?: number;
  updatedAt: string;
  updatedBy: string;
  deleted: 0 | 1;
  data: Record<string, unknown>;
};

/** A mutation waiting for the server (or refused by it: kept, shown, never blocking the rest). */
export type OutboxEntry = Omit<Mutation, 'data'> & {
  data: Record<string, unknown> | null;
  createdAt: string;
  state: 'pending' | 'rejected';
  error?: { code: string; message: string; details?: unknown };
};

/** One atomic change of the state, as stored (encrypted) in one IndexedDB value. */
export type SegmentBody = {
  v: 1;
  /** A compaction's first segment: the state starts empty again. */
  reset?: boolean;
  rows?: LocalRow[];
  /** Rows removed from the device altogether (a discarded local-only create, a quarantined row). */
  purged?: [string, string][];
  outbox?: OutboxEntry[];
  outboxDeleted?: number[];
  meta?: [string, unknown][];
  metaDeleted?: string[];
};

/**
 * Kinds kept in segments of their own and decrypted just after the first screen at unlock: the
 * largest kinds (a visit's observations and instrument answers, ~45% of a team's store), which
 * neither the worklist nor the lock screen reads (docs/decisions/0075). Reads of them wait until
 * they are in memory (LocalStore.ready), so they are never shown missing.
 */
export const LATER_KINDS: ReadonlySet<string> = new Set(['observation', 'instrumentResponse']);

/**
 * Splits a change into the part read at unlock and the part with LATER_KINDS rows (and their
 * purges), written as two sealed values in one IndexedDB transaction. Either may be absent.
 */
export function splitBody(body: SegmentBody): { now: SegmentBody | null; later: SegmentBody | null } {
  const rows = body.rows ?? [];
  const purged = body.purged ?? [];
  const laterRows = rows.filter((r) => LATER_KINDS.has(r.kind));
  const laterPurged = purged.filter(([kind]) => LATER_KINDS.has(kind));
  if (laterRows.length + laterPurged.length === 0) return { now: body, later: null };
  const later: SegmentBody = { v: 1 };
  if (laterRows.length > 0) later.rows = laterRows;
  if (laterPurged.length > 0) later.purged = laterPurged;
  const now: SegmentBody = { ...body };
  delete now.rows;
  delete now.purged;
  if (laterRows.length < rows.length) now.rows = rows.filter((r) => !LATER_KINDS.has(r.kind));
  if (laterPurged.length < purged.length) now.purged = purged.filter(([kind]) => !LATER_KINDS.has(kind));
  const empty = Object.keys(now).every((k) => k === 'v');
  return { now: empty ? null : now, later };
}

const indexKey = (kind: string, field: string) => `${kind}:${field}`;
const CLIENT_SEQ_HIGH = 'clientSeqHigh';

export class StoreState {
  private readonly rows = new Map<string, Map<string, LocalRow>>();
  private readonly indexes = new Map<string, Map<string, Set<string>>>();
  /** Outbox entries by clientSeq, in ascending order (entries are only ever appended). */
  readonly outbox = new Map<number, OutboxEntry>();
  private readonly outboxOf = new Map<string, Set<number>>();
  private readonly openConflicts = new Map<string, Set<string>>();
  readonly meta = new Map<string, unknown>();
  maxClientSeq = 0;
  /** Rows of kinds this version of the app does not know (kept, never lost, written back on compaction). */
  private readonly unknown = new Map<string, LocalRow>();

  apply(body: SegmentBody): void {
    if (body.reset) this.clear();
    for (const row of body.rows ?? []) this.putRow(row);
    for (const [kind, id] of body.purged ?? []) this.purgeRow(kind, id);
    for (const clientSeq of body.outboxDeleted ?? []) this.deleteEntry(clientSeq);
    for (const entry of body.outbox ?? []) this.putEntry(entry);
    for (const key of body.metaDeleted ?? []) this.meta.delete(key);
    for (const [key, value] of body.meta ?? []) this.meta.set(key, value);
    // clientSeq only grows per device, also across a compaction that emptied the outbox.
    const high = this.meta.get(CLIENT_SEQ_HIGH);
    if (typeof high === 'number' && high > this.maxClientSeq) this.maxClientSeq = high;
  }

  private clear() {
    this.rows.clear();
    this.indexes.clear();
    this.outbox.clear();
    this.outboxOf.clear();
    this.openConflicts.clear();
    this.meta.clear();
    this.unknown.clear();
    this.maxClientSeq = 0;
  }

  private tableOf(kind: string) {
    let table = this.rows.get(kind);
    if (!table) {
      table = new Map();
      this.rows.set(kind, table);
    }
    return table;
  }

  private putRow(row: LocalRow) {
    if (!isKnownKind(row.kind)) {
      this.unknown.set(`${row.kind}/${row.id}`, row);
      return;
    }
    const table = this.tableOf(row.kind);
    const before = table.get(row.id);
    if (before) this.unindex(before);
    table.set(row.id, row);
    this.index(row);
  }

  private purgeRow(kind: string, id: string) {
    const row = this.rows.get(kind)?.get(id);
    if (row) {
      this.unindex(row);
      this.rows.get(kind)?.delete(id);
    }
    this.unknown.delete(`${kind}/${id}`);
  }

  private index(row: LocalRow) {
    for (const field of kindIndexes[row.kind] as readonly IndexName[]) {
      const value = row.data[field];
      if (typeof value !== 'string' || value === '') continue;
      const key = indexKey(row.kind, field);
      let byValue = this.indexes.get(key);
      if (!byValue) {
        byValue = new Map();
        this.indexes.set(key, byValue);
      }
      let ids = byValue.get(value);
      if (!ids) {
        ids = new Set();
        byValue.set(value, ids);
      }
      ids.add(row.id);
    }
    if (row.kind === 'conflict') {
      const recordId = row.data.recordId;
      if (typeof recordId === 'string' && row.data.status === 'open' && !row.deleted) {
        const set = this.openConflicts.get(recordId) ?? new Set<string>();
        set.add(row.id);
        this.openConflicts.set(recordId, set);
      }
    }
  }

  private unindex(row: LocalRow) {
    for (const field of kindIndexes[row.kind] as readonly IndexName[]) {
      const value = row.data[field];
      if (typeof value === 'string') this.indexes.get(indexKey(row.kind, field))?.get(value)?.delete(row.id);
    }
    if (row.kind === 'conflict' && typeof row.data.recordId === 'string') {
      this.openConflicts.get(row.data.recordId)?.delete(row.id);
    }
  }

  private putEntry(entry: OutboxEntry) {
    this.outbox.set(entry.clientSeq, entry);
    if (entry.clientSeq > this.maxClientSeq) this.maxClientSeq = entry.clientSeq;
    const set = this.outboxOf.get(entry.id) ?? new Set<number>();
    set.add(entry.clientSeq);
    this.outboxOf.set(entry.id, set);
  }

  private deleteEntry(clientSeq: number) {
    const entry = this.outbox.get(clientSeq);
    if (!entry) return;
    this.outbox.delete(clientSeq);
    const set = this.outboxOf.get(entry.id);
    set?.delete(clientSeq);
    if (set?.size === 0) this.outboxOf.delete(entry.id);
  }

  get<K extends RecordKind>(kind: K, id: string): LocalRow<K> | undefined {
    return this.rows.get(kind)?.get(id) as LocalRow<K> | undefined;
  }

  /** Every row of a kind, deleted ones (tombstones) included. */
  rowsOf<K extends RecordKind>(kind: K): IterableIterator<LocalRow<K>> {
    return (this.rows.get(kind)?.values() ?? new Map().values()) as IterableIterator<LocalRow<K>>;
  }

  countOf(kind: RecordKind): number {
    return this.rows.get(kind)?.size ?? 0;
  }

  byIndex<K extends RecordKind>(kind: K, field: IndexName, value: string): LocalRow<K>[] {
    const ids = this.indexes.get(indexKey(kind, field))?.get(value);
    if (!ids) return [];
    const table = this.rows.get(kind);
    const out: LocalRow<K>[] = [];
    for (const id of ids) {
      const row = table?.get(id);
      if (row) out.push(row as LocalRow<K>);
    }
    return out;
  }

  /** The outbox entries of a record, in clientSeq order. */
  entriesOf(id: string): OutboxEntry[] {
    const seqs = this.outboxOf.get(id);
    if (!seqs) return [];
    return [...seqs].sort((a, b) => a - b).map((s) => this.outbox.get(s) as OutboxEntry);
  }

  hasPending(id: string): boolean {
    for (const entry of this.entriesOf(id)) if (entry.state === 'pending') return true;
    return false;
  }

  syncState(id: string): SyncState {
    if ((this.openConflicts.get(id)?.size ?? 0) > 0) return 'conflict';
    const entries = this.entriesOf(id);
    if (entries.some((e) => e.state === 'rejected')) return 'rejected';
    return entries.length > 0 ? 'pending' : 'synced';
  }

  /** The whole state as segment bodies of at most `chunk` rows, the first one a reset (compaction). */
  snapshot(chunk = 2000): SegmentBody[] {
    const rows = [...[...this.rows.values()].flatMap((t) => [...t.values()]), ...this.unknown.values()];
    const bodies: SegmentBody[] = [
      {
        v: 1,
        reset: true,
        outbox: [...this.outbox.values()],
        meta: [...this.meta.entries(), [CLIENT_SEQ_HIGH, this.maxClientSeq]],
        rows: rows.slice(0, chunk),
      },
    ];
    for (let i = chunk; i < rows.length; i += chunk) bodies.push({ v: 1, rows: rows.slice(i, i + chunk) });
    return bodies;
  }
}
