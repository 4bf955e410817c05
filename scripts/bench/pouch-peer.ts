/**
 * The sync benchmark's peer server: express-pouchdb (the CouchDB replication protocol) over
 * PouchDB 9 with the in-memory adapter, on 127.0.0.1. Paths under /__bench/ serve the peer's
 * benchmark page (scripts/bench/browser/pouch.ts bundled), so the page and the database share an
 * origin as the app and its server do.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { benchPort } from './lib.ts';

const require = createRequire(import.meta.url);

type PouchDoc = { _id: string; [key: string]: unknown };
export type PeerDb = {
  bulkDocs(docs: PouchDoc[], options?: object): Promise<unknown[]>;
  info(): Promise<{ doc_count: number }>;
  destroy(): Promise<void>;
};
type PouchStatic = { new (name: string): PeerDb; plugin(p: unknown): PouchStatic; defaults(o: object): PouchStatic };

export type Peer = { url: string; db(name: string): PeerDb; close(): Promise<void> };

export async function startPouchPeer(pageDir: string): Promise<Peer> {
  const Pouch = (require('pouchdb-core') as PouchStatic)
    .plugin(require('pouchdb-adapter-memory'))
    .plugin(require('pouchdb-adapter-http'))
    .plugin(require('pouchdb-mapreduce'))
    .plugin(require('pouchdb-replication'))
    .defaults({ adapter: 'memory' });
  const expressPouch = require('express-pouchdb') as (
    p: PouchStatic,
    o: object,
  ) => (req: unknown, res: unknown) => void;
  const app = expressPouch(Pouch, { mode: 'minimumForPouchDB', inMemoryConfig: true, logPath: '/dev/null' });
  const server: Server = createServer((req, res) => {
    if (req.url?.startsWith('/__bench/')) {
      const name = req.url.slice('/__bench/'.length).split('?')[0] ?? '';
      try {
        const body = readFileSync(join(pageDir, name.replace(/[^\w.-]/g, '')));
        res.writeHead(200, { 'content-type': name.endsWith('.html') ? 'text/html' : 'text/javascript' });
        res.end(body);
      } catch {
        res.writeHead(404).end();
      }
      return;
    }
    app(req, res);
  });
  const port = await benchPort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    db: (name) => new Pouch(name),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
