/**
 * The demo caseload with a team leader, for the overview's end-to-end test: `create-demo` (as `npm
 * run demo` does) loads the fictional caseload and its activity into the e2e run's DATA_DIR, then a
 * leader joins the demo team. The same caseload is regenerated here (same seed, same day), so a
 * test knows every name, CPR number and date that was seeded.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { generateDemoCaseload } from '../../../src/shared/caseload/demo-data.ts';
import { localToday } from '../../../src/shared/domain/age.ts';
import { E2E_PASSWORD } from './global-setup.ts';

export const DEMO_TEAM = 'Demo (fiktive data)';
export const LEADER = { username: 'leder', name: 'Lene Leder' };

const root = join(import.meta.dirname, '..', '..', '..');
const admin = (args: string[]) =>
  spawnSync(process.execPath, ['src/server/cli/admin.ts', ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR },
    encoding: 'utf8',
  });

/** Seeds once per e2e run (a second call finds the demo team and the leader and leaves them). */
export function seedDemoWithLeader(): void {
  const demo = admin(['create-demo']);
  if (demo.status !== 0 && !/already exists/.test(demo.stderr)) throw new Error(`create-demo failed: ${demo.stderr}`);
  const leader = admin([
    'create-user',
    '--username',
    LEADER.username,
    '--password',
    E2E_PASSWORD,
    '--team',
    DEMO_TEAM,
    '--role',
    'leader',
    '--name',
    LEADER.name,
  ]);
  if (leader.status !== 0 && !/exists|taken/i.test(leader.stderr + leader.stdout))
    throw new Error(`create-user leder failed: ${leader.stderr}${leader.stdout}`);
}

/** The caseload create-demo loaded today (the nurses' names do not change any other value). */
export const seededCaseload = () => generateDemoCaseload({ today: localToday() });
