/**
 * The escrow copy of a tablet's data key on the server: stored once per device, released only to
 * that device's user with a token bound to that device, destroyed when the device is revoked.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addUser, call, startTestServer, type TestServer } from './helpers/server-app.ts';

let server: TestServer;
const escrow = 'AAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB';

async function loginOn(username: string, deviceId: string) {
  const res = await call<{ token: string }>(`${server.url}/api/auth/login`, {
    body: { username, password: 'rugbroed-med-ost', deviceId },
  });
  return res.body.token;
}

beforeAll(async () => {
  server = await startTestServer();
  await addUser(server.store, { username: 'anna', team: 'Jammerbugt', name: 'Anna' });
  await addUser(server.store, { username: 'bo', team: 'Jammerbugt', name: 'Bo' });
  await addUser(server.store, { username: 'admin', team: 'Jammerbugt', name: 'Admin', role: 'admin' });
});
afterAll(() => server.close());

it('is stored once, released only to its user on its device, and destroyed with a revocation', async () => {
  const device = crypto.randomUUID();
  const anna = await loginOn('anna', device);
  const put = (token: string, body: unknown) =>
    call(`${server.url}/api/devices/escrow`, { method: 'PUT', token, body });
  const get = (token: string, deviceId = device) =>
    call<{ escrow?: string }>(`${server.url}/api/devices/escrow?deviceId=${deviceId}`, { token });
  expect((await put(anna, { deviceId: device, escrow })).status).toBe(204);
  expect((await put(anna, { deviceId: device, escrow })).status).toBe(204);
  const other = await put(anna, { deviceId: device, escrow: `${escrow}C` });
  expect(other.status).toBe(409);
  expect((await get(anna)).body.escrow).toBe(escrow);
  expect((await put(anna, { deviceId: device, escrow: 'not base64 !' })).status).toBe(400);

  // Another user naming Anna's device gets nothing.
  const bo = await loginOn('bo', crypto.randomUUID());
  expect((await get(bo)).status).toBe(403);
  // Anna on another device cannot fetch this device's copy.
  const annaElsewhere = await loginOn('anna', crypto.randomUUID());
  expect((await get(annaElsewhere)).status).toBe(403);

  const admin = await loginOn('admin', crypto.randomUUID());
  expect((await call(`${server.url}/api/admin/devices/${device}/revoke`, { token: admin, body: {} })).status).toBe(200);
  expect((await get(anna)).status).toBe(401);
  const row = server.store.db.prepare('SELECT escrow FROM devices WHERE id = ?').get(device) as {
    escrow: string | null;
  };
  expect(row.escrow).toBeNull();
});
