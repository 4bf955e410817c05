/**
 * Teams, users and session tokens in SQLite. Usernames are unique case-insensitively (also for
 * æ, ø, å: the key is lower-cased in JavaScript, not with SQLite's ASCII-only NOCASE).
 */
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { User } from '../../shared/sync/protocol.ts';

export type Role = User['role'];
export const roles = ['nurse', 'leader', 'admin'] as const satisfies readonly Role[];

export type UserRow = User & { passwordHash: string; createdAt: string };

type UserDbRow = {
  id: string;
  team_id: string;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  created_at: string;
};

const toUser = (row: UserDbRow): UserRow => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  teamId: row.team_id,
  passwordHash: row.password_hash,
  createdAt: row.created_at,
});

/** The public view of a user (what the API returns). */
export const publicUser = (u: UserRow): User => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  teamId: u.teamId,
});

export const usernameKey = (username: string) => username.normalize('NFC').trim().toLowerCase();

export function countUsers(db: Database): number {
  return (db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
}

export function findTeamByName(db: Database, name: string): { id: string; name: string } | undefined {
  return db.prepare('SELECT id, name FROM teams WHERE name = ?').get(name) as { id: string; name: string } | undefined;
}

export function createTeam(db: Database, name: string, now: Date): { id: string; name: string } {
  const id = randomUUID();
  db.prepare('INSERT INTO teams (id, name, created_at) VALUES (?, ?, ?)').run(id, name, now.toISOString());
  return { id, name };
}

export function findUserByUsername(db: Database, username: string): UserRow | undefined {
  const row = db.prepare('SELECT * FROM users WHERE username_key = ?').get(usernameKey(username)) as
    | UserDbRow
    | undefined;
  return row && toUser(row);
}

export function findUserById(db: Database, id: string): UserRow | undefined {
  const row = db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserDbRow | undefined;
  return row && toUser(row);
}

export function insertUser(
  db: Database,
  user: { teamId: string; username: string; displayName: string; role: Role; passwordHash: string },
  now: Date,
): UserRow {
  const id = randomUUID();
  db.prepare(
    `INSERT INTO users (id, team_id, username, username_key, display_name, role, password_hash, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    user.teamId,
    user.username.trim(),
    usernameKey(user.username),
    user.displayName,
    user.role,
    user.passwordHash,
    now.toISOString(),
  );
  const created = findUserById(db, id);
  if (!created) throw new Error('user vanished after insert');
  return created;
}

export function insertToken(db: Database, tokenHash: string, userId: string, now: Date, expiresAt: Date): void {
  db.prepare('INSERT INTO tokens (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)').run(
    tokenHash,
    userId,
    now.toISOString(),
    expiresAt.toISOString(),
  );
}

/** The user of a token that is neither expired nor revoked at `now`. */
export function userForToken(db: Database, tokenHash: string, now: Date): UserRow | undefined {
  const row = db
    .prepare(
      `SELECT users.* FROM tokens JOIN users ON users.id = tokens.user_id
       WHERE tokens.token_hash = ? AND tokens.revoked_at IS NULL AND tokens.expires_at > ?`,
    )
    .get(tokenHash, now.toISOString()) as UserDbRow | undefined;
  return row && toUser(row);
}

export function revokeToken(db: Database, tokenHash: string, now: Date): void {
  db.prepare('UPDATE tokens SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL').run(
    now.toISOString(),
    tokenHash,
  );
}
