/**
 * Hardening of logins and storage over HTTP against a real SQLite file (issue 14 §4): login limits
 * per (account, address) behind a trusted proxy, transparent re-hashing to Argon2id, the
 * dead-letter quota, file modes, and a store that cannot be written (503, never 500).
 */
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { findUserByUsername } from '../../src/server/store/accounts.ts';
import { DB_FILE_NAME, openStore, type Store } from '../../src/server/store/db.ts';
import { DEAD_LETTER_MAX_BYTES_PER_USER } from '../../src/server/sync/dead-letters.ts';
import {
  addUser,
  call,
  device,
  login,
  makeTempDir,
  PASSWORD,
  pushAs,
  startTestServer,
  type TestServer,
} from './helpers/server-app.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const loginFrom = (s: TestServer, address: string | undefined, username: string, password: string) =>
  call(`${s.url}/api/auth/login`, {
    body: { username, password },
    ...(address ? { headers: { 'x-forwarded-for': address } } : {}),
  });

describe('login limits an attacker cannot turn against a nurse', () => {
  it('5 wrong passwords from one address do not lock the real user out from another (TRUST_PROXY)', async () => {
    server = await startTestServer({ config: { trustProxy: ['127.0.0.1'] } });
    await addUser(server.store, { username: 'anna', team: 'Nord' });
    for (let i = 0; i < 5; i++) {
      expect((await loginFrom(server, '203.0.113.9', 'anna', `forkert-${i}`)).status).toBe(401);
    }
    const attacker = await loginFrom(server, '203.0.113.9', 'anna', PASSWORD);
    expect(attacker.status).toBe(429);
    expect(attacker.body).toMatchObject({ error: { code: 'rate_limited', details: { scope: 'account' } } });
    // Anna's tablet behind the same municipality proxy, but its own client address.
    expect((await loginFrom(server, '10.20.30.40', 'anna', PASSWORD)).status).toBe(200);
  });

  it('grows the delay with every further failure of the pair', async () => {
    server = await startTestServer({ config: { trustProxy: ['127.0.0.1'] } });
    await addUser(server.store, { username: 'anna', team: 'Nord' });
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await loginFrom(server, '203.0.113.9', 'anna', `forkert-${i}`);
      if (res.status === 429) {
        const wait = Number(res.headers.get('retry-after'));
        waits.push(wait);
        server.clock.offsetMs += wait * 1000;
        i--;
        continue;
      }
      expect(res.status).toBe(401);
    }
    expect(waits).toEqual([30, 60, 120]);
  });

  it('without TRUST_PROXY ignores X-Forwarded-For (a client cannot pick its own address)', async () => {
    server = await startTestServer();
    await addUser(server.store, { username: 'anna', team: 'Nord' });
    for (let i = 0; i < 5; i++) {
      expect((await loginFrom(server, `198.51.100.${i}`, 'anna', `forkert-${i}`)).status).toBe(401);
    }
    expect((await loginFrom(server, '198.51.100.99', 'anna', PASSWORD)).status).toBe(429);
  });
});

describe('password hashes', () => {
  it('re-hashes an old scrypt hash to Argon2id at a successful login, transparently', async () => {
    const dir = makeTempDir();
    const store = openStore({ dataDir: dir.path });
    await addUser(store, { username: 'anna', team: 'Nord' });
    expect(findUserByUsername(store.db, 'anna')?.passwordHash).toMatch(/^scrypt\$1024\$/);
    // The real app, with the default KDF (Argon2id at OWASP's minimum).
    const app = await buildApp({ store, config: { logLevel: 'silent' }, logger: false });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const res = await call(`${url}/api/auth/login`, { body: { username: 'anna', password: PASSWORD } });
      expect(res.status).toBe(200);
      expect(findUserByUsername(store.db, 'anna')?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      const again = await call(`${url}/api/auth/login`, { body: { username: 'anna', password: PASSWORD } });
      expect(again.status).toBe(200);
    } finally {
      await app.close();
      store.close();
      dir.remove();
    }
  });
});

describe('dead-letter quota', () => {
  it('bounds what one user can store in rejected payloads, still answers every rejection, and alerts', async () => {
    server = await startTestServer();
    await addUser(server.store, { username: 'anna', team: 'Nord' });
    const token = await login(server, 'anna');
    const dev = device();
    const blob = 'x'.repeat(4000);
    let rejected = 0;
    let mutations: ReturnType<typeof dev.mutation>[] = [];
    let last: unknown;
    for (let batch = 0; batch < 4; batch++) {
      mutations = Array.from({ length: 1000 }, () =>
        dev.mutation({ kind: 'no-such-kind', id: randomUUID(), op: 'create', baseRev: 0, data: { blob } }),
      );
      const res = await pushAs(server, token, dev.request(mutations));
      last = res.body.results.at(-1);
      expect(res.status).toBe(200);
      rejected += res.body.results.filter((r) => r.status === 'rejected' && r.error?.code === 'unknown_kind').length;
    }
    expect(rejected).toBe(4000);
    const stored = server.store.db
      .prepare("SELECT count(*) AS n, sum(length(payload)) AS bytes FROM mutations WHERE status = 'rejected'")
      .get() as { n: number; bytes: number };
    expect(stored.n).toBe(4000);
    // ~16 MB were sent; the verbatim part stays within the quota, the rest are short summaries.
    expect(stored.bytes).toBeLessThan(DEAD_LETTER_MAX_BYTES_PER_USER + 4000 * 600);
    const summary = server.store.db
      .prepare("SELECT payload FROM mutations WHERE status = 'rejected' ORDER BY rowid DESC LIMIT 1")
      .get() as { payload: string };
    expect(JSON.parse(summary.payload)).toMatchObject({ summary: true, reason: 'quota', kind: 'no-such-kind' });
    const alerts = server.store.db.prepare('SELECT kind, occurrences FROM admin_alerts').all();
    expect(alerts).toEqual([{ kind: 'dead_letter_quota', occurrences: expect.any(Number) }]);
    // A repeated mutationId of a summarised dead letter still gets its exact rejection back.
    const again = await pushAs(server, token, dev.request(mutations.slice(-1)));
    expect(again.body.results[0]).toEqual({ ...(last as object), status: 'duplicate' });
  });

  it('summarises a single payload over the per-payload cap', async () => {
    server = await startTestServer();
    await addUser(server.store, { username: 'anna', team: 'Nord' });
    const token = await login(server, 'anna');
    const dev = device();
    const m = dev.mutation({
      kind: 'family',
      id: randomUUID(),
      op: 'create',
      baseRev: 0,
      data: { name: 'x'.repeat(200_000) },
    });
    const res = await pushAs(server, token, dev.request([m]));
    expect(res.body.results[0]).toMatchObject({ status: 'rejected', error: { code: 'invalid_data' } });
    const row = server.store.db.prepare('SELECT payload FROM mutations WHERE mutation_id = ?').get(m.mutationId) as {
      payload: string;
    };
    expect(JSON.parse(row.payload)).toMatchObject({ summary: true, reason: 'too_large', fields: ['name'] });
    const again = await pushAs(server, token, dev.request([m]));
    expect(again.body.results[0]).toEqual({ ...res.body.results[0], status: 'duplicate' });
  });
});

describe('data files', () => {
  it('creates DATA_DIR 0700 and the database, -wal and -shm 0600', async () => {
    const dir = makeTempDir();
    const dataDir = join(dir.path, 'new', 'data');
    const store = openStore({ dataDir });
    store.db.prepare("INSERT INTO teams (id, name, created_at) VALUES ('t', 'Nord', '2025-01-01')").run();
    try {
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      for (const suffix of ['', '-wal', '-shm']) {
        expect(statSync(join(dataDir, `${DB_FILE_NAME}${suffix}`)).mode & 0o777, suffix).toBe(0o600);
      }
    } finally {
      store.close();
      dir.remove();
    }
  });
});

describe('a database that cannot be written', () => {
  /** The app over a store whose connection is read-only (as after DATA_DIR turned read-only). */
  async function readOnlyServer(): Promise<{ url: string; close(): Promise<void>; token: string }> {
    const dir = makeTempDir();
    const writable = openStore({ dataDir: dir.path });
    await addUser(writable, { username: 'anna', team: 'Nord' });
    const app0 = await buildApp({ store: writable, config: { logLevel: 'silent' }, logger: false });
    const url0 = await app0.listen({ host: '127.0.0.1', port: 0 });
    const token = await login({ url: url0 }, 'anna');
    await app0.close();
    writable.close();
    const db = new Database(join(dir.path, DB_FILE_NAME), { readonly: true });
    const store: Store = { db, path: join(dir.path, DB_FILE_NAME), close: () => db.close() };
    const app = await buildApp({ store, config: { logLevel: 'silent' }, logger: false });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    return {
      url,
      token,
      close: async () => {
        await app.close();
        db.close();
        dir.remove();
      },
    };
  }

  it('makes /api/health report not ready, and login and push a clear 503', async () => {
    const ro = await readOnlyServer();
    try {
      const health = await call(`${ro.url}/api/health`);
      expect(health.status).toBe(503);
      expect(health.body).toMatchObject({ error: { code: 'storage_unavailable' } });
      const res = await call(`${ro.url}/api/auth/login`, { body: { username: 'anna', password: PASSWORD } });
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ error: { code: 'storage_unavailable' } });
      const dev = device();
      const push = await call(`${ro.url}/api/sync/push`, {
        token: ro.token,
        body: dev.request([
          dev.mutation({ kind: 'family', id: randomUUID(), op: 'create', baseRev: 0, data: { name: 'x' } }),
        ]),
      });
      expect(push.status).toBe(503);
      expect(push.body).toMatchObject({ error: { code: 'storage_unavailable' } });
    } finally {
      await ro.close();
    }
  });
});
