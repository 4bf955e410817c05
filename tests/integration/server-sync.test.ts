import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejectedMutations } from '../../src/server/store/mutations.ts';
import { kinds } from '../../src/shared/schemas/kinds.ts';
import { pullResponseSchema, pushResponseSchema } from '../../src/shared/sync/protocol.ts';
import { SCHEMA_VERSION } from '../../src/shared/version.ts';
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
let anna: string;
let bo: string;
let teamId: string;

beforeAll(async () => {
  server = await startTestServer();
  teamId = (await addUser(server.store, { username: 'anna', team: 'Nord', name: 'Anna Holm' })).teamId;
  await addUser(server.store, { username: 'bo', team: 'Nord', name: 'Bo Berg' });
  anna = await login(server, 'anna');
  bo = await login(server, 'bo');
});
afterAll(async () => {
  await server.close();
});

/** Pushes and returns the parsed results, asserting 200. */
async function push(token: string, body: unknown) {
  const res = await pushAs(server, token, body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return pushResponseSchema.parse(res.body).results;
}

async function pullAll(token: string) {
  const res = await pullAs(server, token, '?limit=1000');
  expect(res.status).toBe(200);
  return pullResponseSchema.parse(res.body);
}

async function createFamily(token: string, dev = device(), data: Record<string, unknown> = family()) {
  const id = randomUUID();
  const [result] = await push(
    token,
    dev.request([dev.mutation({ kind: 'family', id, op: 'create', baseRev: 0, data })]),
  );
  expect(result?.status).toBe('applied');
  return { id, dev, record: result?.record };
}

describe('schema endpoint', () => {
  it('returns the JSON Schema of every kind from the shared zod schemas', async () => {
    const res = await call<{
      version: number;
      kinds: Record<string, { type: string; properties: Record<string, unknown> }>;
    }>(`${server.url}/api/schema`, { token: anna });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(SCHEMA_VERSION);
    expect(Object.keys(res.body.kinds).sort()).toEqual(Object.keys(kinds).sort());
    expect(res.body.kinds.family?.properties).toHaveProperty('name');
    // The CPR field is a transform: its input side is a plain string.
    expect(res.body.kinds.child?.properties.cpr).toMatchObject({ type: 'string' });
  });
});

describe('push', () => {
  it('creates with the parsed document and server time, and the record carries rev 1 and a seq', async () => {
    const before = Date.now();
    const { record } = await createFamily(anna, device(), { name: '  Familien Holm  ' });
    expect(record).toMatchObject({ kind: 'family', rev: 1, deleted: false, updatedBy: 'Anna Holm' });
    expect(record?.data).toEqual({
      name: 'Familien Holm',
      status: 'aktiv',
      inclusionDate: '',
      inclusionReason: '',
      tovholder: '',
      address: '',
      notes: '',
    });
    expect(Date.parse(record?.updatedAt ?? '')).toBeGreaterThanOrEqual(before - 1000);
    expect(record?.seq).toBeGreaterThan(0);
  });

  it('updates changed fields only; rev grows by exactly one and seq moves on', async () => {
    const { id, dev, record } = await createFamily(anna);
    const [r1] = await push(
      anna,
      dev.request([dev.mutation({ kind: 'family', id, op: 'update', baseRev: 1, data: { notes: 'Første besøg' } })]),
    );
    expect(r1).toMatchObject({ status: 'applied', rev: 2 });
    expect(r1?.record?.data).toMatchObject({ name: 'Familien Jensen', notes: 'Første besøg' });
    expect(r1?.record?.seq).toBeGreaterThan(record?.seq ?? 0);
    const [r2] = await push(
      anna,
      dev.request([dev.mutation({ kind: 'family', id, op: 'update', baseRev: 2, data: { status: 'afsluttet' } })]),
    );
    expect(r2).toMatchObject({ status: 'applied', rev: 3 });
    expect(r2?.record?.data).toMatchObject({ notes: 'Første besøg', status: 'afsluttet' });
  });

  it('soft-deletes, keeping the data', async () => {
    const { id, dev } = await createFamily(anna);
    const [r] = await push(anna, dev.request([dev.mutation({ kind: 'family', id, op: 'delete', baseRev: 1 })]));
    expect(r).toMatchObject({
      status: 'applied',
      rev: 2,
      record: { deleted: true, data: { name: 'Familien Jensen' } },
    });
    const pulled = (await pullAll(bo)).changes.find((c) => c.id === id);
    expect(pulled).toMatchObject({ deleted: true, rev: 2, data: { name: 'Familien Jensen' } });
    // Deleting again is acknowledged without a new revision.
    const [again] = await push(
      bo,
      device().request([device().mutation({ kind: 'family', id, op: 'delete', baseRev: 1 })]),
    );
    expect(again).toMatchObject({ status: 'applied', rev: 2 });
  });

  it('answers a repeated mutationId as duplicate with the same rev and changes nothing', async () => {
    const { id, dev } = await createFamily(anna);
    const m = dev.mutation({ kind: 'family', id, op: 'update', baseRev: 1, data: { notes: 'én gang' } });
    const [first] = await push(anna, dev.request([m]));
    const seqAfterFirst = (await pullAll(anna)).nextSince;
    const [second] = await push(anna, dev.request([m]));
    const [third] = await push(bo, { deviceId: 'other', schemaVersion: 1, mutations: [m, m] }).then((r) => r);
    expect(first).toMatchObject({ status: 'applied', rev: 2 });
    expect(second).toEqual({ ...first, status: 'duplicate' });
    expect(third).toEqual({ ...first, status: 'duplicate' });
    expect((await pullAll(anna)).nextSince).toBe(seqAfterFirst);
    const row = server.store.db.prepare('SELECT rev FROM records WHERE id = ?').get(id);
    expect(row).toEqual({ rev: 2 });
  });

  it('treats a repeated mutationId within one request as a duplicate', async () => {
    const dev = device();
    const m = dev.mutation({ kind: 'family', id: randomUUID(), op: 'create', baseRev: 0, data: family() });
    const [a, b] = await push(anna, dev.request([m, m]));
    expect(a?.status).toBe('applied');
    expect(b).toEqual({ ...a, status: 'duplicate' });
  });

  it('merges edits of different fields from two devices based on the same revision', async () => {
    const { id } = await createFamily(anna);
    const tablet = device();
    const laptop = device();
    const [a] = await push(
      anna,
      tablet.request([
        tablet.mutation({ kind: 'family', id, op: 'update', baseRev: 1, data: { notes: 'fra tablet' } }),
      ]),
    );
    const [b] = await push(
      bo,
      laptop.request([laptop.mutation({ kind: 'family', id, op: 'update', baseRev: 1, data: { address: 'Vej 2' } })]),
    );
    expect(a).toMatchObject({ status: 'applied', rev: 2 });
    expect(b).toMatchObject({ status: 'merged', rev: 3, record: { data: { notes: 'fra tablet', address: 'Vej 2' } } });
  });

  it('turns an overlapping edit into a conflict: record untouched, conflict pulled by the team', async () => {
    const { id } = await createFamily(anna);
    const tablet = device();
    const laptop = device();
    await push(
      anna,
      tablet.request([
        tablet.mutation({ kind: 'family', id, op: 'update', baseRev: 1, data: { notes: 'Annas version' } }),
      ]),
    );
    const before = (await pullAll(anna)).changes.find((c) => c.id === id);
    const m = laptop.mutation({
      kind: 'family',
      id,
      op: 'update',
      baseRev: 1,
      data: { notes: 'Bos version', address: 'Vej 3' },
    });
    const [r] = await push(bo, laptop.request([m]));
    expect(r).toMatchObject({ status: 'conflict', rev: 2, conflictId: expect.any(String) });
    expect(r?.record).toEqual(before);

    const afterPull = await pullAll(anna);
    expect(afterPull.changes.find((c) => c.id === id)).toEqual(before);
    const conflict = afterPull.conflicts.find((c) => c.id === r?.conflictId);
    expect(conflict).toMatchObject({ kind: 'conflict', rev: 1, deleted: false, updatedBy: 'Bo Berg' });
    expect(conflict?.data).toMatchObject({
      recordKind: 'family',
      recordId: id,
      mutationId: m.mutationId,
      deviceId: laptop.deviceId,
      author: 'Bo Berg',
      op: 'update',
      baseRev: 1,
      serverRev: 2,
      mine: { notes: 'Bos version', address: 'Vej 3' },
      theirs: { notes: 'Annas version' },
      fields: ['notes'],
      status: 'open',
    });
    expect(kinds.conflict.schema.safeParse(conflict?.data).success).toBe(true);
    expect(afterPull.changes.some((c) => c.kind === 'conflict')).toBe(false);
  });

  it('resolves a conflict only by setting status resolved; both resolvers agree', async () => {
    const { id } = await createFamily(anna);
    const a = device();
    const b = device();
    await push(anna, a.request([a.mutation({ kind: 'family', id, op: 'update', baseRev: 1, data: { notes: 'a' } })]));
    const [c] = await push(
      bo,
      b.request([b.mutation({ kind: 'family', id, op: 'update', baseRev: 1, data: { notes: 'b' } })]),
    );
    const conflictId = c?.conflictId ?? '';
    const [edit, create, del] = await push(
      anna,
      a.request([
        a.mutation({ kind: 'conflict', id: conflictId, op: 'update', baseRev: 1, data: { fields: [] } }),
        a.mutation({ kind: 'conflict', id: randomUUID(), op: 'create', baseRev: 0, data: { status: 'open' } }),
        a.mutation({ kind: 'conflict', id: conflictId, op: 'delete', baseRev: 1 }),
      ]),
    );
    for (const r of [edit, create, del]) expect(r).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } });

    const [resolved] = await push(
      anna,
      a.request([
        a.mutation({ kind: 'conflict', id: conflictId, op: 'update', baseRev: 1, data: { status: 'resolved' } }),
      ]),
    );
    expect(resolved).toMatchObject({
      status: 'applied',
      rev: 2,
      record: { data: { status: 'resolved', resolvedBy: 'Anna Holm' } },
    });
    const [twice] = await push(
      bo,
      b.request([
        b.mutation({ kind: 'conflict', id: conflictId, op: 'update', baseRev: 1, data: { status: 'resolved' } }),
      ]),
    );
    expect(twice).toMatchObject({ status: 'applied', rev: 2 });
  });

  it("never conflicts between one device's successive offline edits (same baseRev)", async () => {
    const { id } = await createFamily(anna);
    const other = device();
    await push(
      bo,
      other.request([other.mutation({ kind: 'family', id, op: 'update', baseRev: 1, data: { address: 'Vej 1' } })]),
    );
    const tablet = device();
    const results = await push(
      anna,
      tablet.request([
        tablet.mutation({ kind: 'family', id, op: 'update', baseRev: 1, data: { notes: 'udkast' } }),
        tablet.mutation({ kind: 'family', id, op: 'update', baseRev: 1, data: { notes: 'rettet' } }),
      ]),
    );
    expect(results.map((r) => [r.status, r.rev])).toEqual([
      ['merged', 3],
      ['merged', 4],
    ]);
    // A later push from the same device, still on its old base, also passes.
    const [later] = await push(
      anna,
      tablet.request([tablet.mutation({ kind: 'family', id, op: 'update', baseRev: 1, data: { notes: 'endelig' } })]),
    );
    expect(later).toMatchObject({ status: 'merged', rev: 5, record: { data: { notes: 'endelig', address: 'Vej 1' } } });
  });

  it('turns edit-versus-delete into a conflict either way round', async () => {
    const editor = device();
    const remover = device();
    const one = await createFamily(anna);
    await push(anna, remover.request([remover.mutation({ kind: 'family', id: one.id, op: 'delete', baseRev: 1 })]));
    const [edit] = await push(
      bo,
      editor.request([
        editor.mutation({ kind: 'family', id: one.id, op: 'update', baseRev: 1, data: { notes: 'ny' } }),
      ]),
    );
    expect(edit).toMatchObject({ status: 'conflict', rev: 2, record: { deleted: true } });

    const two = await createFamily(anna);
    await push(
      bo,
      editor.request([
        editor.mutation({ kind: 'family', id: two.id, op: 'update', baseRev: 1, data: { notes: 'ny' } }),
      ]),
    );
    const [del] = await push(
      anna,
      remover.request([remover.mutation({ kind: 'family', id: two.id, op: 'delete', baseRev: 1 })]),
    );
    expect(del).toMatchObject({ status: 'conflict', rev: 2, record: { deleted: false, data: { notes: 'ny' } } });
    const conflict = (await pullAll(anna)).conflicts.find((c) => c.id === del?.conflictId);
    expect(conflict?.data).toMatchObject({ op: 'delete', mine: null, fields: ['notes'] });
  });

  it('restores a deleted record with a create based on its deleted revision', async () => {
    const { id, dev } = await createFamily(anna);
    await push(anna, dev.request([dev.mutation({ kind: 'family', id, op: 'delete', baseRev: 1 })]));
    const [stale] = await push(
      bo,
      device().request([device().mutation({ kind: 'family', id, op: 'create', baseRev: 0, data: family('Igen') })]),
    );
    expect(stale).toMatchObject({ status: 'rejected', error: { code: 'already_exists' } });
    const [restored] = await push(
      bo,
      device().request([device().mutation({ kind: 'family', id, op: 'create', baseRev: 2, data: family('Igen') })]),
    );
    expect(restored).toMatchObject({ status: 'applied', rev: 3, record: { deleted: false, data: { name: 'Igen' } } });
  });

  it('rejects bad mutations one by one, keeps them in the ledger, and carries on with the batch', async () => {
    const { id: familyId } = await createFamily(anna);
    const dev = device();
    const childId = randomUUID();
    const batch = [
      dev.mutation({
        kind: 'child',
        id: randomUUID(),
        op: 'create',
        baseRev: 0,
        data: { ...child(familyId), cpr: '1503254123' },
      }),
      dev.mutation({ kind: 'settings', id: randomUUID(), op: 'create', baseRev: 0, data: {} }),
      dev.mutation({ kind: 'family', id: randomUUID(), op: 'update', baseRev: 1, data: { notes: 'x' } }),
      dev.mutation({ kind: 'family', id: familyId, op: 'create', baseRev: 0, data: family() }),
      dev.mutation({ kind: 'family', id: familyId, op: 'update', baseRev: 1, data: { status: 'ukendt', name: '' } }),
      dev.mutation({ kind: 'family', id: familyId, op: 'update', baseRev: 1, data: { unknownField: 1 } }),
      dev.mutation({ kind: 'family', id: randomUUID(), op: 'create', baseRev: 0 }),
      dev.mutation({ kind: 'child', id: familyId, op: 'delete', baseRev: 1 }),
      dev.mutation({
        kind: 'child',
        id: childId,
        op: 'create',
        baseRev: 0,
        data: { ...child(familyId), cpr: '140325-4123' },
      }),
    ];
    const results = await push(anna, dev.request(batch));
    expect(results.map((r) => r.error?.code ?? r.status)).toEqual([
      'invalid_data',
      'unknown_kind',
      'not_found',
      'already_exists',
      'invalid_data',
      'invalid_data',
      'invalid_data',
      'not_found',
      'applied',
    ]);
    expect(results[0]?.error?.details).toEqual([{ path: 'cpr', message: 'validation.cprBirthDateMismatch' }]);
    expect(results[4]?.error?.details).toEqual(
      expect.arrayContaining([
        { path: 'status', message: 'validation.invalidChoice' },
        { path: 'name', message: 'validation.required' },
      ]),
    );
    expect(results[8]?.record?.data).toMatchObject({ cpr: '1403254123', lastName: '' });
    const dead = rejectedMutations(server.store.db, teamId).filter((d) => d.deviceId === dev.deviceId);
    expect(dead).toHaveLength(8);
    expect(dead.map((d) => d.payload)).toEqual(expect.arrayContaining([batch[0], batch[4]]));
  });

  it('processes mutations in clientSeq order and answers in request order', async () => {
    const dev = device();
    const id = randomUUID();
    const create = { ...dev.mutation({ kind: 'family', id, op: 'create', baseRev: 0, data: family() }), clientSeq: 10 };
    const edit = {
      ...dev.mutation({ kind: 'family', id, op: 'update', baseRev: 1, data: { notes: 'x' } }),
      clientSeq: 11,
    };
    const results = await push(anna, dev.request([edit, create]));
    expect(results.map((r) => [r.mutationId, r.status, r.rev])).toEqual([
      [edit.mutationId, 'applied', 2],
      [create.mutationId, 'applied', 1],
    ]);
  });

  it('refuses a newer schema version with 409', async () => {
    const res = await pushAs(server, anna, device().request([], SCHEMA_VERSION + 1));
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: { code: 'schema_version_unsupported' } });
  });
});
