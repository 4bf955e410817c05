/**
 * The user's key on a tablet, against the real server (docs/decisions/0013): the first login makes
 * the key and leaves an escrow copy on the server; the store opens offline with the password; wrong
 * passwords are counted; a forgotten password reset by an admin loses no unsynced work (the escrow
 * copy gives the key back on this tablet only); a revoked tablet cannot get it and wipes itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceUser, deviceUsers } from '../../src/client/db/device-users.ts';
import { recordWriter } from '../../src/client/db/records.ts';
import { currentStore, hasCurrentStore, setCurrentStore } from '../../src/client/db/store.ts';
import { lock, login, logout, MAX_OFFLINE_ATTEMPTS, unlock } from '../../src/client/sync/login.ts';
import {
  addUser,
  call,
  PASSWORD,
  login as serverLogin,
  startTestServer,
  type TestServer,
} from './helpers/server-app.ts';

let server: TestServer;
const cheap = { alg: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 } as const;
const options = () => ({ baseUrl: server.url, kdf: cheap });

beforeAll(async () => {
  server = await startTestServer();
  await addUser(server.store, { username: 'anna', team: 'Jammerbugt', name: 'Anna' });
  await addUser(server.store, { username: 'admin', team: 'Jammerbugt', name: 'Admin', role: 'admin' });
});
afterAll(async () => {
  setCurrentStore(null);
  await server.close();
});

describe('the key of a user on this tablet', () => {
  let userId = '';
  let noteFamily = '';

  it('is made at the first login, with the escrow copy on the server', async () => {
    const outcome = await login('anna', PASSWORD, options());
    expect(outcome).toMatchObject({ ok: true, legacy: 'none' });
    expect(hasCurrentStore()).toBe(true);
    userId = currentStore().userId;
    const entry = await deviceUser(userId);
    expect(entry).toMatchObject({ username: 'anna', escrowStored: true, failedUnlocks: 0 });
    const token = await serverLogin(server, 'anna');
    const escrow = await call<{ escrow: string }>(`${server.url}/api/devices/escrow?deviceId=${entry?.deviceId}`, {
      token,
    });
    // Another token of the same user, not bound to this device yet, binds to it and gets the copy;
    // the copy is useless without the device's secret.
    expect(escrow.status).toBe(200);
    expect(escrow.body.escrow).toMatch(/^[A-Za-z0-9+/=]+\.[A-Za-z0-9+/=]+$/);
  });

  it('opens offline with the password after a lock, and counts wrong passwords', async () => {
    noteFamily = await recordWriter(currentStore).create('family', { name: 'Familien Usynkroniseret' });
    await lock();
    expect(hasCurrentStore()).toBe(false);
    expect(await unlock(userId, 'forkert-kodeord')).toBe('wrong');
    expect((await deviceUser(userId))?.failedUnlocks).toBe(1);
    expect(await unlock(userId, PASSWORD)).toBe('ok');
    expect(currentStore().state.get('family', noteFamily)?.data.name).toBe('Familien Usynkroniseret');
    expect((await deviceUser(userId))?.failedUnlocks).toBe(0);
  });

  it('after too many wrong passwords only an online login opens it', async () => {
    await lock();
    for (let i = 1; i < MAX_OFFLINE_ATTEMPTS; i++) expect(await unlock(userId, `forkert-${i}`)).toBe('wrong');
    expect(await unlock(userId, 'forkert-sidste')).toBe('online-required');
    expect(await unlock(userId, PASSWORD)).toBe('online-required');
    expect(await login('anna', PASSWORD, options())).toMatchObject({ ok: true });
    expect(currentStore().state.get('family', noteFamily)).toBeDefined();
  });

  it('after an admin resets a forgotten password, the new password opens the same store: nothing unsynced is lost', async () => {
    expect(currentStore().state.outbox.size).toBe(1);
    await lock();
    const adminToken = await serverLogin(server, 'admin');
    const reset = await call(`${server.url}/api/admin/users/${userId}/reset-password`, {
      token: adminToken,
      body: { password: 'nyt-midlertidigt-kodeord-93' },
    });
    expect(reset.status).toBe(200);
    // The old password no longer logs in; offline it still opens the store (the server decides online).
    expect(await login('anna', PASSWORD, options())).toMatchObject({ ok: false, reason: 'invalid' });
    const outcome = await login('anna', 'nyt-midlertidigt-kodeord-93', options());
    expect(outcome).toMatchObject({ ok: true, mustChangePassword: true });
    expect(currentStore().state.get('family', noteFamily)?.data.name).toBe('Familien Usynkroniseret');
    expect(currentStore().state.outbox.size).toBe(1);
    await lock();
    expect(await unlock(userId, 'nyt-midlertidigt-kodeord-93')).toBe('ok');
  });

  it('logout is refused with unsynced work; a revoked tablet gets no key and wipes the user', async () => {
    expect(await logout(options())).toBe('unsynced');
    expect(hasCurrentStore()).toBe(true);
    await lock();
    const entry = await deviceUser(userId);
    const adminToken = await serverLogin(server, 'admin');
    const revoked = await call(`${server.url}/api/admin/devices/${entry?.deviceId}/revoke`, {
      token: adminToken,
      body: {},
    });
    expect(revoked.status).toBe(200);
    const outcome = await login('anna', 'nyt-midlertidigt-kodeord-93', options());
    expect(outcome).toMatchObject({ ok: false, reason: 'revoked' });
    expect(await deviceUser(userId)).toBeUndefined();
    expect((await deviceUsers()).length).toBe(0);
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(`tusind-dage-u-${userId}`);
  });
});
