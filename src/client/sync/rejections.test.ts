import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore } from '../../../tests/setup/test-store.ts';
import type { LocalStore } from '../db/local-store.ts';
import { recordWriter } from '../db/records.ts';
import { canDiscard, discardRejectedCreate, exportRejected, rejectedChanges, retryRejected } from './rejections.ts';

let local: Awaited<ReturnType<typeof openTestStore>>;
let database: LocalStore;
beforeEach(async () => {
  local = await openTestStore();
  database = local.store;
});
afterEach(() => local.remove());

const outbox = () => [...database.state.outbox.values()];

async function rejectLast(code = 'invalid_data') {
  const last = outbox().at(-1);
  await database.transact((tx) => {
    if (last) tx.putEntry({ ...last, state: 'rejected', error: { code, message: 'no' } });
  });
  return last?.clientSeq ?? 0;
}

describe('rejected changes', () => {
  it('are listed with their error, retried as a new pending mutation with current values', async () => {
    const writer = recordWriter(() => database);
    const id = await writer.create('family', { name: 'Familien A' });
    // As if the server had the record at rev 2 and the outbox was acknowledged.
    await database.transact((tx) => {
      const row = tx.get('family', id);
      if (row) tx.put({ ...row, rev: 2 });
      for (const e of outbox()) tx.deleteEntry(e.clientSeq);
    });
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
    const pending = outbox().sort((a, b) => a.clientSeq - b.clientSeq);
    expect(pending.map((e) => [e.op, e.state, e.baseRev, e.data])).toEqual([
      ['update', 'pending', 2, { address: 'Vej 2', name: 'Familien B' }],
      ['update', 'pending', 2, { address: 'Vej 2' }],
    ]);
    expect(pending[1]?.mutationId).not.toBe(change?.clientSeq);
  });

  it('lets only a rejected creation be discarded, removing the record the server never had', async () => {
    const writer = recordWriter(() => database);
    const id = await writer.create('family', { name: 'Familien C' });
    const seq = await rejectLast('already_exists');
    const [change] = await rejectedChanges(database);
    expect(change && canDiscard(change)).toBe(true);
    await discardRejectedCreate(seq, database);
    expect(outbox()).toHaveLength(0);
    expect(database.state.get('family', id)).toBeUndefined();
    // And it stays gone after a reload.
    const again = await local.reopen();
    expect(again.state.get('family', id)).toBeUndefined();
    again.close();
  });
});
