/**
 * A simulated tablet for integration tests: its own encrypted store (fake-indexeddb, a real AES-GCM
 * data key), the app's real record writer/reader, the store's sync seam and the sync engine,
 * talking HTTP to the real server through a transport that tests can make faulty.
 */
import { randomUUID } from 'node:crypto';
import { newDataKey } from '../../../src/client/db/crypto.ts';
import { deleteStore, LocalStore } from '../../../src/client/db/local-store.ts';
import { DEVICE_KEY } from '../../../src/client/db/meta.ts';
import { recordReader } from '../../../src/client/db/reader.ts';
import { recordWriter } from '../../../src/client/db/records.ts';
import type { LocalRow, OutboxEntry, SyncState } from '../../../src/client/db/state.ts';
import { createSyncEngine, type SyncTransport } from '../../../src/client/sync/engine.ts';
import { localSyncStore } from '../../../src/client/sync/local-store-sync.ts';
import { httpTransport } from '../../../src/client/sync/transport.ts';
import type { RecordKind } from '../../../src/shared/schemas/kinds.ts';
import { SCHEMA_VERSION } from '../../../src/shared/version.ts';

export type Device = {
  name: string;
  store: LocalStore;
  deviceId: string;
  writer: ReturnType<typeof recordWriter>;
  reader: ReturnType<typeof recordReader>;
  transport: SyncTransport;
  sync(options?: {
    pageSize?: number;
    batchSize?: number;
    batchBytes?: number;
  }): ReturnType<ReturnType<typeof createSyncEngine>['syncOnce']>;
  pendingCount(): Promise<number>;
  /** A row as the device holds it (tombstones included), with its derived sync state. */
  row<K extends RecordKind>(kind: K, id: string): (LocalRow<K> & { sync: SyncState }) | undefined;
  rows<K extends RecordKind>(kind: K): (LocalRow<K> & { sync: SyncState })[];
  outbox(): OutboxEntry[];
  meta(key: string): unknown;
  /** Writes a row and its outbox entry as given (what an older app version might have queued). */
  inject(row: LocalRow, entry: Omit<OutboxEntry, 'clientSeq'>): Promise<void>;
  /** The store read back from IndexedDB by a second instance: equal to memory after every change. */
  persisted(): Promise<{ rows: LocalRow[]; outbox: OutboxEntry[]; meta: [string, unknown][] }>;
  close(): Promise<void>;
};

export async function openDevice(
  name: string,
  server: { url: string },
  token: string,
  wrap: (transport: SyncTransport) => SyncTransport = (t) => t,
  userName = name,
): Promise<Device> {
  const userId = `${name}-${randomUUID()}`;
  const key = await newDataKey();
  const store = await LocalStore.open(userId, key);
  const deviceId = randomUUID();
  await store.transact((tx) => tx.setMeta(DEVICE_KEY, { deviceId, userName }));
  const transport = wrap(httpTransport({ baseUrl: server.url, token: () => token }));
  const syncStore = localSyncStore(() => store);
  const withSync = <K extends RecordKind>(row: LocalRow<K>) => ({ ...row, sync: store.state.syncState(row.id) });
  return {
    name,
    store,
    deviceId,
    writer: recordWriter(() => store),
    reader: recordReader(() => store),
    transport,
    sync: (options = {}) =>
      createSyncEngine({ store: syncStore, transport, schemaVersion: SCHEMA_VERSION, ...options }).syncOnce(),
    pendingCount: async () => [...store.state.outbox.values()].filter((e) => e.state === 'pending').length,
    row: (kind, id) => {
      const row = store.state.get(kind, id);
      return row && withSync(row);
    },
    rows: (kind) => [...store.state.rowsOf(kind)].map(withSync),
    outbox: () => [...store.state.outbox.values()],
    meta: (key) => store.state.meta.get(key),
    inject: async (row, entry) => {
      await store.transact((tx) => {
        tx.put(row);
        tx.enqueue(entry);
      });
    },
    persisted: async () => {
      const again = await LocalStore.open(userId, key);
      const snapshot = again.state.snapshot(Number.MAX_SAFE_INTEGER)[0];
      again.close();
      const rows = (snapshot?.rows ?? []).sort((a, b) => (a.id < b.id ? -1 : 1));
      const meta = (snapshot?.meta ?? []).filter(([k]) => k !== 'clientSeqHigh').sort(([a], [b]) => (a < b ? -1 : 1));
      return { rows, outbox: snapshot?.outbox ?? [], meta };
    },
    close: async () => {
      store.close();
      await deleteStore(userId);
    },
  };
}

/** Everything a device holds of families and conflicts, as comparable plain data: kind/id → {rev, deleted, data}. */
export async function snapshot(device: Device): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const kind of ['family', 'child', 'conflict'] as const) {
    for (const row of device.rows(kind)) {
      out[`${row.kind}/${row.id}`] = { rev: row.rev, deleted: Boolean(row.deleted), data: row.data };
    }
  }
  return out;
}
