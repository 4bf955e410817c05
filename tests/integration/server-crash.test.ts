import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createUser } from '../../src/server/auth/create-user.ts';
import { openStore } from '../../src/server/store/db.ts';
import { pullResponseSchema, pushResponseSchema } from '../../src/shared/sync/protocol.ts';
import { cheapScrypt, device, family, login, makeTempDir, PASSWORD, pullAs, pushAs } from './helpers/server-app.ts';
import { type ServerProcess, startServerProcess } from './helpers/server-process.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

let proc: ServerProcess | undefined;
let dir: ReturnType<typeof makeTempDir> | undefined;
afterEach(async () => {
  await proc?.dispose();
  dir?.remove();
  proc = undefined;
  dir = undefined;
});

/** A data dir with one account, created before the server starts. */
async function seededDataDir(): Promise<string> {
  dir = makeTempDir('tusind-dage-crash-');
  const store = openStore({ dataDir: dir.path });
  await createUser(store.db, { username: 'anna', password: PASSWORD, team: 'Nord' }, { kdf: cheapScrypt });
  store.close();
  return dir.path;
}

describe('server process', () => {
  it('prints its URL and how to create the first account, and exits 0 on SIGTERM', async () => {
    proc = await startServerProcess();
    expect(proc.output()).toContain(`running at ${proc.url}`);
    expect(proc.output()).toContain('npm run --silent admin -- create-user');
    expect(await proc.kill('SIGTERM')).toBe(0);
  });

  it('refuses to start with a bad PORT, saying why', () => {
    const result = spawnSync(process.execPath, ['src/server/main.ts'], {
      cwd: repoRoot,
      env: { ...process.env, PORT: '99999' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('PORT: PORT must be between 1 and 65535');
  });
});

describe('crash safety (SIGKILL)', () => {
  it('keeps a write acknowledged just before the crash, and a retry after restart is a duplicate', async () => {
    proc = await startServerProcess({ dataDir: await seededDataDir() });
    const token = await login(proc, 'anna');
    const dev = device();
    const id = randomUUID();
    const request = dev.request([dev.mutation({ kind: 'family', id, op: 'create', baseRev: 0, data: family() })]);
    const first = await pushAs(proc, token, request);
    expect(first.status).toBe(200);
    await proc.kill('SIGKILL');

    await proc.restart();
    const pulled = pullResponseSchema.parse((await pullAs(proc, token)).body);
    expect(pulled.changes.map((r) => [r.id, r.rev])).toEqual([[id, 1]]);

    const retry = await pushAs(proc, token, request);
    const [was] = pushResponseSchema.parse(first.body).results;
    const [now] = pushResponseSchema.parse(retry.body).results;
    expect(now).toEqual({ ...was, status: 'duplicate' });
    expect(pullResponseSchema.parse((await pullAs(proc, token)).body).changes).toHaveLength(1);
  });

  it('a push killed in flight is all or nothing, and the retry converges to one clean attempt', async () => {
    proc = await startServerProcess({ dataDir: await seededDataDir() });
    const token = await login(proc, 'anna');
    const dev = device();
    const request = dev.request(
      Array.from({ length: 1000 }, () =>
        dev.mutation({ kind: 'family', id: randomUUID(), op: 'create', baseRev: 0, data: family() }),
      ),
    );
    const inFlight = pushAs(proc, token, request).catch(() => null);
    await new Promise((r) => setTimeout(r, 40));
    await proc.kill('SIGKILL');
    await inFlight;

    await proc.restart();
    const before = pullResponseSchema.parse((await pullAs(proc, token, '?limit=1000')).body).changes.length;
    expect([0, 1000]).toContain(before);

    const retry = await pushAs(proc, token, request);
    expect(retry.status).toBe(200);
    const statuses = new Set(pushResponseSchema.parse(retry.body).results.map((r) => `${r.status}:${r.rev}`));
    expect(statuses).toEqual(new Set([before === 0 ? 'applied:1' : 'duplicate:1']));
    const after = pullResponseSchema.parse((await pullAs(proc, token, '?limit=1000')).body);
    expect(after.changes).toHaveLength(1000);
    expect(after.changes.every((r) => r.rev === 1)).toBe(true);
  });
});
