/**
 * Server audit events (issue 14 §1): logins and failed logins (never the password), pulls filed
 * by family, the team-scoped extract GET /api/audit (itself audited), and retention.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { purgeAuditEvents } from '../../src/server/store/audit.ts';
import { auditResponseSchema } from '../../src/shared/admin/views.ts';
import {
  addUser,
  call,
  child,
  device,
  family,
  login,
  PASSWORD,
  pushAs,
  startTestServer,
  type TestServer,
} from './helpers/server-app.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
  await addUser(server.store, { username: 'anna', team: 'Nord', name: 'Anna Holm' });
  await addUser(server.store, { username: 'bo', team: 'Nord', name: 'Bo Berg' });
  await addUser(server.store, { username: 'mette', team: 'Nord', role: 'leader' });
  await addUser(server.store, { username: 'sven', team: 'Syd', role: 'leader' });
});
afterEach(() => server.close());

const actions = () =>
  (server.store.db.prepare('SELECT action FROM audit_events ORDER BY id').all() as { action: string }[]).map(
    (r) => r.action,
  );

it('records logins and failed logins without the password', async () => {
  await login(server, 'anna');
  await call(`${server.url}/api/auth/login`, { body: { username: 'anna', password: 'hemmeligt-gaet-123' } });
  await call(`${server.url}/api/auth/login`, { body: { username: 'ingen', password: 'hemmeligt-gaet-123' } });
  expect(actions()).toEqual(['auth.login', 'auth.login_failed', 'auth.login_failed']);
  const rows = JSON.stringify(server.store.db.prepare('SELECT * FROM audit_events').all());
  expect(rows).not.toContain('hemmeligt');
  expect(rows).not.toContain(PASSWORD);
  expect(rows).toContain('ingen');
});

describe('who received a family’s records', () => {
  it('answers from the pull events, with the writes, team-scoped, and audits the read', async () => {
    const anna = await login(server, 'anna');
    const dev = device();
    const familyId = randomUUID();
    const childId = randomUUID();
    const otherFamily = randomUUID();
    await pushAs(
      server,
      anna,
      dev.request([
        dev.mutation({ kind: 'family', id: familyId, op: 'create', baseRev: 0, data: family() }),
        dev.mutation({ kind: 'child', id: childId, op: 'create', baseRev: 0, data: child(familyId) }),
        dev.mutation({ kind: 'family', id: otherFamily, op: 'create', baseRev: 0, data: family('Familien Berg') }),
      ]),
    );
    const bo = await login(server, 'bo');
    await pushAs(server, bo, { deviceId: 'bo-tablet', schemaVersion: 1, mutations: [] });
    expect((await call(`${server.url}/api/sync/pull?limit=1`, { token: bo })).status).toBe(200);
    expect((await call(`${server.url}/api/sync/pull?since=1&limit=10`, { token: bo })).status).toBe(200);

    const leader = await login(server, 'mette');
    const res = await call(`${server.url}/api/audit?familyId=${familyId}`, { token: leader });
    expect(res.status).toBe(200);
    const { events } = auditResponseSchema.parse(res.body);
    const pulls = events.filter((e) => e.action === 'sync.pull');
    expect(pulls).toHaveLength(2);
    expect(pulls.every((e) => e.user?.username === 'bo' && e.device?.id === 'bo-tablet')).toBe(true);
    const writes = events.filter((e) => e.action === 'sync.write');
    expect(writes.map((w) => w.details?.kind)).toEqual(['family', 'child']);
    expect(writes.every((w) => w.user?.username === 'anna')).toBe(true);
    expect(JSON.stringify(events)).not.toContain('Familien Jensen');

    // By a record id too; another team's leader learns nothing; a nurse may not read the log.
    const byRecord = auditResponseSchema.parse(
      (await call(`${server.url}/api/audit?recordId=${childId}`, { token: leader })).body,
    );
    expect(byRecord.familyId).toBe(familyId);
    expect(
      (await call(`${server.url}/api/audit?familyId=${familyId}`, { token: await login(server, 'sven') })).status,
    ).toBe(404);
    expect((await call(`${server.url}/api/audit?familyId=${familyId}`, { token: anna })).status).toBe(403);
    expect(actions().filter((a) => a === 'audit.read')).toHaveLength(2);
  });
});

describe('retention', () => {
  it('purges only events older than the retention period, and the database refuses other deletes', async () => {
    await login(server, 'anna');
    const day = 86_400_000;
    const now = new Date();
    expect(purgeAuditEvents(server.store.db, 365, now)).toBe(0);
    expect(actions()).toEqual(['auth.login']);
    expect(purgeAuditEvents(server.store.db, 365, new Date(now.getTime() + 366 * day))).toBe(1);
    expect(actions()).toEqual([]);
  });
});
