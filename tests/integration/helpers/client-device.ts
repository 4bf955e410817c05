/**
 * A simulated tablet for integration tests: its own IndexedDB (fake-indexeddb), the app's real
 * record writer/reader, the Dexie sync store and the sync engine, talking HTTP to the real server
 * through a transport that tests can make faulty.
 */
import { randomUUID } from 'node:crypto';
import { openDb, type TusindDageDb } from '../../../src/client/db/db.ts';
import { recordReader } from '../../../src/client/db/reader.ts';
import { recordWriter } from '../../../src/client/db/records.ts';
import { dexieSyncStore } from '../../../src/client/sync/dexie-store.ts';
import { createSyncEngine, type SyncTransport } from '../../../src/client/sync/engine.ts';
import { httpTransport } from '../../../src/client/sync/transport.ts';
import { SCHEMA_VERSION } from '../../../src/shared/version.ts';

export type Device = {
  name: string;
  db: TusindDageDb;
  writer: ReturnType<typeof recordWriter>;
  reader: ReturnType<typeof recordReader>;
  transport: SyncTransport;
  sync(options?: {
    pageSize?: number;
    batchSize?: number;
    batchBytes?: number;
  }): ReturnType<ReturnType<typeof createSyncEngine>['syncOnce']>;
  pendingCount(): Promise<number>;
  close(): Promise<void>;
};

export async function openDevice(
  name: string,
  server: { url: string },
  token: string,
  wrap: (transport: SyncTransport) => SyncTransport = (t) => t,
): Promise<Device> {
  const db = openDb(`device-${name}-${randomUUID()}`);
  await db.open();
  const transport = wrap(httpTransport({ baseUrl: server.url, token: () => token }));
  const store = dexieSyncStore(db);
  return {
    name,
    db,
    writer: recordWriter(db),
    reader: recordReader(db),
    transport,
    sync: (options = {}) =>
      createSyncEngine({ store, transport, schemaVersion: SCHEMA_VERSION, ...options }).syncOnce(),
    pendingCount: () => db.outbox.where('state').equals('pending').count(),
    close: async () => {
      await db.delete();
    },
  };
}

/** Everything a device holds, as comparable plain data: kind/id → {rev, deleted, data}. */
export async function snapshot(device: Device): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const table of [device.db.families, device.db.children, device.db.conflicts]) {
    for (const row of await table.toArray()) {
      out[`${row.kind}/${row.id}`] = { rev: row.rev, deleted: Boolean(row.deleted), data: row.payload.data };
    }
  }
  return out;
}
