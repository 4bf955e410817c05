/**
 * The access extract over HTTP on a real SQLite file (issue 14 §2): GET /api/audit joins the
 * server's events (pulls, writes, reads of the extract) with the devices' synced auditEvent
 * records (open, print, export) for one citizen, by the server's time, with user names and
 * devices; leaders and admins only, team-scoped, itself audited. Device audit events are
 * write-only for devices (never pulled back) and final in storage; retention purges audit events
 * past AUDIT_RETENTION_DAYS and nothing younger, and never any other record.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FAMILY_DEVICE_EVENTS_SQL, FAMILY_WRITES_SQL } from '../../src/server/audit/family-trail.ts';
import { purgeAuditEvents } from '../../src/server/store/audit.ts';
import { type AuditEventView, auditResponseSchema } from '../../src/shared/admin/views.ts';
import {
  addUser,
  call,
  child,
  device,
  family,
  login,
  pullAs,
  pushAs,
  startTestServer,
  type TestServer,
} from './helpers/server-app.ts';

let server: TestServer;
let ids: Record<'anna' | 'bo' | 'mette', string>;
beforeEach(async () => {
  server = await startTestServer();
  ids = {
    anna: (await addUser(server.store, { username: 'anna', team: 'Nord', name: 'Anna Holm' })).userId,
    bo: (await addUser(server.store, { username: 'bo', team: 'Nord', name: 'Bo Berg' })).userId,
    mette: (await addUser(server.store, { username: 'mette', team: 'Nord', role: 'leader', name: 'Mette Leder' }))
      .userId,
  };
  await addUser(server.store, { username: 'sven', team: 'Syd', role: 'leader' });
  await addUser(server.store, { username: 'root', team: 'Syd', role: 'admin', name: 'Ada Admin' });
});
afterEach(() => server.close());

type Event = { action: string; what: string; familyId?: string; childId?: string; recordId?: string; at?: string };
const auditEvent = (e: Event) => ({ userId: '', at: new Date().toISOString(), ...e });

/** Anna's tablet records a family with a child; returns the ids and the tablet. */
async function caseload(token: string) {
  const tablet = device('anna-ipad');
  const familyId = randomUUID();
  const childId = randomUUID();
  const res = await pushAs(
    server,
    token,
    tablet.request([
      tablet.mutation({ kind: 'family', id: familyId, op: 'create', baseRev: 0, data: family() }),
      tablet.mutation({ kind: 'child', id: childId, op: 'create', baseRev: 0, data: child(familyId) }),
    ]),
  );
  expect(res.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
  return { familyId, childId, tablet };
}

async function pushEvents(token: string, tablet: ReturnType<typeof device>, events: Event[]) {
  const res = await pushAs(
    server,
    token,
    tablet.request(
      events.map((e) =>
        tablet.mutation({ kind: 'auditEvent', id: randomUUID(), op: 'create', baseRev: 0, data: auditEvent(e) }),
      ),
    ),
  );
  expect(res.status).toBe(200);
  return res.body.results;
}

async function extract(token: string, query: string) {
  const res = await call(`${server.url}/api/audit?${query}`, { token });
  expect(res.status).toBe(200);
  return auditResponseSchema.parse(res.body);
}

const line = (e: AuditEventView) =>
  `${e.source} ${e.action} ${e.user?.username ?? '-'} ${String(e.details?.what ?? '')}`;

describe('the access extract of one citizen', () => {
  it("joins the devices' opens and prints with the server's writes and pulls, in server order", async () => {
    const anna = await login(server, 'anna');
    const { familyId, childId, tablet } = await caseload(anna);
    const visitId = randomUUID();
    const deviceAt = '2026-01-05T09:30:00.000Z';
    const results = await pushEvents(anna, tablet, [
      { action: 'open', what: 'child', familyId, childId, recordId: childId, at: deviceAt },
      { action: 'print', what: 'visit-summary', familyId, childId, recordId: visitId },
    ]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);

    const bo = await login(server, 'bo');
    const boTablet = device('bo-ipad');
    expect((await pullAs(server, await boLogin(bo, boTablet.deviceId))).status).toBe(200);
    await pushEvents(bo, boTablet, [{ action: 'open', what: 'family', familyId, recordId: familyId }]);

    const leader = await login(server, 'mette');
    const { events, truncated } = await extract(leader, `recordId=${childId}`);
    expect(truncated).toBe(false);
    expect(events.map(line)).toEqual([
      'server sync.write anna ',
      'server sync.write anna ',
      'device open anna child',
      'device print anna visit-summary',
      'server sync.pull bo ',
      'device open bo family',
    ]);
    const [openChild, print] = events.filter((e) => e.source === 'device');
    expect(openChild).toMatchObject({
      deviceAt,
      user: { id: ids.anna, username: 'anna', displayName: 'Anna Holm' },
      device: { id: 'anna-ipad' },
      details: { what: 'child', childId, recordId: childId },
    });
    expect(print?.details).toEqual({ what: 'visit-summary', childId, recordId: visitId });
    // Ordered by the server's time; the device's clock is shown, never used to order.
    expect(events.map((e) => e.at)).toEqual(events.map((e) => e.at).toSorted());
    expect(Date.parse(openChild?.at ?? '')).toBeGreaterThan(Date.parse(deviceAt));
    // Ids and codes only: no name of the family or the child.
    expect(JSON.stringify(events)).not.toMatch(/Jensen|Alma/);
  });

  it("lists one push's writes and events in the device's own order", async () => {
    const anna = await login(server, 'anna');
    const { familyId, tablet } = await caseload(anna);
    const event = (action: string) =>
      tablet.mutation({
        kind: 'auditEvent',
        id: randomUUID(),
        op: 'create',
        baseRev: 0,
        data: auditEvent({ action, what: 'family', familyId }),
      });
    const res = await pushAs(
      server,
      anna,
      tablet.request([
        event('open'),
        tablet.mutation({ kind: 'family', id: familyId, op: 'update', baseRev: 1, data: { notes: 'Ring først' } }),
        event('print'),
      ]),
    );
    expect(res.body.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    const { events } = await extract(await login(server, 'mette'), `familyId=${familyId}`);
    expect(events.slice(-3).map(line)).toEqual([
      'device open anna family',
      'server sync.write anna ',
      'device print anna family',
    ]);
  });

  it('is itself audited: the next extract lists who read it before', async () => {
    const anna = await login(server, 'anna');
    const { familyId } = await caseload(anna);
    const leader = await login(server, 'mette');
    await extract(leader, `familyId=${familyId}`);
    const again = await extract(leader, `familyId=${familyId}`);
    const reads = again.events.filter((e) => e.action === 'audit.read');
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ source: 'server', user: { username: 'mette' }, details: { familyId } });
  });

  it("gives another team's leader nothing, refuses a nurse, and lets an admin read any team", async () => {
    const anna = await login(server, 'anna');
    const { familyId, childId, tablet } = await caseload(anna);
    await pushEvents(anna, tablet, [{ action: 'open', what: 'child', familyId, childId }]);
    const before = countReads();

    const sven = await login(server, 'sven');
    for (const query of [`familyId=${familyId}`, `recordId=${childId}`]) {
      const res = await call<{ error: { code: string } }>(`${server.url}/api/audit?${query}`, { token: sven });
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain('anna');
    }
    const nurse = await call<{ error: { code: string } }>(`${server.url}/api/audit?familyId=${familyId}`, {
      token: await login(server, 'bo'),
    });
    expect(nurse.status).toBe(403);
    expect(nurse.body.error.code).toBe('forbidden');
    expect(countReads()).toBe(before);

    const admin = await extract(await login(server, 'root'), `familyId=${familyId}`);
    expect(admin.events.some((e) => e.source === 'device' && e.user?.username === 'anna')).toBe(true);
  });

  it('refuses bad queries with a 400', async () => {
    const leader = await login(server, 'mette');
    for (const query of ['', 'familyId=nej', 'recordId=1%27%20OR%201=1']) {
      const res = await call<{ error: { code: string } }>(`${server.url}/api/audit?${query}`, { token: leader });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_request');
    }
  });

  it("does not let another team's device file events under this family", async () => {
    const anna = await login(server, 'anna');
    const { familyId } = await caseload(anna);
    const sven = await login(server, 'sven');
    const results = await pushEvents(sven, device('sven-ipad'), [{ action: 'open', what: 'family', familyId }]);
    expect(results[0]?.error?.code).toBe('reference_missing');
    const { events } = await extract(await login(server, 'mette'), `familyId=${familyId}`);
    expect(events.filter((e) => e.source === 'device')).toEqual([]);
  });

  it('finds the family’s records through the index, not a scan of the team', () => {
    const plan = (sql: string, ...args: unknown[]) =>
      JSON.stringify(server.store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args));
    expect(plan(FAMILY_WRITES_SQL, 't', 'f', 't', 'f', 1)).toContain('records_family');
    expect(plan(FAMILY_DEVICE_EVENTS_SQL, 't', 'f', 1)).toContain('records_family');
    // A pull skips device audit events through its partial index.
    expect(
      plan(
        `SELECT * FROM records r WHERE r.team_id = ? AND r.seq > ? AND r.kind <> 'auditEvent' ORDER BY r.seq`,
        't',
        0,
      ),
    ).toContain('records_team_seq_synced');
  });
});

describe('device audit events on the server', () => {
  it('are never pulled back to the devices, and pulls do not count them as the family’s records', async () => {
    const anna = await login(server, 'anna');
    const { familyId, tablet } = await caseload(anna);
    await pushEvents(anna, tablet, [{ action: 'open', what: 'family', familyId }]);
    const bo = await boLogin(await login(server, 'bo'), 'bo-ipad');
    const page = (await pullAs(server, bo)).body;
    expect(page.changes.map((r) => r.kind).sort()).toEqual(['child', 'family']);
    expect(page.hasMore).toBe(false);
    // Nothing is left behind the cursor either: the next page is empty.
    expect((await pullAs(server, bo, `?since=${page.nextSince}`)).body.changes).toEqual([]);
  });

  it('are final in storage, and only the retention purge deletes them, never younger ones', async () => {
    const anna = await login(server, 'anna');
    const { familyId, childId, tablet } = await caseload(anna);
    const note = randomUUID();
    const written = await pushAs(
      server,
      anna,
      tablet.request([
        tablet.mutation({
          kind: 'journalNote',
          id: note,
          op: 'create',
          baseRev: 0,
          data: { familyId, childId, text: 'Samtale om søvn', author: '', authorId: '' },
        }),
      ]),
    );
    expect(written.body.results[0]?.status).toBe('applied');
    await pushEvents(anna, tablet, [{ action: 'open', what: 'child', familyId, childId }]);
    const db = server.store.db;
    const serverEvents = (db.prepare('SELECT count(*) AS n FROM audit_events').get() as { n: number }).n;
    const count = (kind: string) =>
      (db.prepare('SELECT count(*) AS n FROM records WHERE kind = ?').get(kind) as { n: number }).n;
    expect(() => db.prepare(`UPDATE records SET data = '{}' WHERE kind = 'auditEvent'`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`DELETE FROM records WHERE kind = 'auditEvent'`).run()).toThrow(/kept/);
    expect(() => db.prepare(`DELETE FROM records WHERE kind = 'journalNote'`).run()).toThrow(/kept/);

    const day = 86_400_000;
    const now = Date.now();
    // One day short of the retention: nothing goes.
    expect(purgeAuditEvents(db, 365, new Date(now + 364 * day))).toBe(0);
    expect(count('auditEvent')).toBe(1);
    // Past it: the device's event and the server's own (Anna's login, her tablet) go; the journal stays.
    expect(purgeAuditEvents(db, 365, new Date(now + 366 * day))).toBe(serverEvents + 1);
    expect(count('auditEvent')).toBe(0);
    expect(count('journalNote')).toBe(1);
    expect(count('family')).toBe(1);
    // Even a century later no journal material or other record is purged.
    purgeAuditEvents(db, 365, new Date(now + 100 * 365 * day));
    expect(count('journalNote') + count('family') + count('child')).toBe(3);
    // The cut-off never moves back: a later purge with a longer retention deletes nothing new.
    expect(purgeAuditEvents(db, 36500, new Date(now))).toBe(0);
  });
});

function countReads(): number {
  return (
    server.store.db.prepare(`SELECT count(*) AS n FROM audit_events WHERE action = 'audit.read'`).get() as {
      n: number;
    }
  ).n;
}

/** Bo's token bound to his tablet (a pull has no deviceId: an empty push binds it first). */
async function boLogin(token: string, deviceId: string): Promise<string> {
  await pushAs(server, token, { deviceId, schemaVersion: 1, mutations: [] });
  return token;
}
