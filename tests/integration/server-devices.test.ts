/**
 * Devices and tokens over HTTP (sync-protocol.md "Devices", issue 13 §4): binding at login or
 * first push, device_mismatch, device_revoked, idle and absolute expiry, the device report and
 * the admin's device list with revocation.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { devicesResponseSchema, revokeDeviceResponseSchema } from '../../src/shared/admin/views.ts';
import { addUser, call, family, PASSWORD, startTestServer, type TestServer } from './helpers/server-app.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer({ config: { tokenIdleHours: 12, tokenTtlDays: 30, deviceStaleDays: 7 } });
  await addUser(server.store, { username: 'anna', team: 'Nord', name: 'Anna Holm' });
  await addUser(server.store, { username: 'bo', team: 'Nord', name: 'Bo Berg' });
  await addUser(server.store, { username: 'mette', team: 'Nord', role: 'leader', name: 'Mette Leder' });
  await addUser(server.store, { username: 'sven', team: 'Syd', role: 'leader', name: 'Sven Syd' });
});
afterEach(() => server.close());

const signIn = async (username: string, deviceId?: string) => {
  const res = await call<{ token: string }>(`${server.url}/api/auth/login`, {
    body: { username, password: PASSWORD, ...(deviceId ? { deviceId } : {}) },
  });
  return { status: res.status, body: res.body, token: res.body.token };
};

let seq = 0;
const pushFrom = (token: string, deviceId: string) =>
  call<{ results: { status: string }[] }>(`${server.url}/api/sync/push`, {
    token,
    body: {
      deviceId,
      schemaVersion: 1,
      mutations: [
        {
          mutationId: randomUUID(),
          clientSeq: ++seq,
          kind: 'family',
          id: randomUUID(),
          op: 'create',
          baseRev: 0,
          data: family(),
        },
      ],
    },
  });

describe('binding tokens to devices', () => {
  it('binds a token logged in with a deviceId, and refuses a push from another id', async () => {
    const tablet = randomUUID();
    const { token } = await signIn('anna', tablet);
    expect((await pushFrom(token, tablet)).status).toBe(200);
    const other = await pushFrom(token, randomUUID());
    expect(other.status).toBe(403);
    expect(other.body).toMatchObject({ error: { code: 'device_mismatch' } });
  });

  it('binds a token logged in without a deviceId to its first push (the current app keeps working)', async () => {
    const { token } = await signIn('anna');
    expect((await call(`${server.url}/api/sync/pull`, { token })).status).toBe(200);
    expect((await pushFrom(token, 'ipad-anna')).status).toBe(200);
    expect((await pushFrom(token, 'ipad-anna')).status).toBe(200);
    expect((await pushFrom(token, 'ipad-other')).body).toMatchObject({ error: { code: 'device_mismatch' } });
  });

  it('refuses a deviceId registered to another user, at login and at push', async () => {
    const annasTablet = randomUUID();
    await signIn('anna', annasTablet);
    const bo = await signIn('bo', annasTablet);
    expect(bo.status).toBe(403);
    expect(bo.body).toMatchObject({ error: { code: 'device_mismatch' } });
    const boToken = (await signIn('bo')).token;
    expect((await pushFrom(boToken, annasTablet)).body).toMatchObject({ error: { code: 'device_mismatch' } });
  });

  it('refuses a login deviceId that is not a UUID', async () => {
    expect((await signIn('anna', 'not-a-uuid')).status).toBe(400);
  });
});

describe('token expiry', () => {
  it('expires a token after TOKEN_IDLE_HOURS without use, but not while it is used', async () => {
    const { token } = await signIn('anna');
    for (let h = 10; h <= 40; h += 10) {
      server.clock.offsetMs = h * 3_600_000;
      expect((await call(`${server.url}/api/auth/me`, { token })).status).toBe(200);
    }
    server.clock.offsetMs += 12 * 3_600_000 + 1000;
    const idle = await call(`${server.url}/api/auth/me`, { token });
    expect(idle.status).toBe(401);
    expect(idle.body).toMatchObject({ error: { code: 'unauthorized', details: { reason: 'idle' } } });
  });
});

describe('device report, list and revocation', () => {
  it('lets an admin or the leader see the devices, revoke one, and see what it had not synced', async () => {
    const tablet = randomUUID();
    const { token } = await signIn('anna', tablet);
    await pushFrom(token, tablet);
    const report = await call(`${server.url}/api/devices/report`, {
      token,
      body: { deviceId: tablet, name: 'iPad (Safari)', unsyncedCount: 3, oldestUnsyncedAt: '2026-01-05T10:00:00.000Z' },
    });
    expect(report.status).toBe(204);
    const leader = (await signIn('mette')).token;
    const anna = (
      await call<{ users: { id: string; username: string }[] }>(`${server.url}/api/admin/users`, { token: leader })
    ).body.users.find((u) => u.username === 'anna');
    expect(anna).toBeDefined();
    const list = devicesResponseSchema.parse(
      (await call(`${server.url}/api/admin/users/${anna?.id}/devices`, { token: leader })).body,
    );
    expect(list.devices).toEqual([
      expect.objectContaining({ id: tablet, name: 'iPad (Safari)', unsyncedCount: 3, stale: false, revokedAt: null }),
    ]);
    expect(list.devices[0]?.lastSyncAt).not.toBeNull();

    // Another team's leader cannot even see Anna.
    const sven = (await signIn('sven')).token;
    expect((await call(`${server.url}/api/admin/users/${anna?.id}/devices`, { token: sven })).status).toBe(404);
    expect(
      (await call(`${server.url}/api/admin/devices/${tablet}/revoke`, { method: 'POST', token: sven })).status,
    ).toBe(404);
    // A nurse may not administer.
    expect((await call(`${server.url}/api/admin/users`, { token })).status).toBe(403);

    const revoked = await call(`${server.url}/api/admin/devices/${tablet}/revoke`, { method: 'POST', token: leader });
    expect(revoked.status).toBe(200);
    const body = revokeDeviceResponseSchema.parse(revoked.body);
    expect(body.lost).toEqual({
      unsyncedCount: 3,
      oldestUnsyncedAt: '2026-01-05T10:00:00.000Z',
      reportedAt: expect.any(String),
    });
    expect(body.device).toMatchObject({ revokedAt: expect.any(String), lostUnsyncedCount: 3 });

    const after = await pushFrom(token, tablet);
    expect(after.status).toBe(401);
    expect(after.body).toMatchObject({ error: { code: 'device_revoked' } });
    expect((await call(`${server.url}/api/sync/pull`, { token })).body).toMatchObject({
      error: { code: 'device_revoked' },
    });
    // Logging in again on the revoked device is refused the same way (the app wipes and starts anew).
    expect((await signIn('anna', tablet)).body).toMatchObject({ error: { code: 'device_revoked' } });
    expect((await signIn('anna', randomUUID())).status).toBe(200);
  });

  it('flags a device that has not synced for DEVICE_STALE_DAYS', async () => {
    const tablet = randomUUID();
    const { token } = await signIn('anna', tablet);
    await pushFrom(token, tablet);
    server.clock.offsetMs = 8 * 86_400_000;
    const admin = await addUser(server.store, { username: 'root', team: 'Nord', role: 'admin' });
    const adminToken = (await signIn('root')).token;
    const annaId = (
      await call<{ users: { id: string; username: string }[] }>(`${server.url}/api/admin/users`, { token: adminToken })
    ).body.users.find((u) => u.username === 'anna')?.id;
    expect(admin.userId).toBeDefined();
    const list = devicesResponseSchema.parse(
      (await call(`${server.url}/api/admin/users/${annaId}/devices`, { token: adminToken })).body,
    );
    expect(list.devices[0]).toMatchObject({ id: tablet, stale: true });
    expect(list.staleAfterDays).toBe(7);
  });

  it('refuses a report for another device than the token’s', async () => {
    const tablet = randomUUID();
    const { token } = await signIn('anna', tablet);
    const res = await call(`${server.url}/api/devices/report`, {
      token,
      body: { deviceId: randomUUID(), name: 'x', unsyncedCount: 0, oldestUnsyncedAt: null },
    });
    expect(res.status).toBe(403);
    expect((await call(`${server.url}/api/devices/report`, { token, body: { deviceId: tablet } })).status).toBe(400);
  });
});
