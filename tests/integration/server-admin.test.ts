import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/server/auth/passwords.ts';
import { DEMO_TEAM, runAdmin } from '../../src/server/cli/admin-commands.ts';
import { findUserByUsername } from '../../src/server/store/accounts.ts';
import { openStore, type Store } from '../../src/server/store/db.ts';
import { cheapScrypt, makeTempDir } from './helpers/server-app.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

describe('admin commands', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let store: Store;
  beforeEach(() => {
    dir = makeTempDir();
    store = openStore({ dataDir: dir.path });
  });
  afterEach(() => {
    store.close();
    dir.remove();
  });

  const run = (...argv: string[]) => runAdmin(argv, store.db, { kdf: cheapScrypt });
  const createAnna = (...extra: string[]) =>
    run('create-user', '--username', 'Anna', '--password', 'kaffe-og-kage-42', '--team', 'Nord', ...extra);

  it('creates a user and the team when it is new', async () => {
    const out = await createAnna('--role', 'leader', '--name', 'Anna Holm');
    expect(out).toEqual({
      exitCode: 0,
      stdout: ['Created user "Anna" (Anna Holm, role leader) in team "Nord" (new team).'],
      stderr: [],
    });
    const user = findUserByUsername(store.db, 'anna');
    expect(user).toMatchObject({ username: 'Anna', displayName: 'Anna Holm', role: 'leader' });
    expect(user?.passwordHash).toMatch(/^scrypt\$/);
    expect(await verifyPassword('kaffe-og-kage-42', user?.passwordHash ?? '')).toBe(true);

    const second = await run('create-user', '--username', 'bo', '--password', 'kaffe-og-kage-43', '--team', 'Nord');
    expect(second.exitCode).toBe(0);
    expect(second.stdout[0]).toBe('Created user "bo" (bo, role nurse) in team "Nord".');
    expect(findUserByUsername(store.db, 'bo')?.teamId).toBe(user?.teamId);
  });

  it('refuses a duplicate username, case-insensitively', async () => {
    await createAnna();
    const out = await run('create-user', '--username', 'ANNA', '--password', 'kaffe-og-kage-43', '--team', 'Syd');
    expect(out.exitCode).toBe(1);
    expect(out.stderr).toEqual([expect.stringMatching(/^Error: The username "ANNA" is taken/)]);
  });

  it('refuses a weak password with a Danish and English message', async () => {
    const out = await run('create-user', '--username', 'anna', '--password', 'kort', '--team', 'Nord');
    expect(out.exitCode).toBe(1);
    expect(out.stderr[0]).toMatch(/^Error: Adgangskoden skal være mindst 10 tegn \/ The password must be at least/);
    expect(findUserByUsername(store.db, 'anna')).toBeUndefined();
  });

  it('refuses a bad role, missing arguments and unknown options', async () => {
    const role = await createAnna('--role', 'boss');
    expect(role.exitCode).toBe(1);
    expect(role.stderr[0]).toMatch(/Invalid role "boss": use one of nurse, leader, admin/);

    const missing = await run('create-user', '--username', 'anna');
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr[0]).toMatch(/^Error: missing --password, --team\./);

    const unknown = await createAnna('--colour', 'blue');
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr[0]).toMatch(/--colour/);

    const command = await run('delete-everything');
    expect(command.exitCode).toBe(2);
    expect((await run()).stdout[0]).toMatch(/^Usage:/);
    expect(store.db.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 0 });
  });

  it('creates a clearly marked demo account once and prints its login, again on a second run', async () => {
    const out = await run('create-demo');
    expect(out.exitCode).toBe(0);
    expect(out.stdout.join('\n')).toContain(DEMO_TEAM);
    const password =
      out.stdout
        .find((l) => l.includes('password:'))
        ?.split('password:')[1]
        ?.trim() ?? '';
    expect(out.stdout).toContain('  username: demo');
    const demo = findUserByUsername(store.db, 'demo');
    expect(await verifyPassword(password, demo?.passwordHash ?? '')).toBe(true);

    const again = await run('create-demo');
    expect(again.exitCode).toBe(0);
    expect(again.stdout[0]).toMatch(/already exists; its fictional caseload was left unchanged/);
    const renewed =
      again.stdout
        .find((l) => l.includes('password:'))
        ?.split('password:')[1]
        ?.trim() ?? '';
    const after = findUserByUsername(store.db, 'demo');
    expect(await verifyPassword(renewed, after?.passwordHash ?? '')).toBe(true);
    expect(await verifyPassword(password, after?.passwordHash ?? '')).toBe(false);
  });
});

describe('admin CLI process', () => {
  it('creates a user in DATA_DIR and exits non-zero with one clear line for a duplicate', () => {
    const dir = makeTempDir();
    try {
      const runCli = (...args: string[]) =>
        spawnSync(process.execPath, ['src/server/cli/admin.ts', ...args], {
          cwd: repoRoot,
          env: { ...process.env, DATA_DIR: dir.path },
          encoding: 'utf8',
        });
      const args = ['create-user', '--username', 'anna', '--password', 'kaffe-og-kage-42', '--team', 'Nord'];
      const ok = runCli(...args);
      expect(ok.status, ok.stderr).toBe(0);
      expect(ok.stdout.trim()).toBe('Created user "anna" (anna, role nurse) in team "Nord" (new team).');

      const dup = runCli(...args);
      expect(dup.status).toBe(1);
      expect(dup.stdout).toBe('');
      expect(dup.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Error: The username "anna" is taken/)]);

      const store = openStore({ dataDir: dir.path });
      expect(findUserByUsername(store.db, 'ANNA')?.username).toBe('anna');
      store.close();
    } finally {
      dir.remove();
    }
  });
});
