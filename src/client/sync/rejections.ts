/**
 * Changes the server rejected stay in the outbox (state "rejected") until the nurse acts: try
 * again with the record's current local data, or export the change as a file. Rejected entries
 * never block the rest of the queue. A rejected creation that never reached the server may be
 * discarded explicitly; nothing is ever dropped silently.
 */
import type { LocalStore } from '../db/local-store.ts';
import type { OutboxEntry } from '../db/state.ts';
import { currentStore } from '../db/store.ts';

export type RejectedChange = {
  clientSeq: number;
  kind: string;
  recordId: string;
  op: OutboxEntry['op'];
  data: Record<string, unknown> | null;
  error: { code: string; message: string; details?: unknown };
  createdAt: string;
};

export async function rejectedChanges(store: LocalStore = currentStore()): Promise<RejectedChange[]> {
  return [...store.state.outbox.values()]
    .filter((e) => e.state === 'rejected')
    .map((e) => ({
      clientSeq: e.clientSeq,
      kind: e.kind,
      recordId: e.id,
      op: e.op,
      data: e.data,
      error: e.error ?? { code: 'rejected', message: '' },
      createdAt: e.createdAt,
    }));
}

/** Queues the change again (a new mutation) with the record's current local values. */
export async function retryRejected(clientSeq: number, store: LocalStore = currentStore()): Promise<void> {
  await store.transact((tx) => {
    const entry = tx.entry(clientSeq);
    if (entry?.state !== 'rejected') return;
    const row = tx.get(entry.kind as never, entry.id) as { rev: number; data: Record<string, unknown> } | undefined;
    const current = row?.data ?? null;
    let data = entry.data;
    if (current && entry.op === 'create') data = current;
    if (current && entry.op === 'update' && data) {
      data = Object.fromEntries(Object.keys(data).map((key) => [key, current[key] ?? null]));
    }
    tx.deleteEntry(clientSeq);
    tx.enqueue({
      mutationId: crypto.randomUUID(),
      kind: entry.kind,
      id: entry.id,
      op: entry.op,
      baseRev: row?.rev ?? entry.baseRev,
      data,
      createdAt: new Date().toISOString(),
      state: 'pending',
    });
  });
}

/** Only a rejected creation of a record the server never had can be discarded. */
export const canDiscard = (change: RejectedChange) => change.op === 'create';

export async function discardRejectedCreate(clientSeq: number, store: LocalStore = currentStore()): Promise<void> {
  await store.transact((tx) => {
    const entry = tx.entry(clientSeq);
    if (entry?.state !== 'rejected' || entry.op !== 'create') return;
    tx.deleteEntry(clientSeq);
    const row = tx.get(entry.kind as never, entry.id) as { rev: number } | undefined;
    if (row && row.rev === 0 && tx.entriesOf(entry.id).length === 0) tx.purge(entry.kind, entry.id);
  });
}

/** The change as a JSON document a person can keep or hand to support. */
export function exportRejected(change: RejectedChange): string {
  return JSON.stringify({ exportedAt: new Date().toISOString(), ...change }, null, 2);
}
