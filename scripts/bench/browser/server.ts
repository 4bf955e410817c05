/**
 * The real server for the browser benchmarks, in-process: SQLite file in a temporary DATA_DIR,
 * users created as the admin CLI does, documents seeded through the server's own push() (one
 * transaction per batch, as a device's push request), and login through the API.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../../src/server/app.ts';
import { createUser } from '../../../src/server/auth/create-user.ts';
import { demoPusher, pushDemoActivity } from '../../../src/server/cli/demo.ts';
import { findUserByUsername } from '../../../src/server/store/accounts.ts';
import { openStore } from '../../../src/server/store/db.ts';
import { push } from '../../../src/server/sync/push.ts';
import type { DemoActivity } from '../../../src/shared/caseload/demo-activity.ts';
import type { DemoDocument } from '../../../src/shared/caseload/demo-data.ts';
import { SCHEMA_VERSION } from '../../../src/shared/version.ts';
import { benchPort } from '../lib.ts';

export const BENCH_PASSWORD = 'Bench-Password-2026!';

export async function startBenchServer(distDir: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-server-'));
  const store = openStore({ dataDir });
  const app = await buildApp({ store, config: { tokenTtlDays: 30, logLevel: 'silent' }, distDir, logger: false });
  // Time spent in the server per sync route (from the request's arrival until the answer is sent).
  const serverMs = { push: 0, pull: 0 };
  app.addHook('onResponse', async (request, reply) => {
    if (request.url.startsWith('/api/sync/push')) serverMs.push += reply.elapsedTime;
    else if (request.url.startsWith('/api/sync/pull')) serverMs.pull += reply.elapsedTime;
  });
  const url = await app.listen({ host: '127.0.0.1', port: await benchPort() });

  async function user(
    username: string,
    team: string,
    name?: string,
    role?: 'nurse' | 'leader' | 'admin',
  ): Promise<string> {
    await createUser(store.db, {
      username,
      password: BENCH_PASSWORD,
      team,
      ...(name ? { name } : {}),
      ...(role ? { role } : {}),
    });
    const response = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: BENCH_PASSWORD }),
    });
    if (!response.ok) throw new Error(`login ${username}: ${response.status}`);
    return ((await response.json()) as { token: string }).token;
  }

  /** Seeds documents as created by one device, in push batches of `batch`; returns ms. */
  function seed(username: string, docs: DemoDocument[], batch = 500): number {
    const row = findUserByUsername(store.db, username);
    if (!row) throw new Error(`no user ${username}`);
    const deviceId = randomUUID();
    const start = performance.now();
    for (let i = 0; i < docs.length; i += batch) {
      const mutations = docs.slice(i, i + batch).map((d, k) => ({
        mutationId: randomUUID(),
        clientSeq: i + k + 1,
        kind: d.kind,
        id: d.id,
        op: 'create' as const,
        baseRev: 0,
        data: d.data as Record<string, unknown>,
      }));
      const { results } = push(store.db, row, { deviceId, schemaVersion: SCHEMA_VERSION, mutations }, new Date());
      const bad = results.find((r) => r.status !== 'applied');
      if (bad) throw new Error(`seed: ${bad.status} ${JSON.stringify(bad.error)}`);
    }
    return performance.now() - start;
  }

  /** Seeds demo activity as the demo loader does (each visit a draft on its day, then signed). */
  function seedActivity(username: string, activity: DemoActivity): void {
    const row = findUserByUsername(store.db, username);
    if (!row) throw new Error(`no user ${username}`);
    pushDemoActivity(demoPusher(store.db, row, 500, randomUUID()), activity);
  }

  /** The user's id (a signer must be the signed-in user). */
  function userId(username: string): string {
    const row = findUserByUsername(store.db, username);
    if (!row) throw new Error(`no user ${username}`);
    return row.id;
  }

  return {
    url,
    dataDir,
    user,
    userId,
    seed,
    seedActivity,
    /** The server time of the sync routes since the last call. */
    takeServerMs() {
      const taken = { ...serverMs };
      serverMs.push = 0;
      serverMs.pull = 0;
      return taken;
    },
    async close() {
      await app.close();
      store.close();
    },
  };
}
