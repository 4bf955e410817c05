/**
 * The admin CLI beyond create-user's fixed form: passwords from stdin or a prompt, team names
 * matched ignoring case, a new team announced, --help per command, and the recovery commands.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/server/auth/passwords.ts';
import { runAdmin } from '../../src/server/cli/admin-commands.ts';
import type { AdminIo } from '../../src/server/cli/terminal.ts';
import { findUserByUsername, listTeams } from '../../src/server/store/accounts.ts';
import { openStore, type Store } from '../../src/server/store/db.ts';
import { cheapScrypt, makeTempDir } from './helpers/server-app.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

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

const io = (answers: { stdin?: string; prompts?: string[] }): AdminIo => {
  const prompts = [...(answers.prompts ?? [])];
  return {
    interactive: answers.prompts !== undefined,
    readStdin: async () => answers.stdin ?? '',
    promptHidden: async () => prompts.shift() ?? '',
  };
};
const run = (argv: string[], answers: { stdin?: string; prompts?: string[] } = {}) =>
  runAdmin(argv, store.db, { kdf: cheapScrypt, io: io(answers) });

describe('create-user', () => {
  it('reads the password from stdin or a prompt when --password is absent', async () => {
    const a = await run(['create-user', '--username', 'anna', '--password-stdin', '--team', 'Nord'], {
      stdin: 'kaffe-og-kage-42',
    });
    expect(a.exitCode, a.stderr.join()).toBe(0);
    expect(await verifyPassword('kaffe-og-kage-42', findUserByUsername(store.db, 'anna')?.passwordHash ?? '')).toBe(
      true,
    );
    const b = await run(['create-user', '--username', 'bo', '--team', 'Nord'], {
      prompts: ['solsikke-paa-bakken', 'solsikke-paa-bakken'],
    });
    expect(b.exitCode).toBe(0);
    expect(await verifyPassword('solsikke-paa-bakken', findUserByUsername(store.db, 'bo')?.passwordHash ?? '')).toBe(
      true,
    );
    const differ = await run(['create-user', '--username', 'carl', '--team', 'Nord'], {
      prompts: ['a-b-c-d-e-f-g', 'x'],
    });
    expect(differ.exitCode).toBe(1);
    expect(differ.stderr[0]).toMatch(/differ/);
    const noSource = await run(['create-user', '--username', 'dora', '--team', 'Nord']);
    expect(noSource.exitCode).toBe(2);
    expect(noSource.stderr[0]).toMatch(/missing --password.*--password-stdin/);
  });

  it('matches team names ignoring case and spaces, announces a new team and warns about a similar one', async () => {
    await run(['create-user', '--username', 'anna', '--password', 'kaffe-og-kage-42', '--team', 'Sundhedsplejen Nord']);
    const same = await run([
      'create-user',
      '--username',
      'bo',
      '--password',
      'kaffe-og-kage-42',
      '--team',
      '  sundhedsplejen   NORD ',
    ]);
    expect(same.stdout[0]).toBe('Created user "bo" (bo, role nurse) in team "Sundhedsplejen Nord".');
    expect(listTeams(store.db)).toHaveLength(1);
    const typo = await run([
      'create-user',
      '--username',
      'carl',
      '--password',
      'kaffe-og-kage-42',
      '--team',
      'Sundhedsplejen Nrod',
    ]);
    expect(typo.exitCode).toBe(0);
    expect(typo.stdout[0]).toMatch(/\(new team\)\.$/);
    expect(typo.stderr).toEqual([
      expect.stringMatching(/^Note: "Sundhedsplejen Nrod" is a NEW team\. Existing teams: "Sundhedsplejen Nord"/),
      expect.stringMatching(/^Warning: similar team names exist \("Sundhedsplejen Nord"\)/),
    ]);
  });

  it('refuses the guessable passwords of the issue', async () => {
    for (const password of ['abababababab', 'qwerty123456']) {
      const out = await run(['create-user', '--username', 'anna', '--password', password, '--team', 'Nord']);
      expect(out.exitCode).toBe(1);
      expect(out.stderr[0]).toMatch(/^Error: Adgangskoden .* \/ The password /);
    }
  });
});

describe('help and recovery commands', () => {
  it.each(['create-user', 'list-users', 'disable-user', 'enable-user', 'reset-password', 'create-demo'])(
    '%s --help prints its usage and exits 0',
    async (command) => {
      const out = await run([command, '--help']);
      expect(out.exitCode).toBe(0);
      expect(out.stdout[0]).toMatch(/^Usage:/);
      expect(out.stdout.join('\n')).toContain(command);
    },
  );

  it('lists, disables, enables and resets', async () => {
    await run([
      'create-user',
      '--username',
      'anna',
      '--password',
      'kaffe-og-kage-42',
      '--team',
      'Nord',
      '--name',
      'Anna Holm',
    ]);
    await run(['create-user', '--username', 'bo', '--password', 'kaffe-og-kage-42', '--team', 'Syd']);
    const list = await run(['list-users']);
    expect(list.stdout[0]).toMatch(/^USERNAME\s+NAME\s+ROLE\s+STATUS\s+TEAM$/);
    expect(list.stdout.slice(1)).toEqual([
      expect.stringMatching(/^anna\s+Anna Holm\s+nurse\s+active\s+Nord$/),
      expect.stringMatching(/^bo\s+/),
    ]);
    expect((await run(['list-users', '--team', 'nord'])).stdout).toHaveLength(2);
    expect((await run(['disable-user', '--username', 'ANNA'])).exitCode).toBe(0);
    expect(findUserByUsername(store.db, 'anna')?.disabledAt).not.toBeNull();
    expect((await run(['list-users', '--team', 'Nord'])).stdout[1]).toMatch(/disabled/);
    expect((await run(['enable-user', '--username', 'anna'])).exitCode).toBe(0);
    expect(findUserByUsername(store.db, 'anna')?.disabledAt).toBeNull();
    const reset = await run(['reset-password', '--username', 'anna', '--password-stdin'], {
      stdin: 'midlertidig-kode-77',
    });
    expect(reset.exitCode, reset.stderr.join()).toBe(0);
    const anna = findUserByUsername(store.db, 'anna');
    expect(anna?.mustChangePassword).toBe(true);
    expect(await verifyPassword('midlertidig-kode-77', anna?.passwordHash ?? '')).toBe(true);
    expect((await run(['reset-password', '--username', 'anna'])).exitCode).toBe(2);
    expect((await run(['disable-user', '--username', 'nobody'])).exitCode).toBe(1);
    const audited = store.db.prepare("SELECT action FROM audit_events WHERE actor_username = 'cli' ORDER BY id").all();
    expect(audited.map((r) => (r as { action: string }).action)).toEqual([
      'admin.user_created',
      'admin.user_created',
      'admin.user_disabled',
      'admin.user_enabled',
      'admin.password_reset',
    ]);
  });

  it('reads --password-stdin through the real process', () => {
    const out = spawnSync(
      process.execPath,
      ['src/server/cli/admin.ts', 'create-user', '--username', 'eva', '--password-stdin', '--team', 'Nord'],
      {
        cwd: repoRoot,
        env: { ...process.env, DATA_DIR: dir.path },
        input: 'kaffe-og-kage-42\n',
        encoding: 'utf8',
      },
    );
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout.trim()).toBe('Created user "eva" (eva, role nurse) in team "Nord" (new team).');
  });
});
