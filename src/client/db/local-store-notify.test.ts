/**
 * When live queries hear of store changes (decision 0074): background changes (pulled pages, push
 * answers) are coalesced to at most one notification per window, the first at once and the last
 * at the window's end; a person's change and the end of a sync are told at once; closing the
 * store cancels a pending notification.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openTestStore } from '../../../tests/setup/test-store.ts';
import type { PullResponse } from '../../shared/sync/protocol.ts';
import type { SyncRecord } from '../../shared/sync/record.ts';
import { localSyncStore } from '../sync/local-store-sync.ts';
import { LAST_SYNC } from '../sync/sync-meta-keys.ts';
import { COALESCE_MS } from './local-store.ts';
import { recordWriter } from './records.ts';

let local: Awaited<ReturnType<typeof openTestStore>>;
/** What the listener saw at each notification: the value of the meta key `n` at that moment. */
let seen: unknown[];
beforeEach(async () => {
  local = await openTestStore();
  seen = [];
  local.store.subscribe(() => seen.push(local.store.state.meta.get('n')));
  // Only timers and the clock are fake: fake-indexeddb schedules its work with setImmediate.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  // Well past the window of the notification the test store's own setup made.
  vi.setSystemTime(Date.now() + 10 * COALESCE_MS);
});
afterEach(async () => {
  vi.useRealTimers();
  await local.remove();
});

const background = (n: number) => local.store.transact((tx) => tx.setMeta('n', n), { background: true });

const record = (i: number): SyncRecord => ({
  kind: 'family',
  id: `fam-${i}`,
  rev: 1,
  seq: i,
  deleted: false,
  updatedAt: '2026-05-12T08:00:00.000Z',
  updatedBy: 'Server',
  data: { name: `Familien ${i}`, address: '' },
});
const page = (from: number, hasMore: boolean): PullResponse => ({
  changes: [0, 1, 2].map((k) => record(from + k)),
  conflicts: [],
  nextSince: String(from + 2),
  hasMore,
});

describe('store change notifications', () => {
  it('coalesces rapid background changes into at most two notifications, the last showing the final state', async () => {
    for (let n = 1; n <= 12; n += 1) await background(n);
    expect(seen).toEqual([1]);
    expect(local.store.notificationPending).toBe(true);
    vi.advanceTimersByTime(COALESCE_MS);
    expect(seen).toEqual([1, 12]);
    expect(local.store.notificationPending).toBe(false);
    vi.advanceTimersByTime(10 * COALESCE_MS);
    expect(seen).toHaveLength(2);
  });

  it('tells of steady background changes at most once per window, and always of the last one', async () => {
    // A change every COALESCE_MS / 5 for 4 windows: 20 changes, at most 5 notifications.
    for (let n = 1; n <= 20; n += 1) {
      await background(n);
      vi.advanceTimersByTime(COALESCE_MS / 5);
    }
    vi.advanceTimersByTime(COALESCE_MS);
    expect(seen.length).toBeLessThanOrEqual(5);
    expect(seen.length).toBeGreaterThanOrEqual(4);
    expect(seen.at(-1)).toBe(20);
  });

  it("tells of a person's save at once, with the background changes pending before it", async () => {
    await background(1);
    await background(2);
    expect(seen).toEqual([1]);
    const id = await recordWriter(() => local.store).create('family', { name: 'Familien Nu' });
    // Told before any timer ran: the save and the pending change, in one notification.
    expect(seen).toEqual([1, 2]);
    expect(local.store.state.get('family', id)).toBeDefined();
    expect(local.store.notificationPending).toBe(false);
    vi.advanceTimersByTime(10 * COALESCE_MS);
    expect(seen).toHaveLength(2);
  });

  it('never holds back a change that queues a mutation, even when marked background', async () => {
    await background(1);
    await local.store.transact(
      (tx) => {
        tx.setMeta('n', 2);
        tx.enqueue({
          mutationId: crypto.randomUUID(),
          kind: 'family',
          id: 'fam-x',
          op: 'create',
          baseRev: 0,
          data: { name: 'Familien X' },
          createdAt: new Date().toISOString(),
          state: 'pending',
        });
      },
      { background: true },
    );
    expect(seen).toEqual([1, 2]);
    expect(local.store.notificationPending).toBe(false);
  });

  it('tells of a change without the background mark at once (the end of a sync)', async () => {
    await background(1);
    await local.store.transact((tx) => tx.setMeta('n', 2));
    await local.store.transact((tx) => tx.setMeta('n', 3));
    expect(seen).toEqual([1, 2, 3]);
  });

  it('a pull through the sync seam is coalesced, and its end (recordSuccess) is shown at once', async () => {
    const store = localSyncStore(() => local.store);
    const heard: { families: number; lastSync: unknown }[] = [];
    local.store.subscribe(() =>
      heard.push({
        families: local.store.state.countOf('family'),
        lastSync: local.store.state.meta.get(LAST_SYNC),
      }),
    );
    for (let p = 0; p < 6; p += 1) await store.applyPullPage(page(p * 3, p < 5));
    expect(heard).toHaveLength(1);
    await store.recordSuccess();
    expect(heard).toHaveLength(2);
    expect(heard.at(-1)).toEqual({ families: 18, lastSync: expect.any(String) });
    expect(local.store.notificationPending).toBe(false);
  });

  it('holds a background change back at most one window, even when the clock was set back', async () => {
    await background(1);
    vi.setSystemTime(Date.now() - 60 * 60 * 1000);
    await background(2);
    vi.advanceTimersByTime(COALESCE_MS);
    expect(seen).toEqual([1, 2]);
  });

  it('closing the store cancels a pending notification', async () => {
    await background(1);
    await background(2);
    expect(local.store.notificationPending).toBe(true);
    local.store.close();
    expect(local.store.notificationPending).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(10 * COALESCE_MS);
    expect(seen).toEqual([1]);
  });
});
