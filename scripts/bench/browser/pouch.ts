/// <reference lib="dom" />
/**
 * Browser entry of the sync benchmark's peer: PouchDB 9's browser build (IndexedDB adapter "idb")
 * replicating with express-pouchdb (scripts/bench/pouch-peer.ts), from the peer's own origin.
 */
import PouchDB from 'pouchdb-browser';

type Doc = { _id: string; kind: string; data: unknown };

async function seed(name: string, docs: Doc[]): Promise<number> {
  const db = new PouchDB(name);
  const start = performance.now();
  for (let i = 0; i < docs.length; i += 500) await db.bulkDocs(docs.slice(i, i + 500));
  const ms = performance.now() - start;
  await db.close();
  return ms;
}

/** One replication to completion; returns its time and the documents written. */
type Replicated = { ms: number; docsWritten: number; localDocs: number };

async function replicate(direction: 'download' | 'upload', name: string, remote: string): Promise<Replicated> {
  const local = new PouchDB(name);
  const remoteDb = new PouchDB(`${location.origin}/${remote}`);
  const start = performance.now();
  const result =
    direction === 'download'
      ? await PouchDB.replicate(remoteDb, local, { batch_size: 500 })
      : await PouchDB.replicate(local, remoteDb, { batch_size: 500 });
  const ms = performance.now() - start;
  const info = await local.info();
  await local.close();
  await remoteDb.close();
  return { ms, docsWritten: result.docs_written, localDocs: info.doc_count };
}

/** Edits one document locally (the incremental case). */
async function editOne(name: string, id: string) {
  const db = new PouchDB<Doc>(name);
  const doc = await db.get(id);
  await db.put({ ...doc, data: { ...(doc.data as object), note: `edit ${Date.now()}` } });
  await db.close();
}

/** One two-way cycle (push then pull), as our syncOnce does. */
async function cycle(name: string, remote: string): Promise<{ ms: number; pushed: number; pulled: number }> {
  const local = new PouchDB(name);
  const remoteDb = new PouchDB(`${location.origin}/${remote}`);
  const start = performance.now();
  const up = await PouchDB.replicate(local, remoteDb);
  const down = await PouchDB.replicate(remoteDb, local);
  const ms = performance.now() - start;
  await local.close();
  await remoteDb.close();
  return { ms, pushed: up.docs_written, pulled: down.docs_written };
}

const api = { seed, replicate, editOne, cycle };
declare global {
  interface Window {
    pouchBench: typeof api;
  }
}
window.pouchBench = api;
