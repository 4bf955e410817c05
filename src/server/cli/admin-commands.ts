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
import { findTeamByName, findUserById, findUserByUsername, roles } from '../store/accounts.ts';
import { DemoLoadError, loadDemoCaseload } from './demo.ts';

export type CommandOutput = { exitCode: number; stdout: string[]; stderr: string[] };

export const DEMO_TEAM = 'Demo (fiktive data)';
export const DEMO_USERNAME = 'demo';
export const DEMO_DISPLAY_NAME = 'Demo Sundhedsplejerske';
/** The largest demo caseload create-demo will load. */
export const DEMO_MAX_FAMILIES = 5000;

export const usage = [
  'Usage:',
  `  npm run --silent admin -- create-user --username U --password P --team T [--role ${roles.join('|')}] [--name "Display Name"]`,
  '  npm run --silent admin -- create-demo [--families N]   (or: npm run demo)',
].join('\n');

const ok = (...stdout: string[]): CommandOutput => ({ exitCode: 0, stdout, stderr: [] });
const fail = (message: string, exitCode = 1): CommandOutput => ({ exitCode, stdout: [], stderr: [message] });

export type AdminOptions = {
  scrypt?: ScryptParams;
  /** The clock (for tests); default now. create-demo generates its caseload for this day. */
  now?: Date;
};

export async function runAdmin(argv: string[], db: Database, options: AdminOptions = {}): Promise<CommandOutput> {
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

async function createUserCommand(args: string[], db: Database, options: AdminOptions) {
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

async function createDemoCommand(args: string[], db: Database, options: AdminOptions) {
  const { values } = parseArgs({ args, strict: true, options: { families: { type: 'string' } } });
  const families = values.families === undefined ? undefined : Number(values.families);
  if (families !== undefined && !(Number.isInteger(families) && families >= 1 && families <= DEMO_MAX_FAMILIES)) {
    return fail(`Error: --families must be a whole number from 1 to ${DEMO_MAX_FAMILIES}.\n${usage}`, 2);
  }
  if (findTeamByName(db, DEMO_TEAM) || findUserByUsername(db, DEMO_USERNAME)) {
    return fail(
      `Error: the demo account already exists (team "${DEMO_TEAM}", user "${DEMO_USERNAME}"); nothing was changed.`,
    );
  }
  const password = `demo-${randomBytes(9).toString('base64url')}`;
  const created = await createUser(
    db,
    { username: DEMO_USERNAME, password, team: DEMO_TEAM, role: 'nurse', name: DEMO_DISPLAY_NAME },
    options,
  );
  const user = findUserById(db, created.userId);
  if (!user) throw new Error('the demo user vanished after it was created');
  let loaded: ReturnType<typeof loadDemoCaseload>;
  try {
    loaded = loadDemoCaseload(db, user, {
      ...(families === undefined ? {} : { families }),
      ...(options.now === undefined ? {} : { now: options.now }),
    });
  } catch (error) {
    if (!(error instanceof DemoLoadError)) throw error;
    return fail(`Error: the demo account was created, but loading its caseload failed: ${error.message}`);
  }
  return ok(
    `Created the demo team "${DEMO_TEAM}" — for fictitious data only, never real families.`,
    `Loaded a fictional caseload for ${loaded.today} through sync push (device "demo-seed"): ` +
      `${loaded.families} families, ${loaded.children} children, ${loaded.caregivers} caregivers, ` +
      `${loaded.consents} consents, ${loaded.contacts} contacts, ${loaded.visits} signed visits ` +
      `(with ${loaded.activity} observations, instrument responses and COS-P records).`,
    'Demo login:',
    `  username: ${DEMO_USERNAME}`,
    `  password: ${password}`,
  );
}
