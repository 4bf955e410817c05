import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore } from '../../../tests/setup/test-store.ts';
import { newDataKey } from './crypto.ts';
import { LocalStore, storeName, WrongKeyError } from './local-store.ts';
import { recordWriter } from './records.ts';

let local: Awaited<ReturnType<typeof openTestStore>>;
beforeEach(async () => {
  local = await openTestStore();
});
afterEach(() => local.remove());

const cpr = '1403259876';

/** Every value IndexedDB holds for the store, as raw bytes and structure (what a thief could read). */
async function rawValues(userId: string) {
  const db = await openDB(storeName(userId));
  const values = [];
  for (const name of db.objectStoreNames) values.push(...(await db.getAll(name)));
  db.close();
  return values as { iv: Uint8Array; ct: Uint8Array }[];
}

const asText = (value: unknown) =>
  JSON.stringify(value, (_k, v) => (v instanceof Uint8Array ? new TextDecoder('latin1').decode(v) : v));

describe('the encrypted store', () => {
  it('keeps what was written through a reload: records, outbox and meta, read back from IndexedDB', async () => {
    const writer = recordWriter(() => local.store);
    const familyId = await writer.create('family', { name: 'Familien Krypto', address: 'Hemmelig Vej 7' });
    await writer.create('child', { familyId, firstName: 'Alma', sex: 'pige', birthDate: '2025-03-14', cpr });
    await local.store.transact((tx) => tx.setMeta('session', { token: 'tok-secret-123' }));
    const again = await local.reopen();
    expect(again.state.get('family', familyId)?.data).toMatchObject({ name: 'Familien Krypto' });
    expect([...again.state.outbox.values()].map((e) => e.op)).toEqual(['create', 'create']);
    expect(again.state.meta.get('session')).toEqual({ token: 'tok-secret-123' });
    again.close();
  });

  it('stores only ciphertext: no name, address, CPR or token in any IndexedDB value, and a fresh IV per write', async () => {
    const writer = recordWriter(() => local.store);
    const familyId = await writer.create('family', { name: 'Familien Krypto', address: 'Hemmelig Vej 7' });
    await writer.create('child', { familyId, firstName: 'Alma', sex: 'pige', birthDate: '2025-03-14', cpr });
    await local.store.transact((tx) => tx.setMeta('session', { token: 'tok-secret-123' }));
    await writer.update('family', familyId, { name: 'Familien Krypto', address: 'Hemmelig Vej 7', notes: 'x' });
    const values = await rawValues(local.userId);
    expect(values.length).toBeGreaterThanOrEqual(4);
    const text = asText(values);
    for (const secret of ['Krypto', 'Hemmelig', cpr, '140325', 'tok-secret-123', 'Alma', 'familyId', 'name'])
      expect(text).not.toContain(secret);
    for (const v of values)
      expect(
        Object.keys(v)
          .filter((k) => k !== 'later')
          .sort(),
      ).toEqual(['ct', 'iv']);
    const ivs = new Set(values.map((v) => asText(v.iv)));
    expect(ivs.size).toBe(values.length);
  });

  it('a key that is not the store’s opens nothing and quarantines nothing', async () => {
    await recordWriter(() => local.store).create('family', { name: 'Familien Nøgle' });
    await expect(LocalStore.open(local.userId, await newDataKey())).rejects.toBeInstanceOf(WrongKeyError);
    const again = await local.reopen();
    expect(await again.quarantined()).toBe(0);
    again.close();
  });

  it('a damaged segment is quarantined (still sealed) and the rest opens', async () => {
    const writer = recordWriter(() => local.store);
    const a = await writer.create('family', { name: 'Familien A' });
    const b = await writer.create('family', { name: 'Familien B' });
    local.store.close();
    const db = await openDB(storeName(local.userId));
    const keys = (await db.getAllKeys('segments')) as number[];
    const last = keys.at(-1) as number;
    const value = (await db.get('segments', last)) as { iv: Uint8Array; ct: Uint8Array };
    value.ct[5] = (value.ct[5] ?? 0) ^ 0xff;
    await db.put('segments', value, last);
    db.close();
    const again = await local.reopen();
    expect(again.state.get('family', a)?.data.name).toBe('Familien A');
    expect(again.state.get('family', b)).toBeUndefined();
    expect(await again.quarantined()).toBe(1);
    again.close();
  });

  it('compacts many segments into few, atomically, with the same state', async () => {
    const writer = recordWriter(() => local.store);
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push(await writer.create('family', { name: `Familien ${i}` }));
    expect(await local.store.segmentCount()).toBeGreaterThanOrEqual(30);
    await local.store.compact();
    expect(await local.store.segmentCount()).toBe(1);
    const again = await local.reopen();
    expect(ids.map((id) => again.state.get('family', id)?.data.name)).toEqual(ids.map((_, i) => `Familien ${i}`));
    expect(again.state.outbox.size).toBe(30);
    // clientSeq keeps growing after a compaction.
    const next = await recordWriter(() => again).create('family', { name: 'Efter' });
    expect([...again.state.outbox.values()].find((e) => e.id === next)?.clientSeq).toBe(31);
    again.close();
  });

  it('a second tab sees the first tab’s writes, and both number the outbox without gaps or repeats', async () => {
    const tab2 = await local.reopen();
    const w1 = recordWriter(() => local.store);
    const w2 = recordWriter(() => tab2);
    const [x, y] = await Promise.all([
      w1.create('family', { name: 'Fra fane 1' }),
      w2.create('family', { name: 'Fra fane 2' }),
    ]);
    await w1.create('family', { name: 'Igen fra fane 1' });
    const third = await local.reopen();
    expect(third.state.get('family', x)?.data.name).toBe('Fra fane 1');
    expect(third.state.get('family', y)?.data.name).toBe('Fra fane 2');
    expect([...third.state.outbox.keys()].sort((a, b) => a - b)).toEqual([1, 2, 3]);
    tab2.close();
    third.close();
  });
});
