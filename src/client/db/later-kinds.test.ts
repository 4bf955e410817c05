/**
 * The largest kinds (LATER_KINDS: observations, instrument answers) are written to segments of
 * their own and decrypted just after unlock (decision 0075). These tests hold the rule that makes
 * this safe: what a reopened store shows once ready() resolves is exactly what was written, in the
 * order written — also with segments an older version wrote mixed — and no read sees them missing.
 */
import fc from 'fast-check';
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore } from '../../../tests/setup/test-store.ts';
import { sealJson } from './crypto.ts';
import { LocalStore, storeName } from './local-store.ts';
import { recordReader } from './reader.ts';
import type { LocalRow, SegmentBody } from './state.ts';

let local: Awaited<ReturnType<typeof openTestStore>>;
beforeEach(async () => {
  local = await openTestStore();
});
afterEach(() => local.remove());

const row = (kind: string, id: string, note: string, rev = 1): LocalRow =>
  ({
    id,
    kind,
    rev,
    updatedAt: '2026-12-01T10:00:00.000Z',
    updatedBy: 'u1',
    deleted: 0,
    data: { note, visitId: 'v1', childId: 'c1', familyId: 'f1' },
  }) as LocalRow;

const put = (store: LocalStore, ...rows: LocalRow[]) =>
  store.transact((tx) => {
    for (const r of rows) tx.put(r);
  });

/** What the state holds, comparable across stores (the compaction's snapshot, without meta order). */
const contents = (store: LocalStore) =>
  store.state
    .snapshot(1_000_000)
    .flatMap((b) => b.rows ?? [])
    .map((r) => `${r.kind}/${r.id}:${r.rev}:${String(r.data.note)}:${r.deleted}`)
    .sort();

async function rawSegments(userId: string) {
  const db = await openDB(storeName(userId));
  const values = (await db.getAll('segments')) as { later?: 1 }[];
  db.close();
  return values;
}

/** Appends a segment as a version before 0075 wrote it: one value, all kinds mixed, no mark. */
async function appendMixed(userId: string, key: CryptoKey, body: SegmentBody) {
  const db = await openDB(storeName(userId));
  await db.add('segments', await sealJson(key, body));
  db.close();
}

describe('later kinds: decrypted after the first screen, never shown missing', () => {
  it('a change with an observation is written as two values in one transaction, the second marked', async () => {
    const before = (await rawSegments(local.userId)).length;
    await put(local.store, row('family', 'f1', 'familie'), row('observation', 'o1', 'vægt'));
    const after = await rawSegments(local.userId);
    expect(after.length - before).toBe(2);
    expect(after.at(-2)?.later).toBeUndefined();
    expect(after.at(-1)?.later).toBe(1);
    // Both parts' ciphertext are bytes: a Blob value is refused by WebKit's IndexedDB (tests/webkit).
    expect((after.at(-1) as { ct: unknown }).ct).toBeInstanceOf(Uint8Array);
    expect((after.at(-2) as { ct: unknown }).ct).toBeInstanceOf(Uint8Array);
  });

  it('after a reopen the reader waits for them: an observation read right away is there', async () => {
    await put(local.store, row('family', 'f1', 'familie'), row('observation', 'o1', 'vægt 4,2 kg'));
    const again = await local.reopen();
    // The first pass has the family; the observation is still sealed…
    expect(again.state.get('family', 'f1')).toBeDefined();
    expect(again.waitsFor('observation')).toBe(true);
    expect(again.waitsFor('family')).toBe(false);
    // …but every read of the kind waits for it.
    const reader = recordReader(() => again);
    expect((await reader.get('observation', 'o1'))?.data).toMatchObject({ note: 'vægt 4,2 kg' });
    expect(again.waitsFor('observation')).toBe(false);
    again.close();
  });

  it('loads by itself shortly after unlock, and a write first brings them in', async () => {
    await put(local.store, row('observation', 'o1', 'første'));
    const again = await local.reopen();
    // A write right after unlock: its transaction sees the observation (and keeps its revision).
    await again.transact((tx) => {
      const found = tx.get('observation', 'o1');
      expect(found?.data.note).toBe('første');
      tx.put({ ...(found as LocalRow), rev: 2, data: { ...found?.data, note: 'anden' } });
    });
    expect(again.state.get('observation', 'o1')?.data.note).toBe('anden');
    const third = await local.reopen();
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(third.waitsFor('observation')).toBe(false);
    expect(third.state.get('observation', 'o1')?.data.note).toBe('anden');
    again.close();
    third.close();
  });

  it('a newer row or purge in a segment an older version wrote (mixed) wins over a marked one before it', async () => {
    await put(local.store, row('observation', 'o1', 'gammel'), row('observation', 'o2', 'bliver fjernet'));
    local.store.close();
    await appendMixed(local.userId, local.key, {
      v: 1,
      rows: [row('family', 'f2', 'ny familie'), row('observation', 'o1', 'nyere', 2)],
      purged: [['observation', 'o2']],
    });
    const reopened = await local.reopen();
    await reopened.ready();
    expect(reopened.state.get('observation', 'o1')?.data.note).toBe('nyere');
    expect(reopened.state.get('observation', 'o2')).toBeUndefined();
    expect(reopened.state.get('family', 'f2')).toBeDefined();
    reopened.close();
  });

  it('an older mixed segment loses to a marked one written after it', async () => {
    local.store.close();
    await appendMixed(local.userId, local.key, { v: 1, rows: [row('observation', 'o1', 'ældst')] });
    const mid = await local.reopen();
    await put(mid, row('observation', 'o1', 'nyest', 2));
    mid.close();
    const reopened = await local.reopen();
    await reopened.ready();
    expect(reopened.state.get('observation', 'o1')?.data.note).toBe('nyest');
    reopened.close();
  });

  it('property: any sequence of writes, purges and compactions reads back the same after a reopen', async () => {
    const kinds = ['family', 'child', 'observation', 'instrumentResponse'] as const;
    const op = fc.oneof(
      fc.record({
        t: fc.constant('put' as const),
        rows: fc.array(
          fc.record({ kind: fc.constantFrom(...kinds), id: fc.constantFrom('a', 'b', 'c'), n: fc.nat(9) }),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
      }),
      fc.record({
        t: fc.constant('purge' as const),
        kind: fc.constantFrom(...kinds),
        id: fc.constantFrom('a', 'b', 'c'),
      }),
      fc.record({ t: fc.constant('compact' as const) }),
      fc.record({
        t: fc.constant('mixed' as const),
        kind: fc.constantFrom(...kinds),
        id: fc.constantFrom('a', 'b'),
        n: fc.nat(9),
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        const t = await openTestStore();
        let store = t.store;
        try {
          for (const o of ops) {
            if (o.t === 'put') await put(store, ...o.rows.map((r) => row(r.kind, r.id, `${r.kind}${r.n}`, r.n + 1)));
            else if (o.t === 'purge') await store.transact((tx) => tx.purge(o.kind, o.id));
            else if (o.t === 'compact') await store.compact();
            else {
              // An older version's mixed segment, then this version goes on.
              store.close();
              await appendMixed(t.userId, t.key, { v: 1, rows: [row(o.kind, o.id, `mixed${o.n}`, o.n + 1)] });
              store = await t.reopen();
            }
          }
          await store.ready();
          const expected = contents(store);
          store.close();
          store = await t.reopen();
          await store.ready();
          expect(contents(store)).toEqual(expected);
        } finally {
          store.close();
          await t.remove();
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('the log read before the key (prefetch, while the KDF runs)', () => {
  it('opens with what was read, plus what another tab wrote or compacted since', async () => {
    await put(local.store, row('family', 'f1', 'før'), row('observation', 'o1', 'før'));
    const prefetched = await LocalStore.prefetch(local.userId);
    // Another tab goes on writing, and compacts, after the read.
    await put(local.store, row('family', 'f2', 'efter'), row('observation', 'o1', 'efter', 2));
    await local.store.compact();
    await put(local.store, row('observation', 'o2', 'sidst'));
    const again = await LocalStore.open(local.userId, local.key, {}, prefetched);
    await again.ready();
    expect(contents(again)).toEqual(contents(local.store));
    expect(again.state.get('observation', 'o1')?.data.note).toBe('efter');
    again.close();
  });

  it('a prefetch let go of (a wrong PIN) holds no connection: the store can be deleted', async () => {
    const prefetched = await LocalStore.prefetch(local.userId);
    prefetched.close();
    expect(prefetched.take()).toBeNull();
  });
});
