/**
 * The writer bases a change on what the person saw: a colleague's revision that arrives by sync
 * while a form is open (or while the writer awaits its schema) is neither reverted nor claimed seen.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openTestStore } from '../../../tests/setup/test-store.ts';
import { baseOf, recordWriter } from './records.ts';

let remove: (() => Promise<void>) | undefined;
afterEach(async () => {
  await remove?.();
  remove = undefined;
});

async function setUp() {
  const test = await openTestStore();
  remove = test.remove;
  const { store } = test;
  const writer = recordWriter(() => store);
  const id = crypto.randomUUID();
  // The family as the server has it at rev 1 (synced, nothing queued).
  await store.transact((tx) =>
    tx.put({
      id,
      kind: 'family',
      rev: 1,
      updatedAt: '2026-11-30T10:00:00.000Z',
      updatedBy: 'Mette',
      deleted: 0,
      data: { name: 'Familien Holm', address: 'Storgade 1' },
    }),
  );
  /** A colleague's rev 2 arriving by pull. */
  const pulled = (data: Record<string, unknown>) =>
    store.transact((tx) => {
      const row = tx.get('family', id);
      if (row) tx.put({ ...row, rev: 2, data: { ...row.data, ...data } });
    });
  const outbox = () => [...store.state.outbox.values()];
  return { store, writer, id, pulled, outbox };
}

describe('recordWriter.update with the base the form opened with', () => {
  it('queues only the field she changed, based on rev 1, and keeps the colleague’s change locally', async () => {
    const { store, writer, id, pulled, outbox } = await setUp();
    const base = baseOf(store, 'family', id);
    await pulled({ address: 'Havnevej 9' });
    // Her form still shows rev 1's address; she changes the name only.
    await writer.update('family', id, { name: 'Familien Holm-Jensen', address: 'Storgade 1' }, base);
    expect(outbox()).toMatchObject([{ op: 'update', baseRev: 1, data: { name: 'Familien Holm-Jensen' } }]);
    expect(outbox()[0]?.data).not.toHaveProperty('address');
    expect(store.state.get('family', id)?.data).toMatchObject({ name: 'Familien Holm-Jensen', address: 'Havnevej 9' });
  });

  it('without a base, a pull that lands while the schema loads is not claimed as seen', async () => {
    const { writer, id, pulled, outbox } = await setUp();
    const saving = writer.update('family', id, { name: 'Familien Holm', address: 'Skolevej 2' });
    await pulled({ name: 'Familien Holm-Nielsen' });
    await saving;
    expect(outbox()).toMatchObject([{ baseRev: 1, data: { address: 'Skolevej 2' } }]);
    expect(outbox()[0]?.data).not.toHaveProperty('name');
  });

  it('a later revision with the same data (her own change acknowledged) counts as seen', async () => {
    const { store, writer, id, pulled, outbox } = await setUp();
    const base = baseOf(store, 'family', id);
    await pulled({});
    await writer.update('family', id, { name: 'Familien Holm', address: 'Skolevej 2' }, base);
    expect(outbox()).toMatchObject([{ baseRev: 2 }]);
  });

  it('a delete names the revision she saw', async () => {
    const { store, writer, id, pulled, outbox } = await setUp();
    const base = baseOf(store, 'family', id);
    await pulled({ address: 'Havnevej 9' });
    await writer.remove('family', id, base);
    expect(outbox()).toMatchObject([{ op: 'delete', baseRev: 1 }]);
  });
});
