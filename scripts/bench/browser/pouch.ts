/// <reference lib="dom" />
/**
 * Browser entry of the sync benchmark's peer: PouchDB 9's browser build replicating with
 * express-pouchdb (scripts/bench/pouch-peer.ts), from the peer's own origin. Tuned as PouchDB's
 * docs advise for bulk replication: `batch_size` 1000 (default 100) and `batches_limit` 10 (its
 * default: batches fetched ahead), with either IndexedDB adapter: "idb" (pouchdb-browser's
 * default) or "indexeddb" (pouchdb-adapter-indexeddb, the newer one, one object store per db).
 */
import IndexeddbAdapter from 'pouchdb-adapter-indexeddb';
import PouchDB from 'pouchdb-browser';

PouchDB.plugin(IndexeddbAdapter);

type Doc = { _id: string; kind: string; data: unknown };
export type Adapter = 'idb' | 'indexeddb';
const tuned = { batch_size: 1000, batches_limit: 10 };

const open = (name: string, adapter: Adapter) => new PouchDB<Doc>(name, { adapter });
const remote = (name: string) => new PouchDB(`${location.origin}/${name}`);

async function seed(name: string, adapter: Adapter, docs: Doc[]): Promise<number> {
  const db = open(name, adapter);
  const start = performance.now();
  for (let i = 0; i < docs.length; i += 1000) await db.bulkDocs(docs.slice(i, i + 1000));
  const ms = performance.now() - start;
  await db.close();
  return ms;
}

/** One replication to completion; returns its time and the documents written. */
type Replicated = { ms: number; docsWritten: number; localDocs: number };

async function replicate(
  direction: 'download' | 'upload',
  name: string,
  adapter: Adapter,
  remoteName: string,
): Promise<Replicated> {
  const local = open(name, adapter);
  const remoteDb = remote(remoteName);
  const start = performance.now();
  const result =
    direction === 'download'
      ? await PouchDB.replicate(remoteDb, local, tuned)
      : await PouchDB.replicate(local, remoteDb, tuned);
  const ms = performance.now() - start;
  const info = await local.info();
  await local.close();
  await remoteDb.close();
  return { ms, docsWritten: result.docs_written, localDocs: info.doc_count };
}

/** Edits one document locally (the incremental case). */
async function editOne(name: string, adapter: Adapter, id: string) {
  const db = open(name, adapter);
  const doc = await db.get(id);
  await db.put({ ...doc, data: { ...(doc.data as object), note: `edit ${Date.now()}` } });
  await db.close();
}

/** One two-way cycle (push, then pull), as our syncOnce does; times both legs. */
async function cycle(name: string, adapter: Adapter, remoteName: string) {
  const local = open(name, adapter);
  const remoteDb = remote(remoteName);
  const start = performance.now();
  const up = await PouchDB.replicate(local, remoteDb, tuned);
  const pushMs = performance.now() - start;
  const down = await PouchDB.replicate(remoteDb, local, tuned);
  const ms = performance.now() - start;
  await local.close();
  await remoteDb.close();
  return { ms, pushMs, pushed: up.docs_written, pulled: down.docs_written };
}

const api = { seed, replicate, editOne, cycle };
declare global {
  interface Window {
    pouchBench: typeof api;
  }
}
window.pouchBench = api;
