import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { kinds } from '../../src/shared/schemas/all-kinds.ts';
import { device, family } from './helpers/server-app.ts';
import { setupNordTeam } from './helpers/server-team.ts';

const team = setupNordTeam();
const { push, pullAll, createFamily } = team;

describe('merge and conflict', () => {
  it('merges edits of different fields from two devices based on the same revision', async () => {
    const { id } = await createFamily(team.anna);
    const tablet = device();
    const laptop = device();
    const [a] = await push(
      team.anna,
      tablet.request([
        tablet.mutation({ kind: 'family', id, op: 'update', baseRev: 1, data: { notes: 'fra tablet' } }),
      ]),
    );
    const [b] = await push(
      team.bo,
      laptop.request([laptop.mutation({ kind: 'family', id, op: 'update', baseRev: 1, data: { address: 'Vej 2' } })]),
    );
    expect(a).toMatchObject({ status: 'applied', rev: 2 });
    expect(b).toMatchObject({ status: 'merged', rev: 3, record: { data: { notes: 'fra tablet', address: 'Vej 2' } } });
  });

  it('turns an overlapping edit into a conflict: record untouched, conflict pulled by the team', async () => {
    const { id } = await createFamily(team.anna);
    const tablet = device();
    const laptop = device();
    await push(
      team.anna,
      tablet.request([
        tablet.mutation({ kind: 'family', id, op: 'update', baseRev: 1, data: { notes: 'Annas version' } }),
      ]),
    );
    const before = (await pullAll(team.anna)).changes.find((c) => c.id === id);
    const m = laptop.mutation({
      kind: 'family',
      id,
      op: 'update',
      baseRev: 1,
      data: { notes: 'Bos version', address: 'Vej 3' },
    });
    const [r] = await push(team.bo, laptop.request([m]));
    expect(r).toMatchObject({ status: 'conflict', rev: 2, conflictId: expect.any(String) });
    expect(r?.record).toEqual(before);

    const afterPull = await pullAll(team.anna);
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
    const { id } = await createFamily(team.anna);
    const a = device();
    const b = device();
    await push(
      team.anna,
      a.request([a.mutation({ kind: 'family', id, op: 'update', baseRev: 1, data: { notes: 'a' } })]),
    );
    const [c] = await push(
      team.bo,
      b.request([b.mutation({ kind: 'family', id, op: 'update', baseRev: 1, data: { notes: 'b' } })]),
    );
    const conflictId = c?.conflictId ?? '';
    const [edit, create, del] = await push(
      team.anna,
      a.request([
        a.mutation({ kind: 'conflict', id: conflictId, op: 'update', baseRev: 1, data: { fields: [] } }),
        a.mutation({ kind: 'conflict', id: randomUUID(), op: 'create', baseRev: 0, data: { status: 'open' } }),
        a.mutation({ kind: 'conflict', id: conflictId, op: 'delete', baseRev: 1 }),
      ]),
    );
    for (const r of [edit, create, del]) expect(r).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } });

    const [resolved] = await push(
      team.anna,
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
      team.bo,
      b.request([
        b.mutation({ kind: 'conflict', id: conflictId, op: 'update', baseRev: 1, data: { status: 'resolved' } }),
      ]),
    );
    expect(twice).toMatchObject({ status: 'applied', rev: 2 });
  });

  it("never conflicts between one device's successive offline edits (same baseRev)", async () => {
    const { id } = await createFamily(team.anna);
    const other = device();
    await push(
      team.bo,
      other.request([other.mutation({ kind: 'family', id, op: 'update', baseRev: 1, data: { address: 'Vej 1' } })]),
    );
    const tablet = device();
    const results = await push(
      team.anna,
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
      team.anna,
      tablet.request([tablet.mutation({ kind: 'family', id, op: 'update', baseRev: 1, data: { notes: 'endelig' } })]),
    );
    expect(later).toMatchObject({ status: 'merged', rev: 5, record: { data: { notes: 'endelig', address: 'Vej 1' } } });
  });

  it('turns edit-versus-delete into a conflict either way round', async () => {
    const editor = device();
    const remover = device();
    const one = await createFamily(team.anna);
    await push(
      team.anna,
      remover.request([remover.mutation({ kind: 'family', id: one.id, op: 'delete', baseRev: 1 })]),
    );
    const [edit] = await push(
      team.bo,
      editor.request([
        editor.mutation({ kind: 'family', id: one.id, op: 'update', baseRev: 1, data: { notes: 'ny' } }),
      ]),
    );
    expect(edit).toMatchObject({ status: 'conflict', rev: 2, record: { deleted: true } });

    const two = await createFamily(team.anna);
    await push(
      team.bo,
      editor.request([
        editor.mutation({ kind: 'family', id: two.id, op: 'update', baseRev: 1, data: { notes: 'ny' } }),
      ]),
    );
    const [del] = await push(
      team.anna,
      remover.request([remover.mutation({ kind: 'family', id: two.id, op: 'delete', baseRev: 1 })]),
    );
    expect(del).toMatchObject({ status: 'conflict', rev: 2, record: { deleted: false, data: { notes: 'ny' } } });
    const conflict = (await pullAll(team.anna)).conflicts.find((c) => c.id === del?.conflictId);
    expect(conflict?.data).toMatchObject({ op: 'delete', mine: null, fields: ['notes'] });
  });

  it('restores a deleted record with a create based on its deleted revision', async () => {
    const { id, dev } = await createFamily(team.anna);
    await push(team.anna, dev.request([dev.mutation({ kind: 'family', id, op: 'delete', baseRev: 1 })]));
    const [stale] = await push(
      team.bo,
      device().request([device().mutation({ kind: 'family', id, op: 'create', baseRev: 0, data: family('Igen') })]),
    );
    expect(stale).toMatchObject({ status: 'rejected', error: { code: 'already_exists' } });
    const [restored] = await push(
      team.bo,
      device().request([device().mutation({ kind: 'family', id, op: 'create', baseRev: 2, data: family('Igen') })]),
    );
    expect(restored).toMatchObject({ status: 'applied', rev: 3, record: { deleted: false, data: { name: 'Igen' } } });
  });
});
