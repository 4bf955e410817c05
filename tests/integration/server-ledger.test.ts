/**
 * The leaner ledger (issue 12 §5) keeps guarantee 2 exactly: a repeated mutationId returns the
 * first answer — also after its record has moved on — while payloads are kept only for dead
 * letters and a create's field metadata is one entry.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { device, family } from './helpers/server-app.ts';
import { setupNordTeam } from './helpers/server-team.ts';

const team = setupNordTeam();

describe('the ledger', () => {
  it('replays the first answer exactly after the record was updated, deleted and conflicted', async () => {
    const dev = device();
    const id = randomUUID();
    const create = dev.mutation({ kind: 'family', id, op: 'create', baseRev: 0, data: family('Familien Først') });
    const [created] = await team.push(team.anna, dev.request([create]));
    const update = dev.mutation({ kind: 'family', id, op: 'update', baseRev: 1, data: { notes: 'anden' } });
    const [updated] = await team.push(team.anna, dev.request([update]));
    const other = device();
    const stale = other.mutation({ kind: 'family', id, op: 'update', baseRev: 1, data: { notes: 'konflikt' } });
    const [conflicted] = await team.push(team.bo, other.request([stale]));
    expect(conflicted?.status).toBe('conflict');
    const remove = dev.mutation({ kind: 'family', id, op: 'delete', baseRev: 2 });
    const [deleted] = await team.push(team.anna, dev.request([remove]));
    expect(deleted?.status).toBe('applied');

    const replay = await team.push(team.anna, dev.request([create, update, remove]));
    expect(replay).toEqual([
      { ...created, status: 'duplicate' },
      { ...updated, status: 'duplicate' },
      { ...deleted, status: 'duplicate' },
    ]);
    expect(replay[0]?.record?.data).toMatchObject({ name: 'Familien Først', notes: '' });
    expect(await team.push(team.bo, other.request([stale]))).toEqual([{ ...conflicted, status: 'duplicate' }]);
  });

  it('keeps payloads only for rejected mutations, and one field-metadata entry per create', async () => {
    const dev = device();
    const id = randomUUID();
    const good = dev.mutation({ kind: 'family', id, op: 'create', baseRev: 0, data: family() });
    const bad = dev.mutation({
      kind: 'family',
      id: randomUUID(),
      op: 'create',
      baseRev: 0,
      data: { status: 'ukendt' },
    });
    await team.push(team.anna, dev.request([good, bad]));
    const db = team.server.store.db;
    const payload = (mutationId: string) =>
      (db.prepare('SELECT payload FROM mutations WHERE mutation_id = ?').get(mutationId) as { payload: string | null })
        .payload;
    expect(payload(good.mutationId)).toBeNull();
    expect(JSON.parse(payload(bad.mutationId) ?? 'null')).toEqual(bad);
    const meta = db.prepare('SELECT field_meta FROM records WHERE id = ?').get(id) as { field_meta: string };
    expect(JSON.parse(meta.field_meta)).toEqual([1, dev.deviceId]);
  });
});
