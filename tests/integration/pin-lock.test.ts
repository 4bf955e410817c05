/**
 * The PIN and the lock against the real server (decision 0060): after a login the nurse chooses a
 * PIN (obvious ones refused); it opens her store offline; 5 wrong PINs drop the PIN's wrap so only
 * the password opens it; a tablet not synced for the server's DEVICE_STALE_DAYS is password-only;
 * the team's setting decides how many wrong passwords are allowed offline; locking writes pending
 * drafts first and empties memory; wipe by age never removes a store that may hold unsynced work.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceUser, saveDeviceUser } from '../../src/client/db/device-users.ts';
import { recordWriter } from '../../src/client/db/records.ts';
import { currentStore, hasCurrentStore, onBeforeLock, setCurrentStore } from '../../src/client/db/store.ts';
import { useLockState } from '../../src/client/sync/lock-state.ts';
import {
  choosePin,
  confirmWithPin,
  isStale,
  lock,
  login,
  rememberLockSettings,
  unlock,
  unlockPin,
  wipeByAge,
} from '../../src/client/sync/login.ts';
import { defaultLockSettings } from '../../src/shared/auth/lock-settings.ts';
import { addUser, PASSWORD, startTestServer, type TestServer } from './helpers/server-app.ts';

let server: TestServer;
const cheap = { alg: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 } as const;
const options = () => ({ baseUrl: server.url, kdf: cheap });
const PIN = '839174';
const DAY = 86_400_000;

beforeAll(async () => {
  server = await startTestServer();
  await addUser(server.store, { username: 'anna', team: 'Jammerbugt', name: 'Anna' });
  await addUser(server.store, { username: 'bente', team: 'Jammerbugt', name: 'Bente' });
});
afterAll(async () => {
  setCurrentStore(null);
  await server.close();
});

describe('the PIN', () => {
  let userId = '';
  let familyId = '';

  it('is asked for after the first login; obvious ones and a mistyped repeat are refused', async () => {
    expect(await login('anna', PASSWORD, options())).toMatchObject({ ok: true });
    userId = currentStore().userId;
    expect(useLockState.getState().choosingPin).toBe(true);
    expect(await choosePin('123456', '123456')).toBe('obvious');
    expect(await choosePin('240586', '240586')).toBe('obvious');
    expect(await choosePin('12345', '12345')).toBe('format');
    expect(await choosePin(PIN, '839175')).toBe('mismatch');
    expect((await deviceUser(userId))?.pin).toBeUndefined();
    expect(await choosePin(PIN, PIN)).toBe('ok');
    expect(useLockState.getState().choosingPin).toBe(false);
    const entry = await deviceUser(userId);
    expect(entry?.pin?.kdf).toMatchObject({ alg: 'argon2id', memoryKiB: 12288 });
    // The server's device rule came with the login.
    expect(entry?.staleAfterDays).toBe(7);
    // Nothing stored holds the PIN in any form but its wrap of the key.
    expect(JSON.stringify(entry)).not.toContain(PIN);
  });

  it('opens the store after a lock (offline: it never calls the server), and the lock writes a pending draft first', async () => {
    let typed: string | null = 'Familien Sidste Tastetryk';
    const unregister = onBeforeLock(async () => {
      if (typed) familyId = await recordWriter(currentStore).create('family', { name: typed });
      typed = null;
    });
    await lock();
    unregister();
    expect(hasCurrentStore()).toBe(false);
    expect(useLockState.getState().lastUnlockAt).toBe(0);
    expect(await unlockPin(userId, PIN)).toEqual({ outcome: 'ok' });
    expect(currentStore().state.get('family', familyId)?.data.name).toBe('Familien Sidste Tastetryk');
  });

  it('locking empties the decrypted state in memory', async () => {
    const store = currentStore();
    expect(store.state.countOf('family')).toBe(1);
    await lock();
    expect(store.state.countOf('family')).toBe(0);
    expect(store.state.get('family', familyId)).toBeUndefined();
  });

  it('after 5 wrong PINs, the PIN is gone and only the password opens the store; then a new PIN is chosen', async () => {
    for (let left = 4; left >= 1; left--) expect(await unlockPin(userId, '000001')).toEqual({ outcome: 'wrong', left });
    expect(await unlockPin(userId, '000002')).toEqual({ outcome: 'password-required', reason: 'attempts' });
    expect((await deviceUser(userId))?.pin).toBeUndefined();
    expect(await unlockPin(userId, PIN)).toEqual({ outcome: 'password-required', reason: 'none' });
    expect(hasCurrentStore()).toBe(false);
    expect(await unlock(userId, PASSWORD)).toBe('ok');
    expect(useLockState.getState().choosingPin).toBe(true);
    expect(await choosePin(PIN, PIN)).toBe('ok');
  });

  it('a signature with a PIN counts the same tries: the fifth wrong one locks the app', async () => {
    expect(await confirmWithPin(PIN)).toEqual({ outcome: 'ok' });
    for (let left = 4; left >= 1; left--) expect(await confirmWithPin('555550')).toEqual({ outcome: 'wrong', left });
    expect(hasCurrentStore()).toBe(true);
    expect(await confirmWithPin('555550')).toEqual({ outcome: 'password-required', reason: 'attempts' });
    expect(hasCurrentStore()).toBe(false);
    expect(await unlock(userId, PASSWORD)).toBe('ok');
    expect(await choosePin(PIN, PIN)).toBe('ok');
  });

  it("a tablet not synced for the server's DEVICE_STALE_DAYS opens with the password only", async () => {
    await lock();
    const entry = await deviceUser(userId);
    if (!entry) throw new Error('no entry');
    await saveDeviceUser({ ...entry, lastSyncAt: new Date(Date.now() - 8 * DAY).toISOString() });
    expect(isStale({ ...entry, lastSyncAt: new Date(Date.now() - 8 * DAY).toISOString() })).toBe(true);
    expect(await unlockPin(userId, PIN)).toEqual({ outcome: 'password-required', reason: 'stale' });
    expect((await deviceUser(userId))?.pin).toBeUndefined();
    // Stale: no new PIN is offered until the tablet is in contact again.
    expect(await unlock(userId, PASSWORD)).toBe('ok');
    expect(useLockState.getState().choosingPin).toBe(false);
    // An online login is contact: the PIN is offered again.
    await lock();
    expect(await login('anna', PASSWORD, options())).toMatchObject({ ok: true });
    expect(useLockState.getState().choosingPin).toBe(true);
    expect(await choosePin(PIN, PIN)).toBe('ok');
  });

  it("the team's setting decides how many wrong passwords are allowed offline", async () => {
    await rememberLockSettings(userId, { ...defaultLockSettings, maxPasswordAttempts: 3 });
    await lock();
    expect(await unlock(userId, 'forkert-1')).toBe('wrong');
    expect(await unlock(userId, 'forkert-2')).toBe('wrong');
    expect(await unlock(userId, 'forkert-3')).toBe('online-required');
    expect(await unlock(userId, PASSWORD)).toBe('online-required');
    expect(await login('anna', PASSWORD, options())).toMatchObject({ ok: true });
  });
});

describe('wipe by age', () => {
  it('removes a long-unsynced user only when her store was locked with nothing unsynced', async () => {
    await lock();
    expect(await login('bente', PASSWORD, options())).toMatchObject({ ok: true });
    const bente = currentStore().userId;
    await recordWriter(currentStore).create('family', { name: 'Familien Usynkroniseret' });
    await lock();
    const old = new Date(Date.now() - 40 * DAY).toISOString();
    const entry = await deviceUser(bente);
    if (!entry) throw new Error('no entry');
    const policy = { ...defaultLockSettings, wipeAfterDays: 30 };
    expect(entry.unsyncedCount).toBe(1);
    // One unsynced change: never wiped.
    expect(await wipeByAge([{ ...entry, lastSyncAt: old, policy }])).toEqual([]);
    // Left open (a crash, a closed tab): what it holds is unknown, so never wiped.
    expect(await wipeByAge([{ ...entry, lastSyncAt: old, policy, unsyncedCount: 0, openSince: old }])).toEqual([]);
    // Off (0, the default): never wiped.
    expect(await wipeByAge([{ ...entry, lastSyncAt: old, unsyncedCount: 0, policy: defaultLockSettings }])).toEqual([]);
    expect(await deviceUser(bente)).toBeDefined();
    // Locked clean, nothing unsynced, older than the setting: removed.
    expect(await wipeByAge([{ ...entry, lastSyncAt: old, policy, unsyncedCount: 0 }])).toEqual([bente]);
    expect(await deviceUser(bente)).toBeUndefined();
  });
});
