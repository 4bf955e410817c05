import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type TusindDageDb } from '../db/db.ts';
import { recordWriter } from '../db/records.ts';
import { canDiscard, discardRejectedCreate, exportRejected, rejectedChanges, retryRejected } from './rejections.ts';

let database: TusindDageDb;
beforeEach(async () => {
  database = openDb(`rejections-${crypto.randomUUID()}`);
  await database.open();
});
afterEach(() => database.delete());

async function rejectLast(code = 'invalid_data') {
  const last = await database.outbox.orderBy('clientSeq').last();
  await database.outbox.update(last?.clientSeq ?? 0, { state: 'rejected', error: { code, message: 'no' } });
  return last?.clientSeq ?? 0;
}

describe('rejected changes', () => {
  it('are listed with their error, retried as a new pending mutation with current values', async () => {
    const writer = recordWriter(database);
    const id = await writer.create('family', { name: 'Familien A' });
    await database.families.update(id, { rev: 2, sync: 'synced' });
    await database.outbox.clear();
    await writer.update('family', id, { name: 'Familien A', address: 'Vej 1' });
    const seq = await rejectLast();
    await writer.update('family', id, { name: 'Familien B', address: 'Vej 2' });
    const [change] = await rejectedChanges(database);
    expect(change).toMatchObject({
      recordId: id,
      op: 'update',
      data: { address: 'Vej 1' },
      error: { code: 'invalid_data' },
    });
    expect(exportRejected(change as never)).toContain('"address": "Vej 1"');
    await retryRejected(seq, database);
    expect(await rejectedChanges(database)).toEqual([]);
    const pending = await database.outbox.orderBy('clientSeq').toArray();
    expect(pending.map((e) => [e.op, e.state, e.baseRev, e.data?.data])).toEqual([
      ['update', 'pending', 2, { address: 'Vej 2', name: 'Familien B' }],
      ['update', 'pending', 2, { address: 'Vej 2' }],
    ]);
    expect(pending[1]?.mutationId).not.toBe(change?.clientSeq);
  });

  it('lets only a rejected creation be discarded, removing the record the server never had', async () => {
    const writer = recordWriter(database);
    const id = await writer.create('family', { name: 'Familien C' });
    const seq = await rejectLast('already_exists');
    const [change] = await rejectedChanges(database);
    expect(change && canDiscard(change)).toBe(true);
    await discardRejectedCreate(seq, database);
    expect(await database.outbox.count()).toBe(0);
    expect(await database.families.get(id)).toBeUndefined();
  });
});
