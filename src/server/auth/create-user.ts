/**
 * Creating accounts (admin CLI and admin API): checks the username, role and password policy,
 * finds the team by name case-insensitively (creating it only when asked to), and stores only the
 * password's hash.
 */
import type { Database } from 'better-sqlite3';
import {
  createTeam,
  findTeamById,
  findTeamByName,
  findUserByUsername,
  insertUser,
  type Role,
  roles,
  type Team,
} from '../store/accounts.ts';
import { checkPassword } from './password-policy.ts';
import { hashPassword, type KdfParams } from './passwords.ts';

export type AccountErrorCode =
  | 'invalid_username'
  | 'invalid_name'
  | 'invalid_role'
  | 'weak_password'
  | 'taken'
  | 'no_team';

export class AccountError extends Error {
  override name = 'AccountError';
  readonly code: AccountErrorCode;
  readonly reason: string | undefined;
  constructor(code: AccountErrorCode, message: string, reason?: string) {
    super(message);
    this.code = code;
    this.reason = reason;
  }
}

export type NewUser = {
  username: string;
  password: string;
  /** A team name (created when new) … */
  team?: string;
  /** … or the id of an existing team. */
  teamId?: string;
  role?: string;
  name?: string;
  mustChangePassword?: boolean;
};

export type CreatedUser = {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  teamId: string;
  teamName: string;
  teamCreated: boolean;
};

const USERNAME = /^[\p{L}\p{N}._@-]{2,64}$/u;

export const isRole = (value: string): value is Role => (roles as readonly string[]).includes(value);

export function checkDisplayName(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (trimmed === '' || trimmed.length > 120)
    throw new AccountError('invalid_name', 'The name must be 1–120 characters.');
  return trimmed;
}

export async function createUser(
  db: Database,
  input: NewUser,
  options: { now?: Date; kdf?: KdfParams } = {},
): Promise<CreatedUser> {
  const now = options.now ?? new Date();
  const username = input.username.trim();
  const teamName = (input.team ?? '').trim().replace(/\s+/g, ' ');
  const role = input.role ?? 'nurse';
  if (!USERNAME.test(username)) {
    throw new AccountError(
      'invalid_username',
      `Invalid username "${input.username}": 2–64 letters, digits or . _ @ - (no spaces) / Ugyldigt brugernavn.`,
    );
  }
  if (input.teamId === undefined && (teamName === '' || teamName.length > 120))
    throw new AccountError('no_team', 'The team name must be 1–120 characters.');
  const displayName = checkDisplayName(input.name ?? username);
  if (!isRole(role)) throw new AccountError('invalid_role', `Invalid role "${role}": use one of ${roles.join(', ')}.`);
  const weak = checkPassword(input.password, { username, displayName });
  if (weak) throw new AccountError('weak_password', weak.message, weak.reason);
  if (findUserByUsername(db, username)) {
    throw new AccountError(
      'taken',
      `The username "${username}" is taken / Brugernavnet "${username}" findes allerede.`,
    );
  }
  if (input.teamId !== undefined && !findTeamById(db, input.teamId)) {
    throw new AccountError('no_team', 'No team with this id.');
  }

  // Hash before the transaction: the KDF is async and better-sqlite3 transactions are synchronous.
  const passwordHash = await hashPassword(input.password, options.kdf);
  return db.transaction((): CreatedUser => {
    if (findUserByUsername(db, username)) throw new AccountError('taken', `The username "${username}" is taken.`);
    let team: Team | undefined =
      input.teamId === undefined ? findTeamByName(db, teamName) : findTeamById(db, input.teamId);
    const teamCreated = !team;
    team ??= createTeam(db, teamName, now);
    const user = insertUser(
      db,
      {
        teamId: team.id,
        username,
        displayName,
        role,
        passwordHash,
        mustChangePassword: input.mustChangePassword ?? false,
      },
      now,
    );
    return {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      teamId: team.id,
      teamName: team.name,
      teamCreated,
    };
  })();
}
