/**
 * The admin CLI's commands as a testable function: parses argv (node:util parseArgs), runs the
 * command against an open store and returns the exit code and the lines to print. cli/admin.ts
 * is the thin process wrapper. For bootstrapping and recovery without the app: create-user (the
 * fixed form of sync-protocol.md, plus a password from stdin or a prompt), list-users,
 * disable-user, enable-user, reset-password. Every change is an audit event (actor "cli").
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import type { Database } from 'better-sqlite3';
import { AccountError, createUser } from '../auth/create-user.ts';
import { checkPassword } from '../auth/password-policy.ts';
import { hashPassword, type KdfParams } from '../auth/passwords.ts';
import {
  findTeamById,
  findTeamByName,
  findUserById,
  findUserByUsername,
  listTeams,
  listUsers,
  revokeUserTokens,
  roles,
  setPassword,
  setUserDisabled,
  type UserRow,
} from '../store/accounts.ts';
import { type AuditAction, recordAudit } from '../store/audit.ts';
import { DemoLoadError, loadDemoCaseload } from './demo.ts';
import { similarNames } from './similar.ts';
import { type AdminIo, noIo } from './terminal.ts';

export type CommandOutput = { exitCode: number; stdout: string[]; stderr: string[] };

export const DEMO_TEAM = 'Demo (fiktive data)';
export const DEMO_USERNAME = 'demo';
export const DEMO_DISPLAY_NAME = 'Demo Sundhedsplejerske';
/** The largest demo caseload create-demo will load. */
export const DEMO_MAX_FAMILIES = 5000;

const run = 'npm run --silent admin --';

const help = {
  'create-user': [
    `  ${run} create-user --username U --password P --team T [--role ${roles.join('|')}] [--name "Display Name"]`,
    `  ${run} create-user --username U --password-stdin --team T ...   (password: first line of stdin)`,
    `  ${run} create-user --username U --team T ...                    (asks for the password on a terminal)`,
    '      Creates the user, and team T when no team has that name (matched ignoring case and spaces).',
  ],
  'list-users': [`  ${run} list-users [--team T]`, '      Lists users (username, role, status, team).'],
  'disable-user': [`  ${run} disable-user --username U`, '      The user can no longer log in; their sessions stop.'],
  'enable-user': [`  ${run} enable-user --username U`, '      Lets a disabled user log in again.'],
  'reset-password': [
    `  ${run} reset-password --username U [--password-stdin]`,
    '      Sets a temporary password (asked on a terminal, or from stdin) that the user must change at',
    '      next login; ends the user’s sessions.',
  ],
  'create-demo': [
    `  ${run} create-demo [--families N]   (or: npm run demo)`,
    '      A demo team with fictitious data.',
  ],
} as const;
type Command = keyof typeof help;

export const usage = ['Usage:', ...Object.values(help).flat()].join('\n');
const usageOf = (command: Command) => ['Usage:', ...help[command]].join('\n');

const ok = (...stdout: string[]): CommandOutput => ({ exitCode: 0, stdout, stderr: [] });
const fail = (message: string, exitCode = 1): CommandOutput => ({ exitCode, stdout: [], stderr: [message] });

export type AdminOptions = {
  kdf?: KdfParams;
  /** The clock (for tests); default now. create-demo generates its caseload for this day. */
  now?: Date;
  /** Where a password comes from when not on the command line; default: none. */
  io?: AdminIo;
};

class UsageError extends Error {}

export async function runAdmin(argv: string[], db: Database, options: AdminOptions = {}): Promise<CommandOutput> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') return ok(usage);
    if (!Object.hasOwn(help, command)) return fail(`Unknown command "${command}".\n${usage}`, 2);
    const known = command as Command;
    if (rest.includes('--help') || rest.includes('-h')) return ok(usageOf(known));
    try {
      return await commands[known](rest, db, options);
    } catch (error) {
      if (error instanceof UsageError) return fail(`Error: ${error.message}\n${usageOf(known)}`, 2);
      // parseArgs throws TypeErrors with a readable message for unknown or malformed options.
      if (error instanceof TypeError) return fail(`Error: ${error.message}\n${usageOf(known)}`, 2);
      throw error;
    }
  } catch (error) {
    if (error instanceof AccountError) return fail(`Error: ${error.message}`);
    throw error;
  }
}

const commands: Record<Command, (args: string[], db: Database, options: AdminOptions) => Promise<CommandOutput>> = {
  'create-user': createUserCommand,
  'list-users': listUsersCommand,
  'disable-user': (args, db, options) => setDisabledCommand(args, db, options, true),
  'enable-user': (args, db, options) => setDisabledCommand(args, db, options, false),
  'reset-password': resetPasswordCommand,
  'create-demo': createDemoCommand,
};

function cliAudit(db: Database, action: AuditAction, user: UserRow, now: Date, details?: Record<string, unknown>) {
  recordAudit(db, {
    action,
    at: now,
    teamId: user.teamId,
    actorUsername: 'cli',
    targetUserId: user.id,
    ...(details ? { details } : {}),
  });
}

/** The password from --password, --password-stdin or a hidden prompt (asked twice). */
async function passwordFrom(
  values: { password?: string | undefined; 'password-stdin'?: boolean | undefined },
  io: AdminIo,
): Promise<string | null> {
  if (values.password !== undefined) return values.password;
  if (values['password-stdin']) return io.readStdin();
  if (!io.interactive) return null;
  const first = await io.promptHidden('Adgangskode / Password: ');
  const second = await io.promptHidden('Gentag / Repeat: ');
  if (first !== second)
    throw new AccountError('weak_password', 'The two passwords differ / Adgangskoderne er forskellige.');
  return first;
}

async function createUserCommand(args: string[], db: Database, options: AdminOptions) {
  const io = options.io ?? noIo;
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      username: { type: 'string' },
      password: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      team: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
    },
  });
  const passwordSource = values.password !== undefined || values['password-stdin'] || io.interactive;
  const missing = [
    ...(values.username ? [] : ['--username']),
    ...(passwordSource ? [] : ['--password']),
    ...(values.team ? [] : ['--team']),
  ];
  if (missing.length > 0) {
    return fail(
      `Error: missing ${missing.join(', ')}. (The password can also come from --password-stdin or a prompt.)\n${usageOf('create-user')}`,
      2,
    );
  }
  const password = (await passwordFrom(values, io)) ?? '';
  const teamsBefore = listTeams(db).map((t) => t.name);
  const created = await createUser(
    db,
    {
      username: values.username ?? '',
      password,
      team: values.team ?? '',
      ...(values.role === undefined ? {} : { role: values.role }),
      ...(values.name === undefined ? {} : { name: values.name }),
    },
    options,
  );
  const now = options.now ?? new Date();
  const user = findUserById(db, created.userId);
  if (user) cliAudit(db, 'admin.user_created', user, now, { role: user.role, teamCreated: created.teamCreated });
  const out = ok(
    `Created user "${created.username}" (${created.displayName}, role ${created.role}) in team "${created.teamName}"` +
      `${created.teamCreated ? ' (new team)' : ''}.`,
  );
  if (created.teamCreated && teamsBefore.length > 0) {
    const similar = similarNames(created.teamName, teamsBefore);
    out.stderr.push(
      `Note: "${created.teamName}" is a NEW team. Existing teams: ${teamsBefore.map((t) => `"${t}"`).join(', ')}.`,
    );
    if (similar.length > 0) {
      out.stderr.push(
        `Warning: similar team names exist (${similar.map((t) => `"${t}"`).join(', ')}). If you meant one of them, ` +
          'disable this user and create it again with that team name.',
      );
    }
  }
  return out;
}

async function listUsersCommand(args: string[], db: Database) {
  const { values } = parseArgs({ args, strict: true, options: { team: { type: 'string' } } });
  const team = values.team === undefined ? undefined : findTeamByName(db, values.team);
  if (values.team !== undefined && !team) return fail(`Error: no team named "${values.team}".`);
  const users = listUsers(db, team?.id);
  if (users.length === 0) return ok('No users.');
  const rows = users.map((u) => [
    u.username,
    u.displayName,
    u.role,
    u.disabledAt ? 'disabled' : u.mustChangePassword ? 'must change password' : 'active',
    findTeamById(db, u.teamId)?.name ?? '',
  ]);
  const header = ['USERNAME', 'NAME', 'ROLE', 'STATUS', 'TEAM'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return ok(line(header), ...rows.map(line));
}

function userArg(args: string[], db: Database, extra: Record<string, { type: 'boolean' }> = {}) {
  const { values } = parseArgs({ args, strict: true, options: { username: { type: 'string' }, ...extra } });
  if (!values.username) throw new UsageError('missing --username.');
  const user = findUserByUsername(db, values.username);
  if (!user) throw new AccountError('taken', `No user "${values.username}" / Brugeren findes ikke.`);
  return { user, values: values as Record<string, unknown> };
}

async function setDisabledCommand(args: string[], db: Database, options: AdminOptions, disabled: boolean) {
  const { user } = userArg(args, db);
  const now = options.now ?? new Date();
  db.transaction(() => {
    setUserDisabled(db, user.id, disabled ? now : null);
    cliAudit(db, disabled ? 'admin.user_disabled' : 'admin.user_enabled', user, now);
  })();
  return ok(
    disabled
      ? `Disabled "${user.username}": no logins, and their sessions stop working.`
      : `Enabled "${user.username}": they can log in again.`,
  );
}

async function resetPasswordCommand(args: string[], db: Database, options: AdminOptions) {
  const io = options.io ?? noIo;
  const { user, values } = userArg(args, db, { 'password-stdin': { type: 'boolean' } });
  if (!values['password-stdin'] && !io.interactive) {
    throw new UsageError('give the temporary password with --password-stdin (or run on a terminal to be asked).');
  }
  const password = (await passwordFrom({ 'password-stdin': Boolean(values['password-stdin']) }, io)) ?? '';
  const problem = checkPassword(password, { username: user.username, displayName: user.displayName });
  if (problem) throw new AccountError('weak_password', problem.message, problem.reason);
  const hash = await hashPassword(password, options.kdf);
  const now = options.now ?? new Date();
  const revoked = db.transaction(() => {
    setPassword(db, user.id, hash, true);
    const n = revokeUserTokens(db, user.id, now);
    cliAudit(db, 'admin.password_reset', user, now, { sessionsRevoked: n });
    return n;
  })();
  return ok(
    `Set a temporary password for "${user.username}"; they must change it at their next login. ` +
      `${revoked} session(s) ended.`,
  );
}

async function createDemoCommand(args: string[], db: Database, options: AdminOptions) {
  const { values } = parseArgs({ args, strict: true, options: { families: { type: 'string' } } });
  const families = values.families === undefined ? undefined : Number(values.families);
  if (families !== undefined && !(Number.isInteger(families) && families >= 1 && families <= DEMO_MAX_FAMILIES)) {
    return fail(`Error: --families must be a whole number from 1 to ${DEMO_MAX_FAMILIES}.\n${usage}`, 2);
  }
  const team = findTeamByName(db, DEMO_TEAM);
  const existing = findUserByUsername(db, DEMO_USERNAME);
  if (team && existing && existing.teamId === team.id) return renewDemoLogin(db, existing, options);
  if (team || existing) {
    return fail(
      `Error: the demo account already exists (team "${DEMO_TEAM}", user "${DEMO_USERNAME}"); nothing was changed.`,
    );
  }
  const password = newDemoPassword();
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
    ...demoLogin(password),
  );
}

const newDemoPassword = () => `demo-${randomBytes(9).toString('base64url')}`;

const demoLogin = (password: string) => [
  'Demo login:',
  `  username: ${DEMO_USERNAME}`,
  `  password: ${password}`,
  'Lost the password? Run `npm run demo` again: it sets a new one and prints it (the caseload stays as it is).',
];

/**
 * A second `npm run demo`: the demo caseload is left as it is, and the demo account gets a new
 * password, printed, so the login can always be had again (only the hash is stored). The demo
 * team holds fictional data only, so resetting its password endangers nothing.
 */
async function renewDemoLogin(db: Database, user: UserRow, options: AdminOptions) {
  const password = newDemoPassword();
  const hash = await hashPassword(password, options.kdf);
  const now = options.now ?? new Date();
  db.transaction(() => {
    setPassword(db, user.id, hash, false);
    cliAudit(db, 'admin.password_reset', user, now, { demo: true });
  })();
  return ok(
    `The demo team "${DEMO_TEAM}" already exists; its fictional caseload was left unchanged.`,
    'A new password was set for the demo account.',
    ...demoLogin(password),
  );
}
