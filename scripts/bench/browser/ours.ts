/// <reference lib="dom" />
/**
 * Browser entry of the sync benchmark ("ours"): the app's real sync engine, encrypted store (AES-GCM
 * segments in IndexedDB, state in memory) and HTTP transport, bundled by
 * scripts/bench/browser/build.ts and loaded from the real server's origin.
 * Exposes window.oursBench; every function returns plain JSON for Playwright. Phase timers wrap
 * the store seam (IndexedDB work) and the transport seam (network, JSON parse, response schema).
 */

import { newDataKey } from '../../../src/client/db/crypto.ts';
import { LocalStore } from '../../../src/client/db/local-store.ts';
import { DEVICE_KEY } from '../../../src/client/db/meta.ts';
import { recordReader } from '../../../src/client/db/reader.ts';
import { outboxEntry, recordWriter } from '../../../src/client/db/records.ts';
import type { LocalRow } from '../../../src/client/db/state.ts';
import { matches, searchIndex } from '../../../src/client/features/families/search.ts';
import { createSyncEngine, type SyncStore, type SyncTransport } from '../../../src/client/sync/engine.ts';
import { localSyncStore } from '../../../src/client/sync/local-store-sync.ts';
import { httpTransport } from '../../../src/client/sync/transport.ts';
import type { DemoDocument } from '../../../src/shared/caseload/demo-data.ts';
import { type RecordKind, schemasOf } from '../../../src/shared/schemas/kinds.ts';
import { SCHEMA_VERSION } from '../../../src/shared/version.ts';

/**
 * Where the time of one sync went. storeMs: the SyncStore seam (sealing and writing segments,
 * applying them in memory); transportMs: the SyncTransport seam. `detail` splits both: per
 * store method, and per HTTP call the wait for the response headers (network and server), reading
 * the body and JSON.parse; the rest of the transport is the request's JSON.stringify and the
 * response schema (zod).
 */
type Phases = {
  storeMs: number;
  transportMs: number;
  pushMs: number;
  totalMs: number;
  pushed: number;
  pulled: number;
  detail: Record<string, number>;
};

function timed<T extends object>(target: T, add: (ms: number, key: string) => void): T {
  const out = {} as Record<string, unknown>;
  for (const [key, fn] of Object.entries(target)) {
    out[key] = async (...args: unknown[]) => {
      const start = performance.now();
      try {
        return await (fn as (...a: unknown[]) => Promise<unknown>)(...args);
      } finally {
        add(performance.now() - start, key);
      }
    };
  }
  return out as T;
}

/** fetch that records the wait for headers, the body read and JSON.parse under `http.<call>.*`. */
function timedFetch(add: (key: string, ms: number) => void) {
  return async (input: string, init?: RequestInit): Promise<Response> => {
    const call = input.includes('/api/sync/push') ? 'push' : 'pull';
    const start = performance.now();
    const response = await fetch(input, init);
    add(`http.${call}.wait`, performance.now() - start);
    Object.defineProperty(response, 'json', {
      value: async () => {
        const t0 = performance.now();
        const text = await response.text();
        const t1 = performance.now();
        const value: unknown = JSON.parse(text);
        add(`http.${call}.body`, t1 - t0);
        add(`http.${call}.json`, performance.now() - t1);
        return value;
      },
    });
    return response;
  };
}

/** One data key for the page; one open store per name (as the app keeps the unlocked store open). */
const key = newDataKey();
const stores = new Map<string, Promise<LocalStore>>();
function storeFor(name: string): Promise<LocalStore> {
  let store = stores.get(name);
  if (!store) {
    store = (async () => {
      const opened = await LocalStore.open(name, await key);
      if (!opened.state.meta.has(DEVICE_KEY)) {
        await opened.transact((tx) => tx.setMeta(DEVICE_KEY, { deviceId: crypto.randomUUID(), userName: 'bench' }));
      }
      return opened;
    })();
    stores.set(name, store);
  }
  return store;
}

async function sync(dbName: string, token: string, options: { pageSize?: number } = {}): Promise<Phases> {
  const database = await storeFor(dbName);
  const phases: Phases = { storeMs: 0, transportMs: 0, pushMs: 0, totalMs: 0, pushed: 0, pulled: 0, detail: {} };
  const add = (key: string, ms: number) => {
    phases.detail[key] = (phases.detail[key] ?? 0) + ms;
  };
  const start = performance.now();
  const store: SyncStore = timed(
    localSyncStore(() => database),
    (ms, key) => {
      phases.storeMs += ms;
      add(`store.${key}`, ms);
    },
  );
  const inner = httpTransport({ baseUrl: location.origin, token: () => token, fetch: timedFetch(add) });
  let firstPull = 0;
  const transport: SyncTransport = timed(
    {
      push: inner.push,
      pull: (since: string, limit: number) => {
        if (firstPull === 0) firstPull = performance.now();
        return inner.pull(since, limit);
      },
    },
    (ms, key) => {
      phases.transportMs += ms;
      add(`transport.${key}`, ms);
    },
  );
  // The engine's own batch and page sizes, as the app runs it.
  const engine = createSyncEngine({
    store,
    transport,
    schemaVersion: SCHEMA_VERSION,
    ...(options.pageSize ? { pageSize: options.pageSize } : {}),
  });
  const outcome = await engine.syncOnce();
  phases.totalMs = performance.now() - start;
  phases.pushMs = (firstPull || performance.now()) - start;
  phases.pushed = outcome.pushed;
  phases.pulled = outcome.pulled;
  return phases;
}

/** How many of the upload's records are created one by one through recordWriter.create. */
const SINGLE_CREATES = 200;

/**
 * Fills the outbox with `docs` as new records. The first SINGLE_CREATES go through
 * recordWriter.create as a nurse's saves do (validated, one sealed segment and one strict-durability
 * IndexedDB transaction each; their time per create is returned). The rest are the same rows and
 * outbox entries (validated by the same schemas, built by the same `outboxEntry`) in transactions
 * of 500: one fsync per create would make a 50,000-record run take many minutes, and this part is
 * not what the upload times.
 */
async function seedOutbox(dbName: string, docs: DemoDocument[]): Promise<{ ms: number; singleCreateMs: number }> {
  const database = await storeFor(dbName);
  const writer = recordWriter(() => database);
  const start = performance.now();
  const single = docs.slice(0, SINGLE_CREATES);
  for (const doc of single) await writer.create(doc.kind, doc.data, doc.id);
  const singleCreateMs = (performance.now() - start) / Math.max(1, single.length);
  const rest = docs.slice(SINGLE_CREATES);
  for (let i = 0; i < rest.length; i += 500) {
    const batch = await Promise.all(
      rest.slice(i, i + 500).map(async (d) => {
        const { schema } = await schemasOf(d.kind);
        return { doc: d, data: schema.parse(d.data) as Record<string, unknown> };
      }),
    );
    await database.transact((tx) => {
      for (const { doc, data } of batch) {
        const row: LocalRow = {
          id: doc.id,
          kind: doc.kind,
          rev: 0,
          updatedAt: new Date().toISOString(),
          updatedBy: 'bench',
          deleted: 0,
          data,
        };
        tx.put(row);
        tx.enqueue(outboxEntry(doc.kind, doc.id, 'create', 0, data));
      }
    });
  }
  const ms = performance.now() - start;
  // Start the upload from a compacted log, so no compaction scheduled by the seeding runs inside it.
  await database.compact();
  return { ms, singleCreateMs };
}

/** One edit through recordWriter (the incremental sync's "one changed record"). */
async function editOne(dbName: string, kind: RecordKind, id: string, patch: Record<string, unknown>): Promise<void> {
  const database = await storeFor(dbName);
  const current = await recordReader(() => database).get(kind, id);
  if (!current) throw new Error(`no ${kind} ${id}`);
  await recordWriter(() => database).update(kind, id, { ...current.data, ...patch });
}

/** Stores documents as the sync store adopts pulled records (synced rows), for the query figures. */
async function fill(dbName: string, docs: DemoDocument[]): Promise<number> {
  const database = await storeFor(dbName);
  const start = performance.now();
  for (let i = 0; i < docs.length; i += 1000) {
    await database.transact((tx) => {
      docs.slice(i, i + 1000).forEach((d, k) => {
        const row: LocalRow = {
          id: d.id,
          kind: d.kind,
          rev: 1,
          seq: i + k + 1,
          updatedAt: '2026-05-12T08:00:00.000Z',
          updatedBy: 'bench',
          deleted: 0,
          data: d.data as Record<string, unknown>,
        };
        tx.put(row);
      });
    });
  }
  return performance.now() - start;
}

/** Search as the family list does: read families, children, caregivers, build the index, filter. */
async function search(dbName: string, query: string) {
  const database = await storeFor(dbName);
  const reader = recordReader(() => database);
  const t0 = performance.now();
  const [families, byFamily, caregivers] = await Promise.all([
    reader.all('family'),
    reader.childrenOfFamilies(),
    reader.all('caregiver'),
  ]);
  const t1 = performance.now();
  const names = new Map<string, string[]>();
  for (const c of caregivers) names.set(c.data.familyId, [...(names.get(c.data.familyId) ?? []), c.data.name]);
  const index = families.map((f) =>
    searchIndex(f.id, [
      f.data.name,
      f.data.address,
      ...(names.get(f.id) ?? []),
      ...(byFamily.get(f.id) ?? []).flatMap((c) => [`${c.data.firstName} ${c.data.lastName}`, c.data.cpr]),
    ]),
  );
  const t2 = performance.now();
  const hits = index.filter((entry) => matches(entry, query)).length;
  const t3 = performance.now();
  return { families: families.length, hits, readMs: t1 - t0, indexMs: t2 - t1, filterMs: t3 - t2, totalMs: t3 - t0 };
}

/** Opening a child's page: the child, its family, contacts, visits and their observations. */
async function openChild(dbName: string, childId: string) {
  const database = await storeFor(dbName);
  const reader = recordReader(() => database);
  const t0 = performance.now();
  const child = await reader.get('child', childId);
  if (!child) throw new Error('no child');
  const [family, contacts, visits, observations] = await Promise.all([
    reader.get('family', child.data.familyId),
    reader.contactsOfChild(childId),
    reader.byIndex('visit', 'childId', childId),
    reader.byIndex('observation', 'childId', childId),
  ]);
  const ms = performance.now() - t0;
  return {
    ms,
    family: family ? 1 : 0,
    contacts: contacts.length,
    visits: visits.length,
    observations: observations.length,
  };
}

async function count(dbName: string) {
  const database = await storeFor(dbName);
  let records = 0;
  for (const kind of ['family', 'child', 'caregiver', 'consent', 'contact', 'visit', 'observation'] as const)
    records += database.state.countOf(kind);
  return { records, outbox: database.state.outbox.size };
}

const api = { sync, seedOutbox, editOne, fill, search, openChild, count };
declare global {
  interface Window {
    oursBench: typeof api;
  }
}
window.oursBench = api;
