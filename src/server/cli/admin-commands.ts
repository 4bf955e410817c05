/**
 * The admin CLI's commands as a testable function: parses argv (node:util parseArgs), runs the
 * command against an open store and returns the exit code and the lines to print. cli/admin.ts
 * is the thin process wrapper.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import type { Database } from 'better-sqlite3';
import { AccountError, createUser } from '../auth/create-user.ts';
import type { ScryptParams } from '../auth/passwords.ts';
import { findTeamByName, findUserByUsername, roles } from '../store/accounts.ts';

export type CommandOutput = { exitCode: number; stdout: string[]; stderr: string[] };

export const DEMO_TEAM = 'Demo (fiktive data)';
export const DEMO_USERNAME = 'demo';

export const usage = [
  'Usage:',
  `  npm run --silent admin -- create-user --username U --password P --team T [--role ${roles.join('|')}] [--name "Display Name"]`,
  '  npm run --silent admin -- create-demo',
].join('\n');

const ok = (...stdout: string[]): CommandOutput => ({ exitCode: 0, stdout, stderr: [] });
const fail = (message: string, exitCode = 1): CommandOutput => ({ exitCode, stdout: [], stderr: [message] });

export async function runAdmin(
  argv: string[],
  db: Database,
  options: { scrypt?: ScryptParams } = {},
): Promise<CommandOutput> {
  const [command, ...rest] = argv;
  try {
    if (command === 'create-user') return await createUserCommand(rest, db, options);
    if (command === 'create-demo') return await createDemoCommand(rest, db, options);
    if (command === undefined || command === '--help' || command === 'help') return ok(usage);
    return fail(`Unknown command "${command}".\n${usage}`, 2);
  } catch (error) {
    if (error instanceof AccountError) return fail(`Error: ${error.message}`);
    // parseArgs throws TypeErrors with a readable message for unknown or malformed options.
    if (error instanceof TypeError) return fail(`Error: ${error.message}\n${usage}`, 2);
    throw error;
  }
}

async function createUserCommand(args: string[], db: Database, options: { scrypt?: ScryptParams }) {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      username: { type: 'string' },
      password: { type: 'string' },
      team: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
    },
  });
  const missing = (['username', 'password', 'team'] as const).filter((k) => !values[k]);
  if (missing.length > 0) return fail(`Error: missing ${missing.map((k) => `--${k}`).join(', ')}.\n${usage}`, 2);
  const created = await createUser(
    db,
    {
      username: values.username ?? '',
      password: values.password ?? '',
      team: values.team ?? '',
      ...(values.role === undefined ? {} : { role: values.role }),
      ...(values.name === undefined ? {} : { name: values.name }),
    },
    options,
  );
  return ok(
    `Created user "${created.username}" (${created.displayName}, role ${created.role}) in team "${created.teamName}"` +
      `${created.teamCreated ? ' (new team)' : ''}.`,
  );
}

async function createDemoCommand(args: string[], db: Database, options: { scrypt?: ScryptParams }) {
  parseArgs({ args, strict: true, options: {} });
  if (findTeamByName(db, DEMO_TEAM) || findUserByUsername(db, DEMO_USERNAME)) {
    return fail(`Error: the demo account already exists (team "${DEMO_TEAM}", user "${DEMO_USERNAME}").`);
  }
  const password = `demo-${randomBytes(9).toString('base64url')}`;
  await createUser(
    db,
    { username: DEMO_USERNAME, password, team: DEMO_TEAM, role: 'nurse', name: 'Demo Sundhedsplejerske' },
    options,
  );
  return ok(
    `Created the demo team "${DEMO_TEAM}" — for fictitious data only, never real families.`,
    'Demo login:',
    `  username: ${DEMO_USERNAME}`,
    `  password: ${password}`,
  );
}
