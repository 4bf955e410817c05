/**
 * Creating accounts (used by the admin CLI): checks the username, role and password rule, creates
 * the team by name when it is new, and stores only the scrypt hash of the password.
 */
import type { Database } from 'better-sqlite3';
import { createTeam, findTeamByName, findUserByUsername, insertUser, type Role, roles } from '../store/accounts.ts';
import { passwordProblem } from './password-policy.ts';
import { hashPassword, type ScryptParams } from './passwords.ts';

export class AccountError extends Error {
  override name = 'AccountError';
}

export type NewUser = { username: string; password: string; team: string; role?: string; name?: string };

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

const isRole = (value: string): value is Role => (roles as readonly string[]).includes(value);

export async function createUser(
  db: Database,
  input: NewUser,
  options: { now?: Date; scrypt?: ScryptParams } = {},
): Promise<CreatedUser> {
  const now = options.now ?? new Date();
  const username = input.username.trim();
  const teamName = input.team.trim();
  const role = input.role ?? 'nurse';
  const displayName = (input.name ?? username).trim();
  if (!USERNAME.test(username)) {
    throw new AccountError(
      `Invalid username "${input.username}": 2–64 letters, digits or . _ @ - (no spaces) / Ugyldigt brugernavn.`,
    );
  }
  if (teamName === '' || teamName.length > 120) throw new AccountError('The team name must be 1–120 characters.');
  if (displayName === '' || displayName.length > 120) throw new AccountError('The name must be 1–120 characters.');
  if (!isRole(role)) throw new AccountError(`Invalid role "${role}": use one of ${roles.join(', ')}.`);
  const weak = passwordProblem(input.password, username);
  if (weak) throw new AccountError(weak);
  if (findUserByUsername(db, username)) {
    throw new AccountError(`The username "${username}" is taken / Brugernavnet "${username}" findes allerede.`);
  }

  // Hash before the transaction: scrypt is async and better-sqlite3 transactions are synchronous.
  const passwordHash = await hashPassword(input.password, options.scrypt);
  return db.transaction((): CreatedUser => {
    if (findUserByUsername(db, username)) throw new AccountError(`The username "${username}" is taken.`);
    const existing = findTeamByName(db, teamName);
    const team = existing ?? createTeam(db, teamName, now);
    const user = insertUser(db, { teamId: team.id, username, displayName, role, passwordHash }, now);
    return {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      teamId: team.id,
      teamName: team.name,
      teamCreated: !existing,
    };
  })();
}
