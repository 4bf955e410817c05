/**
 * One outbox entry over the server's body limit must not block the queue (CommCare #1721): the
 * engine splits a batch the server answers 413, and a single mutation answered 413 is rejected on
 * the device (code payload_too_large, kept and shown like any rejected change) while the rest
 * syncs. Against the real server app and its 5 MiB body limit.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rejectedChanges } from '../../src/client/sync/rejections.ts';
import { type Device, openDevice } from './helpers/client-device.ts';
import { addUser, login, startTestServer, type TestServer } from './helpers/server-app.ts';

let server: TestServer;
let a: Device;
let b: Device;

beforeEach(async () => {
  server = await startTestServer();
  await addUser(server.store, { username: 'mette', team: 'Jammerbugt' });
  a = await openDevice('a', server, await login(server, 'mette'));
  b = await openDevice('b', server, await login(server, 'mette'));
});

afterEach(async () => {
  await a.close();
  await b.close();
  await server.close();
});

/** A family whose queued creation is about 6 MB (an old app version, or a pasted attachment). */
async function queueHugeFamily(device: Device): Promise<string> {
  const id = crypto.randomUUID();
  const data = { name: 'Familien Stor', notes: 'x'.repeat(6 * 1024 * 1024) };
  const now = new Date().toISOString();
  await device.inject(
    { id, kind: 'family', rev: 0, updatedAt: now, updatedBy: '', deleted: 0, data },
    {
      mutationId: crypto.randomUUID(),
      kind: 'family',
      id,
      op: 'create',
      baseRev: 0,
      data,
      createdAt: now,
      state: 'pending',
    },
  );
  return id;
}

const names = async (device: Device) => (await device.reader.all('family')).map((f) => f.data.name).sort();

describe('a mutation over the body limit', () => {
  it('is rejected on the device alone, shown as payload_too_large, and the rest syncs', async () => {
    await a.writer.create('family', { name: 'Familien Før' });
    const huge = await queueHugeFamily(a);
    await a.writer.create('family', { name: 'Familien Efter' });
    await a.writer.create('family', { name: 'Familien Sidst' });

    await a.sync();

    expect(await a.pendingCount()).toBe(0);
    const rejected = await rejectedChanges(a.store);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ recordId: huge, op: 'create', error: { code: 'payload_too_large' } });
    expect(a.row('family', huge)?.sync).toBe('rejected');
    await b.sync();
    expect(await names(b)).toEqual(['Familien Efter', 'Familien Før', 'Familien Sidst']);
    // A later sync does not send it again.
    expect((await a.sync()).pushed).toBe(0);
  });

  it('a batch the server refuses as too large is split until it fits', async () => {
    await a.writer.create('family', { name: 'Familien Før' });
    const huge = await queueHugeFamily(a);
    await a.writer.create('family', { name: 'Familien Efter' });
    await a.writer.create('family', { name: 'Familien Sidst' });

    // A byte budget above the server's limit puts everything in one batch: the server says 413.
    const outcome = await a.sync({ batchBytes: 64 * 1024 * 1024 });

    expect(outcome.pushed).toBe(3);
    expect((await rejectedChanges(a.store)).map((r) => [r.recordId, r.error.code])).toEqual([
      [huge, 'payload_too_large'],
    ]);
    await b.sync();
    expect(await names(b)).toEqual(['Familien Efter', 'Familien Før', 'Familien Sidst']);
  });
});
