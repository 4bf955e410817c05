/** Municipality settings sync like records, but only leaders and admins may write them. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { defaultSettings } from '../../src/shared/caseload/settings.ts';
import { addUser, device, login, pullAs, pushAs, startTestServer, type TestServer } from './helpers/server-app.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
  await addUser(server.store, { username: 'nurse', team: 'Jammerbugt', role: 'nurse' });
  await addUser(server.store, { username: 'leader', team: 'Jammerbugt', role: 'leader' });
});
afterEach(() => server.close());

it('rejects settings written by a nurse and applies those written by a leader, whom the nurse then reads', async () => {
  const nurse = await login(server, 'nurse');
  const leader = await login(server, 'leader');
  const tablet = device();
  const id = crypto.randomUUID();
  const create = (mutationId?: string) =>
    tablet.mutation({
      kind: 'settings',
      id,
      op: 'create',
      baseRev: 0,
      data: { ...defaultSettings, adbbCutoff: 6 },
      ...(mutationId ? { mutationId } : {}),
    });
  const byNurse = await pushAs(server, nurse, tablet.request([create()]));
  expect(byNurse.status).toBe(200);
  expect(byNurse.body.results[0]).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } });
  // A device id is registered to one user: the leader's own tablet writes the settings.
  expect((await pushAs(server, leader, tablet.request([create()]))).body).toMatchObject({
    error: { code: 'device_mismatch' },
  });
  const leaderTablet = device();
  const byLeader = await pushAs(server, leader, leaderTablet.request([leaderTablet.mutation(create())]));
  expect(byLeader.body.results[0]).toMatchObject({ status: 'applied', rev: 1 });
  const pulled = await pullAs(server, nurse);
  expect(pulled.body.changes.find((r) => r.id === id)?.data).toMatchObject({ adbbCutoff: 6 });
  const update = tablet.mutation({ kind: 'settings', id, op: 'update', baseRev: 1, data: { adbbCutoff: 7 } });
  expect((await pushAs(server, nurse, tablet.request([update]))).body.results[0]).toMatchObject({ status: 'rejected' });
});
