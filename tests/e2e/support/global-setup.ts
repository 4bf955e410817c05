/**
 * Creates the test accounts with the real admin CLI in the e2e run's DATA_DIR: two nurses of one
 * team (two tablets), a nurse of another team (isolation) and a team leader (administration).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const E2E_PASSWORD = 'rugbroed-med-ost';
export const e2eUsers: { username: string; name: string; team: string; role?: string }[] = [
  { username: 'mette', name: 'Mette Sundhedsplejerske', team: 'Jammerbugt' },
  { username: 'hanne', name: 'Hanne Sundhedsplejerske', team: 'Jammerbugt' },
  { username: 'birgit', name: 'Birgit Ballerup', team: 'Ballerup' },
  // The team leader of Jammerbugt (administration, tests/e2e/admin.e2e.ts).
  { username: 'lone', name: 'Lone Leder', team: 'Jammerbugt', role: 'leader' },
  // A nurse whose logins and tablet the lock tests end (tests/e2e/lock.e2e.ts): nobody else uses her.
  { username: 'ulla', name: 'Ulla Udlånt', team: 'Jammerbugt' },
  // The only nurse of a team whose first download takes two pages (tests/e2e/syncbar.e2e.ts).
  { username: 'dorte', name: 'Dorte Hjørring', team: 'Hjørring' },
];

export default function globalSetup(): void {
  const root = join(import.meta.dirname, '..', '..', '..');
  for (const user of e2eUsers) {
    const result = spawnSync(
      process.execPath,
      [
        'src/server/cli/admin.ts',
        'create-user',
        '--username',
        user.username,
        '--password',
        E2E_PASSWORD,
        '--team',
        user.team,
        '--name',
        user.name,
        ...(user.role ? ['--role', user.role] : []),
      ],
      { cwd: root, env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR }, encoding: 'utf8' },
    );
    if (result.status !== 0) throw new Error(`create-user ${user.username} failed: ${result.stderr}${result.stdout}`);
  }
}
