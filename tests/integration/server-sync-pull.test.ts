import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PullResponse, pullResponseSchema, pushResponseSchema } from '../../src/shared/sync/protocol.ts';
import type { SyncRecord } from '../../src/shared/sync/record.ts';
import {
  addUser,
  device,
  family,
  login,
  pullAs,
  pushAs,
  startTestServer,
  type TestServer,
} from './helpers/server-app.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

let teamCounter = 0;
/** A fresh team with one user, so each test sees only its own records. */
async function freshTeam() {
  teamCounter += 1;
  const username = `nurse${teamCounter}`;
  const { teamId } = await addUser(server.store, { username, team: `Team ${teamCounter}` });
  const token = await login(server, username);
  teamOf.set(token, teamId);
  return token;
}
const teamOf = new Map<string, string>();

/** The team's records straight from the database: the truth a replica must converge to. */
function databaseRevs(teamId: string): Map<string, number> {
  const rows = server.store.db.prepare('SELECT id, rev FROM records WHERE team_id = ?').all(teamId) as {
    id: string;
    rev: number;
  }[];
  return new Map(rows.map((r) => [r.id, r.rev]));
}

async function push(token: string, body: unknown) {
  const res = await pushAs(server, token, body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return pushResponseSchema.parse(res.body).results;
}

async function createFamilies(token: string, count: number): Promise<string[]> {
  const dev = device();
  const ids = Array.from({ length: count }, () => randomUUID());
  await push(
    token,
    dev.request(
      ids.map((id, i) => dev.mutation({ kind: 'family', id, op: 'create', baseRev: 0, data: family(`F${i}`) })),
    ),
  );
  return ids;
}

async function page(token: string, since: string | undefined, limit: number): Promise<PullResponse> {
  const query = since === undefined ? `?limit=${limit}` : `?since=${since}&limit=${limit}`;
  const res = await pullAs(server, token, query);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return pullResponseSchema.parse(res.body);
}

/** Pulls every page; returns the pages. Fails if it does not terminate. */
async function pullPages(token: string, limit: number, since?: string): Promise<PullResponse[]> {
  const pages: PullResponse[] = [];
  let cursor = since;
  for (let i = 0; i < 100; i++) {
    const p = await page(token, cursor, limit);
    pages.push(p);
    expect(Number(p.nextSince)).toBeGreaterThanOrEqual(Number(cursor ?? '0'));
    cursor = p.nextSince;
    if (!p.hasMore) return pages;
  }
  throw new Error('pull did not terminate');
}

const all = (pages: PullResponse[]): SyncRecord[] => pages.flatMap((p) => [...p.changes, ...p.conflicts]);

describe('pull', () => {
  it('pages in seq order without skipping, and terminates', async () => {
    const token = await freshTeam();
    const ids = await createFamilies(token, 7);
    const pages = await pullPages(token, 3);
    expect(pages.map((p) => [p.changes.length, p.hasMore])).toEqual([
      [3, true],
      [3, true],
      [1, false],
    ]);
    const records = all(pages);
    expect(records.map((r) => r.id)).toEqual(ids);
    const seqs = records.map((r) => r.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(pages.at(-1)?.nextSince).toBe(String(seqs.at(-1)));
  });

  it('terminates with hasMore=false when the remaining count equals the limit', async () => {
    const token = await freshTeam();
    const ids = await createFamilies(token, 6);
    const pages = await pullPages(token, 3);
    expect(pages.map((p) => [p.changes.length, p.hasMore])).toEqual([
      [3, true],
      [3, false],
    ]);
    expect(all(pages).map((r) => r.id)).toEqual(ids);
    const exact = await pullPages(token, 6);
    expect(exact.map((p) => [p.changes.length, p.hasMore])).toEqual([[6, false]]);
  });

  it('keeps the cursor where it is when there is nothing new, and defaults since to 0', async () => {
    const token = await freshTeam();
    const empty = await page(token, undefined, 10);
    expect(empty).toEqual({ changes: [], conflicts: [], nextSince: '0', hasMore: false });
    await createFamilies(token, 2);
    const first = await page(token, '0', 10);
    const again = await page(token, first.nextSince, 10);
    expect(again).toEqual({ changes: [], conflicts: [], nextSince: first.nextSince, hasMore: false });
    const defaults = await pullAs(server, token);
    expect(pullResponseSchema.parse(defaults.body).changes).toHaveLength(2);
  });

  it('returns an updated record once, at its new seq', async () => {
    const token = await freshTeam();
    const [a, b] = await createFamilies(token, 2);
    const dev = device();
    const mark = (await page(token, '0', 10)).nextSince;
    await push(
      token,
      dev.request([dev.mutation({ kind: 'family', id: a ?? '', op: 'update', baseRev: 1, data: { notes: 'x' } })]),
    );
    const full = await page(token, '0', 10);
    expect(full.changes.map((r) => [r.id, r.rev])).toEqual([
      [b, 1],
      [a, 2],
    ]);
    const since = await page(token, mark, 10);
    expect(since.changes.map((r) => r.id)).toEqual([a]);
  });

  it('shares the page and cursor between changes and conflicts', async () => {
    const token = await freshTeam();
    const [id] = await createFamilies(token, 1);
    const one = device();
    const two = device();
    await push(
      token,
      one.request([one.mutation({ kind: 'family', id: id ?? '', op: 'update', baseRev: 1, data: { notes: '1' } })]),
    );
    const [c] = await push(
      token,
      two.request([two.mutation({ kind: 'family', id: id ?? '', op: 'update', baseRev: 1, data: { notes: '2' } })]),
    );
    expect(c?.status).toBe('conflict');
    const pages = await pullPages(token, 1);
    expect(pages.map((p) => [p.changes.length, p.conflicts.length])).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expect(pages[1]?.conflicts[0]?.id).toBe(c?.conflictId);
  });

  it('converges: paging with any limit between writes yields the server state (property)', async () => {
    const token = await freshTeam();
    const dev = device();
    const known = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.constant('create'), fc.nat({ max: 20 })), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 4 }),
        async (ops, limit) => {
          const ids = [...known.keys()];
          const mutations = ops.map((op) => {
            const target = typeof op === 'number' ? ids[op % Math.max(ids.length, 1)] : undefined;
            if (target === undefined) {
              return dev.mutation({ kind: 'family', id: randomUUID(), op: 'create', baseRev: 0, data: family() });
            }
            return dev.mutation({
              kind: 'family',
              id: target,
              op: 'update',
              baseRev: known.get(target) ?? 1,
              data: { notes: randomUUID() },
            });
          });
          for (const r of await push(token, dev.request(mutations))) {
            if (r.record) known.set(r.record.id, r.record.rev);
          }
          const replica = new Map<string, number>();
          for (const r of all(await pullPages(token, limit))) replica.set(r.id, r.rev);
          expect(replica).toEqual(databaseRevs(teamOf.get(token) ?? ''));
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('team isolation', () => {
  it('keeps another team from reading or writing a record, even knowing its id', async () => {
    const nord = await freshTeam();
    const syd = await freshTeam();
    const [id = ''] = await createFamilies(nord, 1);
    const nordDev = device();
    const [conflictSource] = await createFamilies(nord, 1);
    await push(
      nord,
      nordDev.request([
        nordDev.mutation({ kind: 'family', id: conflictSource ?? '', op: 'update', baseRev: 1, data: { notes: 'a' } }),
      ]),
    );
    await push(
      nord,
      device().request([
        device().mutation({ kind: 'family', id: conflictSource ?? '', op: 'update', baseRev: 1, data: { notes: 'b' } }),
      ]),
    );

    const seen = await page(syd, '0', 1000);
    expect(seen).toEqual({ changes: [], conflicts: [], nextSince: '0', hasMore: false });

    const intruder = device();
    const nordMutation = nordDev.mutation({ kind: 'family', id, op: 'update', baseRev: 1, data: { notes: 'nord' } });
    await push(nord, nordDev.request([nordMutation]));
    const results = await push(
      syd,
      intruder.request([
        intruder.mutation({ kind: 'family', id, op: 'update', baseRev: 1, data: { name: 'Overtaget' } }),
        intruder.mutation({ kind: 'family', id, op: 'delete', baseRev: 2 }),
        intruder.mutation({ kind: 'family', id, op: 'create', baseRev: 0, data: family('Overtaget') }),
        intruder.mutation({ kind: 'family', id, op: 'create', baseRev: 2, data: family('Overtaget') }),
        { ...nordMutation, clientSeq: 99 },
      ]),
    );
    expect(results.map((r) => [r.status, r.error?.code])).toEqual([
      ['rejected', 'not_found'],
      ['rejected', 'not_found'],
      ['rejected', 'already_exists'],
      ['rejected', 'already_exists'],
      ['rejected', 'forbidden'],
    ]);
    for (const r of results) {
      expect(r.record).toBeUndefined();
      expect(r.rev).toBeUndefined();
      expect(JSON.stringify(r)).not.toContain('nord');
    }
    const nordView = (await page(nord, '0', 1000)).changes.find((r) => r.id === id);
    expect(nordView).toMatchObject({ rev: 2, deleted: false, data: { name: 'F0', notes: 'nord' } });
    expect(await page(syd, '0', 1000)).toEqual({ changes: [], conflicts: [], nextSince: '0', hasMore: false });
  });
});
