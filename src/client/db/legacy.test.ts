/**
 * The upgrade from the plain store of the previous version: everything moves into the user's
 * encrypted store in one transaction, the plain database is deleted, and an interrupted upgrade
 * loses nothing and is simply done again.
 */
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type PlainContents, writePlainStore } from '../../../tests/fixtures/plain-store.ts';
import { openTestStore } from '../../../tests/setup/test-store.ts';
import { LEGACY_DB, migrateLegacy, readLegacy } from './legacy.ts';
import { LocalStore } from './local-store.ts';

const familyId = crypto.randomUUID();
const childId = crypto.randomUUID();
const noteId = crypto.randomUUID();
const userId = 'user-mette';

const plain = (owner = userId): PlainContents => ({
  rows: [
    { table: 'families', id: familyId, kind: 'family', rev: 3, seq: 30, data: { name: 'Familien Gammel' } },
    {
      table: 'children',
      id: childId,
      kind: 'child',
      rev: 1,
      seq: 31,
      data: { familyId, firstName: 'Ida', sex: 'pige', birthDate: '2025-01-02', cpr: '0201259876' },
    },
    {
      table: 'journalNotes',
      id: noteId,
      kind: 'journalNote',
      rev: 0,
      data: { familyId, childId, text: 'Usynkroniseret notat', author: 'Mette', authorId: owner, status: 'kladde' },
      sync: 'pending',
    },
  ],
  outbox: [
    { clientSeq: 7, kind: 'family', id: familyId, op: 'update', baseRev: 3, data: { address: 'Ny vej 1' } },
    { clientSeq: 8, kind: 'journalNote', id: noteId, op: 'create', baseRev: 0, data: { text: 'Usynkroniseret notat' } },
  ],
  meta: [
    { key: 'device', value: { deviceId: 'legacy-device-1', userName: 'Mette' } },
    { key: 'checkpoint', value: '31' },
    { key: 'lastSync', value: '2026-11-30T09:00:00.000Z' },
    { key: 'session', value: { token: 'old-token', user: { id: owner, username: 'mette' }, loginRequired: false } },
  ],
  quarantine: [{ table: 'families', key: 'x', raw: { broken: true }, reason: 'name: required' }],
});

let local: Awaited<ReturnType<typeof openTestStore>>;
beforeEach(async () => {
  local = await openTestStore({ userId });
});
afterEach(async () => {
  await local.remove();
  const { deleteDB } = await import('idb');
  await deleteDB(LEGACY_DB);
});

const legacyExists = async () => (await readLegacy()) !== null;

describe('upgrading the plain store', () => {
  it('moves records, outbox (in order), checkpoint and quarantine into the encrypted store, then deletes the plain one', async () => {
    await writePlainStore(plain());
    expect(await migrateLegacy(local.store, [])).toBe('migrated');
    expect(await legacyExists()).toBe(false);
    const again = await local.reopen();
    expect(again.state.get('family', familyId)).toMatchObject({ rev: 3, seq: 30, data: { name: 'Familien Gammel' } });
    expect(again.state.get('child', childId)?.data).toMatchObject({ cpr: '0201259876' });
    expect(again.state.get('journalNote', noteId)?.data).toMatchObject({ text: 'Usynkroniseret notat' });
    expect([...again.state.outbox.values()].map((e) => [e.clientSeq, e.op, e.data])).toEqual([
      [7, 'update', { address: 'Ny vej 1' }],
      [8, 'create', { text: 'Usynkroniseret notat' }],
    ]);
    expect(again.state.syncState(noteId)).toBe('pending');
    expect(again.state.meta.get('checkpoint')).toBe('31');
    expect(await again.quarantined()).toBe(1);
    // The next change continues the device's clientSeq.
    expect(again.state.maxClientSeq).toBe(8);
    again.close();
  });

  it('leaves another user’s plain store alone until she logs in', async () => {
    await writePlainStore(plain('user-hanne'));
    expect(await migrateLegacy(local.store, [])).toBe('other-user');
    expect(await legacyExists()).toBe(true);
    expect(local.store.state.get('family', familyId)).toBeUndefined();
  });

  it('an upgrade killed before its transaction committed imported nothing, and is done again in full', async () => {
    await writePlainStore(plain());
    // Killed mid-way: the import's one transaction never commits (here: the store closes under it).
    const killed = await local.reopen();
    const attempt = migrateLegacy(killed, []);
    killed.close();
    await attempt.catch(() => undefined);
    expect(await legacyExists()).toBe(true);
    const fresh = await LocalStore.open(userId, local.key);
    expect(fresh.state.get('family', familyId)).toBeUndefined();
    expect(await migrateLegacy(fresh, [])).toBe('migrated');
    expect(fresh.state.outbox.size).toBe(2);
    fresh.close();
  });

  it('after an upgrade that committed but was killed before deleting the plain store, only the deletion is repeated', async () => {
    await writePlainStore(plain());
    expect(await migrateLegacy(local.store, [])).toBe('migrated');
    await writePlainStore(plain()); // as if the deletion had not happened
    expect(await migrateLegacy(local.store, [])).toBe('cleaned');
    expect(local.store.state.outbox.size).toBe(2);
    expect(await legacyExists()).toBe(false);
  });

  it('no plaintext remains in IndexedDB after the upgrade', async () => {
    await writePlainStore(plain());
    await migrateLegacy(local.store, []);
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).not.toContain(LEGACY_DB);
    const db = await openDB(`tusind-dage-u-${userId}`);
    const text = JSON.stringify([...(await db.getAll('segments')), ...(await db.getAll('quarantine'))], (_k, v) =>
      v instanceof Uint8Array ? new TextDecoder('latin1').decode(v) : v,
    );
    db.close();
    for (const secret of ['Familien Gammel', '0201259876', 'Usynkroniseret', 'old-token', 'broken']) {
      expect(text).not.toContain(secret);
    }
  });
});
