/**
 * The team's export log over HTTP on a real SQLite file (issue 17 §3): every export a tablet
 * recorded (a device audit event with action `export`) is listed for the team's leaders, newest
 * first, with the user's name and both times; other teams' exports are not; nurses are refused.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportsResponseSchema } from '../../src/shared/admin/views.ts';
import { addUser, call, device, login, pushAs, startTestServer, type TestServer } from './helpers/server-app.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
  await addUser(server.store, { username: 'lone', team: 'Nord', role: 'leader', name: 'Lone Leder' });
  await addUser(server.store, { username: 'anna', team: 'Nord', name: 'Anna Holm' });
  await addUser(server.store, { username: 'sven', team: 'Syd', role: 'leader', name: 'Sven Syd' });
});
afterEach(() => server.close());

async function recordExport(username: string, what: string, action = 'export') {
  const token = await login(server, username);
  const tablet = device(`${username}-ipad`);
  const data = { action, what, familyId: '', childId: '', recordId: '', userId: '', at: '2026-11-30T08:00:00.000Z' };
  const res = await pushAs(
    server,
    token,
    tablet.request([tablet.mutation({ kind: 'auditEvent', id: randomUUID(), op: 'create', baseRev: 0, data })]),
  );
  expect(res.body.results.map((r) => r.status)).toEqual(['applied']);
}

async function exportsFor(username: string) {
  const res = await call(`${server.url}/api/audit/exports`, { token: await login(server, username) });
  return res;
}

describe('GET /api/audit/exports', () => {
  it("lists the team's exports, newest first, with who and when; not another team's, not opens", async () => {
    await recordExport('lone', 'evaluation-indicators');
    await recordExport('anna', 'rejected-change');
    await recordExport('lone', 'family', 'open');
    await recordExport('sven', 'evaluation-events');
    const res = await exportsFor('lone');
    expect(res.status).toBe(200);
    const body = exportsResponseSchema.parse(res.body);
    expect(body.exports.map((e) => `${e.user?.displayName} ${e.what}`)).toEqual([
      'Anna Holm rejected-change',
      'Lone Leder evaluation-indicators',
    ]);
    expect(body.exports[0]?.deviceAt).toBe('2026-11-30T08:00:00.000Z');
    expect(Date.parse(body.exports[0]?.at ?? '')).not.toBeNaN();
    expect(body.truncated).toBe(false);
    expect(res.headers.get('cache-control')).toContain('no-store');
  });

  it('refuses a nurse (403) and an anonymous caller (401)', async () => {
    expect((await exportsFor('anna')).status).toBe(403);
    expect((await call(`${server.url}/api/audit/exports`, {})).status).toBe(401);
  });
});
