import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodePayload } from './codec.ts';
import { openDb, type TusindDageDb } from './db.ts';
import { recordReader } from './reader.ts';
import { recordWriter, ValidationError } from './records.ts';

let database: TusindDageDb;
const familyId = '3f0c2a8e-1b7d-4e5f-9a6b-2c3d4e5f6a7b';

beforeEach(async () => {
  database = openDb(`test-${crypto.randomUUID()}`);
  await database.open();
});
afterEach(async () => {
  await database.delete();
});

describe('record writer', () => {
  it('writes the record and its outbox entry together, with defaults applied', async () => {
    const writer = recordWriter(database);
    const id = await writer.create('family', { name: 'Familien Jensen' });
    const row = await database.families.get(id);
    expect(row).toMatchObject({ id, kind: 'family', rev: 0, sync: 'pending', deleted: 0 });
    expect(row?.payload.data).toMatchObject({ name: 'Familien Jensen', status: 'aktiv', address: '' });
    const outbox = await database.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ kind: 'family', id, op: 'create', baseRev: 0, state: 'pending', clientSeq: 1 });
  });

  it('rejects invalid input with field issues and writes nothing', async () => {
    const writer = recordWriter(database);
    await expect(writer.create('family', { name: '' })).rejects.toBeInstanceOf(ValidationError);
    await expect(writer.create('family', { name: '' })).rejects.toMatchObject({
      issues: [{ path: 'name', message: 'validation.required' }],
    });
    expect(await database.families.count()).toBe(0);
    expect(await database.outbox.count()).toBe(0);
  });

  it('queues only the changed fields of an update, with the base revision', async () => {
    const writer = recordWriter(database);
    const id = await writer.create('family', { name: 'Familien Jensen' });
    await database.families.update(id, { rev: 3, sync: 'synced' });
    const changed = await writer.update('family', id, { name: 'Familien Jensen', address: 'Byvej 1' });
    expect(changed).toEqual(['address']);
    const last = await database.outbox.orderBy('clientSeq').last();
    expect(last).toMatchObject({ op: 'update', baseRev: 3, data: { data: { address: 'Byvej 1' } } });
    expect((await database.families.get(id))?.sync).toBe('pending');
    expect(await writer.update('family', id, { name: 'Familien Jensen', address: 'Byvej 1' })).toEqual([]);
    expect(await database.outbox.count()).toBe(2);
  });

  it('keeps the family index on children', async () => {
    const writer = recordWriter(database);
    await writer.create('child', { familyId, firstName: 'Alma', sex: 'pige', birthDate: '2025-03-14' });
    const reader = recordReader(database);
    const children = await reader.childrenOfFamily(familyId);
    expect(children.map((c) => c.data.firstName)).toEqual(['Alma']);
  });

  it('hands out increasing client sequence numbers', async () => {
    const writer = recordWriter(database);
    for (let i = 0; i < 5; i++) await writer.create('family', { name: `Familie ${i}` });
    const seqs = (await database.outbox.toArray()).map((e) => e.clientSeq);
    expect(seqs).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('record reader', () => {
  it('quarantines a damaged row instead of failing the read', async () => {
    const writer = recordWriter(database);
    const good = await writer.create('family', { name: 'Familien Hansen' });
    await database.families.add({
      id: 'c4a1f0de-0000-4000-8000-000000000001',
      kind: 'family',
      rev: 1,
      updatedAt: '2026-01-01T00:00:00.000Z',
      updatedBy: '',
      deleted: 0,
      sync: 'synced',
      payload: encodePayload({ name: 42 }),
    });
    await database.families.add({ id: 'c4a1f0de-0000-4000-8000-000000000002', garbage: true } as never);
    const reader = recordReader(database);
    const families = await reader.all('family');
    expect(families.map((f) => f.id)).toEqual([good]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await database.quarantine.count()).toBe(2);
    expect(await database.families.count()).toBe(1);
    const reasons = (await database.quarantine.toArray()).map((q) => q.reason).sort();
    expect(reasons).toEqual(['name: validation.required', 'unknown payload format']);
  });
});
