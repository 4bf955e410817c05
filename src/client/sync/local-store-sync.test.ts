import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore } from '../../../tests/setup/test-store.ts';
import type { MutationResult, PullResponse, PushRequest } from '../../shared/sync/protocol.ts';
import type { SyncRecord } from '../../shared/sync/record.ts';
import type { LocalStore } from '../db/local-store.ts';
import { recordWriter } from '../db/records.ts';
import { createSyncEngine, type SyncTransport } from './engine.ts';
import { localSyncStore } from './local-store-sync.ts';

let local: Awaited<ReturnType<typeof openTestStore>>;
let database: LocalStore;
beforeEach(async () => {
  local = await openTestStore();
  database = local.store;
});
afterEach(() => local.remove());

const row = (id: string) => {
  const r = database.state.get('family', id);
  return r && { ...r, sync: database.state.syncState(id) };
};
const outbox = () => [...database.state.outbox.values()];
/** Marks an outbox entry rejected, as a push answer would. */
const markRejected = (clientSeq: number) =>
  database.transact((tx) => {
    const entry = tx.entry(clientSeq);
    if (entry) tx.putEntry({ ...entry, state: 'rejected', error: { code: 'invalid_data', message: 'no' } });
  });

const record = (id: string, rev: number, data: Record<string, unknown>, seq = rev * 10): SyncRecord => ({
  kind: 'family',
  id,
  rev,
  seq,
  deleted: false,
  updatedAt: '2026-05-12T08:00:00.000Z',
  updatedBy: 'Server',
  data: { name: 'Familien Jensen', address: '', ...data },
});
const applied = (mutationId: string, rec: SyncRecord): MutationResult => ({
  mutationId,
  status: 'applied',
  rev: rec.rev,
  record: rec,
});
const rejected = (mutationId: string): MutationResult => ({
  mutationId,
  status: 'rejected',
  error: { code: 'invalid_data', message: 'no' },
});
const page = (changes: SyncRecord[], nextSince: string, hasMore = false): PullResponse => ({
  changes,
  conflicts: [],
  nextSince,
  hasMore,
});

describe('the store sync seam: a push answer is written as if one by one', () => {
  it('adopts a record only with the answer to its last queued change in the batch', async () => {
    const writer = recordWriter(() => database);
    const id = await writer.create('family', { name: 'Familien Jensen' });
    await writer.update('family', id, { name: 'Familien Jensen', address: 'Byvej 1' });
    const store = localSyncStore(() => database);
    const batch = await store.pendingBatch(10, 1e6);
    expect(batch.map((m) => m.op)).toEqual(['create', 'update']);
    const [create, update] = batch.map((m) => m.mutationId) as [string, string];
    await store.applyPushResults(batch, [
      applied(create, record(id, 1, {})),
      applied(update, record(id, 2, { address: 'Byvej 1' })),
    ]);
    expect(outbox()).toHaveLength(0);
    expect(row(id)).toMatchObject({
      rev: 2,
      sync: 'synced',
      data: { address: 'Byvej 1' },
    });
  });

  it('keeps the local row when a later change of it in the same batch is rejected', async () => {
    const writer = recordWriter(() => database);
    const id = await writer.create('family', { name: 'Familien Jensen' });
    await writer.update('family', id, { name: 'Familien Jensen', address: 'Byvej 1' });
    const store = localSyncStore(() => database);
    const batch = await store.pendingBatch(10, 1e6);
    const [create, update] = batch.map((m) => m.mutationId) as [string, string];
    await store.applyPushResults(batch, [applied(create, record(id, 1, {})), rejected(update)]);
    // At the create's answer the update was still queued: the row (the nurse's version) is kept.
    expect(row(id)).toMatchObject({
      rev: 0,
      sync: 'rejected',
      data: { address: 'Byvej 1' },
    });
    const left = outbox();
    expect(left.map((e) => [e.op, e.state])).toEqual([['update', 'rejected']]);
  });

  it('removes only the acknowledged entries, keeping an older rejected one between them', async () => {
    const writer = recordWriter(() => database);
    const a = await writer.create('family', { name: 'A' });
    const b = await writer.create('family', { name: 'B' });
    const c = await writer.create('family', { name: 'C' });
    await markRejected(2);
    const store = localSyncStore(() => database);
    const batch = await store.pendingBatch(10, 1e6);
    expect(batch.map((m) => m.clientSeq)).toEqual([1, 3]);
    await store.applyPushResults(
      batch,
      batch.map((m, i) => applied(m.mutationId, record(m.id, 1, { name: ['A', 'C'][i] }))),
    );
    expect(outbox().map((e) => [e.clientSeq, e.id])).toEqual([[2, b]]);
    expect([a, b, c].map((id) => row(id)?.sync)).toEqual(['synced', 'rejected', 'synced']);
  });

  it('reads batches after a given clientSeq, within the byte limit, never empty while entries wait', async () => {
    const writer = recordWriter(() => database);
    for (const name of ['A', 'B', 'C', 'D']) await writer.create('family', { name });
    const store = localSyncStore(() => database);
    expect((await store.pendingBatch(2, 1e6, 1)).map((m) => m.clientSeq)).toEqual([2, 3]);
    expect((await store.pendingBatch(10, 1e6, 3)).map((m) => m.clientSeq)).toEqual([4]);
    expect((await store.pendingBatch(10, 1, 0)).map((m) => m.clientSeq)).toEqual([1]);
    expect(await store.pendingBatch(10, 1e6, 4)).toEqual([]);
  });
});

describe('the store sync seam: a pulled page', () => {
  it('keeps rows with queued changes and newer rows, and never moves the checkpoint back', async () => {
    const writer = recordWriter(() => database);
    const queued = await writer.create('family', { name: 'Mine' });
    const newer = crypto.randomUUID();
    const fresh = crypto.randomUUID();
    const store = localSyncStore(() => database);
    await store.applyPullPage(page([record(newer, 3, { name: 'Rev 3' })], '30'));
    await store.applyPullPage(
      page([record(queued, 1, { name: 'Theirs' }), record(newer, 2, { name: 'Rev 2' }), record(fresh, 1, {})], '20'),
    );
    expect(row(queued)).toMatchObject({
      rev: 0,
      sync: 'pending',
      data: { name: 'Mine' },
    });
    expect(row(newer)).toMatchObject({ rev: 3, data: { name: 'Rev 3' } });
    expect(row(fresh)).toMatchObject({ rev: 1, sync: 'synced' });
    expect(await store.checkpoint()).toBe('30');
  });

  it('stores a large first page exactly as pulled, in one sealed segment per page', async () => {
    const store = localSyncStore(() => database);
    const records = Array.from({ length: 300 }, (_, i) => record(crypto.randomUUID(), 1, { name: `F${i}` }, i + 1));
    await store.applyPullPage(page(records.slice(0, 150), '150', true));
    await store.applyPullPage(page(records, '300'));
    const rows = [...database.state.rowsOf('family')].map((r) => ({ ...r, sync: database.state.syncState(r.id) }));
    expect(rows).toHaveLength(300);
    expect(rows.every((r) => r.sync === 'synced' && r.rev === 1)).toBe(true);
    expect(await store.checkpoint()).toBe('300');
    expect(await database.segmentCount()).toBe(3);
  });

  it('keeps records of a kind this version does not know, and writes them back on compaction', async () => {
    const store = localSyncStore(() => database);
    const future = { ...record(crypto.randomUUID(), 1, {}), kind: 'futureKind' };
    await store.applyPullPage(page([future], '5'));
    await database.compact();
    const again = await local.reopen();
    const snapshot = again.state.snapshot()[0];
    again.close();
    expect(snapshot?.rows?.some((r) => r.id === future.id && (r.kind as string) === 'futureKind')).toBe(true);
    expect(await store.checkpoint()).toBe('5');
  });
});

describe('sync engine: the next batch or page is requested while the last one is written', () => {
  it('sends batches one at a time, in order, and leaves an unwritten answer queued', async () => {
    const writer = recordWriter(() => database);
    for (const name of ['A', 'B', 'C', 'D', 'E']) await writer.create('family', { name });
    const sent: number[][] = [];
    const transport: SyncTransport = {
      async push(body: PushRequest) {
        sent.push(body.mutations.map((m) => m.clientSeq));
        return { results: body.mutations.map((m) => applied(m.mutationId, record(m.id, 1, {}))) };
      },
      async pull() {
        return page([], '0');
      },
    };
    const store = localSyncStore(() => database);
    let writes = 0;
    const failing = {
      ...store,
      applyPushResults: async (...args: Parameters<typeof store.applyPushResults>) => {
        writes += 1;
        if (writes === 2) throw new Error('disk full');
        return store.applyPushResults(...args);
      },
    };
    const engine = createSyncEngine({ store: failing, transport, schemaVersion: 1, batchSize: 2 });
    await expect(engine.syncOnce()).rejects.toThrow('disk full');
    // The second batch was answered but not written: it stays queued (a retry is a duplicate).
    expect(outbox().map((e) => e.clientSeq)).toEqual([3, 4, 5]);
    expect(sent).toEqual([[1, 2], [3, 4], [5]]);
    const again = createSyncEngine({ store, transport, schemaVersion: 1, batchSize: 2 });
    expect(await again.syncOnce()).toMatchObject({ pushed: 3 });
    expect(outbox()).toHaveLength(0);
  });

  it('moves the checkpoint only with a written page when the next request fails', async () => {
    const store = localSyncStore(() => database);
    const first = record(crypto.randomUUID(), 1, {}, 1);
    const cursors: string[] = [];
    const transport: SyncTransport = {
      push: async () => ({ results: [] }),
      async pull(since) {
        cursors.push(since);
        if (since === '1') throw new Error('connection dropped');
        return page([first], '1', true);
      },
    };
    const engine = createSyncEngine({ store, transport, schemaVersion: 1 });
    await expect(engine.syncOnce()).rejects.toThrow('connection dropped');
    expect(cursors).toEqual(['0', '1']);
    expect(await store.checkpoint()).toBe('1');
    expect(row(first.id)).toMatchObject({ rev: 1 });
  });
});
