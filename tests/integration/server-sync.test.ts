import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { rejectedMutations } from '../../src/server/store/mutations.ts';
import { kinds } from '../../src/shared/schemas/all-kinds.ts';
import { SCHEMA_VERSION } from '../../src/shared/version.ts';
import { call, child, device, family, pushAs } from './helpers/server-app.ts';
import { setupNordTeam } from './helpers/server-team.ts';

const team = setupNordTeam();
const { push, pullAll, createFamily } = team;

describe('schema endpoint', () => {
  it('returns the JSON Schema of every kind from the shared zod schemas', async () => {
    const res = await call<{
      version: number;
      kinds: Record<string, { type: string; properties: Record<string, unknown> }>;
    }>(`${team.server.url}/api/schema`, { token: team.anna });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(SCHEMA_VERSION);
    expect(Object.keys(res.body.kinds).sort()).toEqual(Object.keys(kinds).sort());
    expect(res.body.kinds.family?.properties).toHaveProperty('name');
    // The CPR field is a transform: its input side is a plain string.
    expect(res.body.kinds.child?.properties.cpr).toMatchObject({ type: 'string' });
  });
});

describe('push', () => {
  it('creates with the parsed document and team.server time, and the record carries rev 1 and a seq', async () => {
    const before = Date.now();
    const { record } = await createFamily(team.anna, device(), { name: '  Familien Holm  ' });
    expect(record).toMatchObject({ kind: 'family', rev: 1, deleted: false, updatedBy: 'Anna Holm' });
    expect(record?.data).toEqual({
      name: 'Familien Holm',
      status: 'aktiv',
      inclusionDate: '',
      inclusionReason: '',
      tovholder: '',
      address: '',
      notes: '',
      extraVisitsOffer: { offeredOn: '', answer: '', declineReason: '' },
      lostToFollowUp: { reason: '', date: '' },
    });
    expect(Date.parse(record?.updatedAt ?? '')).toBeGreaterThanOrEqual(before - 1000);
    expect(record?.seq).toBeGreaterThan(0);
  });

  it('updates changed fields only; rev grows by exactly one and seq moves on', async () => {
    const { id, dev, record } = await createFamily(team.anna);
    const [r1] = await push(
      team.anna,
      dev.request([dev.mutation({ kind: 'family', id, op: 'update', baseRev: 1, data: { notes: 'Første besøg' } })]),
    );
    expect(r1).toMatchObject({ status: 'applied', rev: 2 });
    expect(r1?.record?.data).toMatchObject({ name: 'Familien Jensen', notes: 'Første besøg' });
    expect(r1?.record?.seq).toBeGreaterThan(record?.seq ?? 0);
    const [r2] = await push(
      team.anna,
      dev.request([dev.mutation({ kind: 'family', id, op: 'update', baseRev: 2, data: { status: 'afsluttet' } })]),
    );
    expect(r2).toMatchObject({ status: 'applied', rev: 3 });
    expect(r2?.record?.data).toMatchObject({ notes: 'Første besøg', status: 'afsluttet' });
  });

  it('soft-deletes, keeping the data', async () => {
    const { id, dev } = await createFamily(team.anna);
    const [r] = await push(team.anna, dev.request([dev.mutation({ kind: 'family', id, op: 'delete', baseRev: 1 })]));
    expect(r).toMatchObject({
      status: 'applied',
      rev: 2,
      record: { deleted: true, data: { name: 'Familien Jensen' } },
    });
    const pulled = (await pullAll(team.bo)).changes.find((c) => c.id === id);
    expect(pulled).toMatchObject({ deleted: true, rev: 2, data: { name: 'Familien Jensen' } });
    // Deleting again is acknowledged without a new revision.
    const [again] = await push(
      team.bo,
      device().request([device().mutation({ kind: 'family', id, op: 'delete', baseRev: 1 })]),
    );
    expect(again).toMatchObject({ status: 'applied', rev: 2 });
  });

  it('answers a repeated mutationId as duplicate with the same rev and changes nothing', async () => {
    const { id, dev } = await createFamily(team.anna);
    const m = dev.mutation({ kind: 'family', id, op: 'update', baseRev: 1, data: { notes: 'én gang' } });
    const [first] = await push(team.anna, dev.request([m]));
    const seqAfterFirst = (await pullAll(team.anna)).nextSince;
    const [second] = await push(team.anna, dev.request([m]));
    const [third] = await push(team.bo, { deviceId: 'other', schemaVersion: 1, mutations: [m, m] }).then((r) => r);
    expect(first).toMatchObject({ status: 'applied', rev: 2 });
    expect(second).toEqual({ ...first, status: 'duplicate' });
    expect(third).toEqual({ ...first, status: 'duplicate' });
    expect((await pullAll(team.anna)).nextSince).toBe(seqAfterFirst);
    const row = team.server.store.db.prepare('SELECT rev FROM records WHERE id = ?').get(id);
    expect(row).toEqual({ rev: 2 });
  });

  it('treats a repeated mutationId within one request as a duplicate', async () => {
    const dev = device();
    const m = dev.mutation({ kind: 'family', id: randomUUID(), op: 'create', baseRev: 0, data: family() });
    const [a, b] = await push(team.anna, dev.request([m, m]));
    expect(a?.status).toBe('applied');
    expect(b).toEqual({ ...a, status: 'duplicate' });
  });

  it('rejects bad mutations one by one, keeps them in the ledger, and carries on with the batch', async () => {
    const { id: familyId } = await createFamily(team.anna);
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
      dev.mutation({ kind: 'opskrift', id: randomUUID(), op: 'create', baseRev: 0, data: {} }),
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
    const results = await push(team.anna, dev.request(batch));
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
    const dead = rejectedMutations(team.server.store.db, team.teamId).filter((d) => d.deviceId === dev.deviceId);
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
    const results = await push(team.anna, dev.request([edit, create]));
    expect(results.map((r) => [r.mutationId, r.status, r.rev])).toEqual([
      [edit.mutationId, 'applied', 2],
      [create.mutationId, 'applied', 1],
    ]);
  });

  it('refuses a newer schema version with 409', async () => {
    const res = await pushAs(team.server, team.anna, device().request([], SCHEMA_VERSION + 1));
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: { code: 'schema_version_unsupported' } });
  });
});
