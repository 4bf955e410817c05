/**
 * Teams, users and session tokens in SQLite. Usernames are unique case-insensitively (also for
 * æ, ø, å: the key is lower-cased in JavaScript, not with SQLite's ASCII-only NOCASE). Team names
 * are matched the same way, trimmed, so a typo in case never makes a second team.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { User } from '../../shared/sync/protocol.ts';
import { statement } from './statements.ts';

export type Role = User['role'];
export const roles = ['nurse', 'leader', 'admin'] as const satisfies readonly Role[];

export type UserRow = User & {
  passwordHash: string;
  createdAt: string;
  disabledAt: string | null;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
};

type UserDbRow = {
  id: string;
  team_id: string;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  created_at: string;
  disabled_at: string | null;
  must_change_password: number;
  last_login_at: string | null;
};

const toUser = (row: UserDbRow): UserRow => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  teamId: row.team_id,
  passwordHash: row.password_hash,
  createdAt: row.created_at,
  disabledAt: row.disabled_at,
  mustChangePassword: row.must_change_password === 1,
  lastLoginAt: row.last_login_at,
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
export const teamKey = (name: string) => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

export type Team = { id: string; name: string };

export function countUsers(db: Database): number {
  return (db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
}

export function listTeams(db: Database): Team[] {
  return db.prepare('SELECT id, name FROM teams ORDER BY name').all() as Team[];
}

/** The team whose name matches case-insensitively and ignoring surrounding and repeated spaces. */
export function findTeamByName(db: Database, name: string): Team | undefined {
  const key = teamKey(name);
  return listTeams(db).find((t) => teamKey(t.name) === key);
}

export function findTeamById(db: Database, id: string): Team | undefined {
  return db.prepare('SELECT id, name FROM teams WHERE id = ?').get(id) as Team | undefined;
}

export function createTeam(db: Database, name: string, now: Date): Team {
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
  const row = statement(db, 'SELECT * FROM users WHERE id = ?').get(id) as UserDbRow | undefined;
  return row && toUser(row);
}

/** Users of one team, or of every team when teamId is undefined, by display name. */
export function listUsers(db: Database, teamId?: string): UserRow[] {
  const rows = (
    teamId === undefined
      ? db.prepare('SELECT * FROM users ORDER BY display_name, username').all()
      : db.prepare('SELECT * FROM users WHERE team_id = ? ORDER BY display_name, username').all(teamId)
  ) as UserDbRow[];
  return rows.map(toUser);
}

export function insertUser(
  db: Database,
  user: {
    teamId: string;
    username: string;
    displayName: string;
    role: Role;
    passwordHash: string;
    mustChangePassword?: boolean;
  },
  now: Date,
): UserRow {
  const id = randomUUID();
  db.prepare(
    `INSERT INTO users (id, team_id, username, username_key, display_name, role, password_hash, created_at, must_change_password)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    user.teamId,
    user.username.trim(),
    usernameKey(user.username),
    user.displayName,
    user.role,
    user.passwordHash,
    now.toISOString(),
    user.mustChangePassword ? 1 : 0,
  );
  const created = findUserById(db, id);
  if (!created) throw new Error('user vanished after insert');
  return created;
}

export function updateUserProfile(db: Database, id: string, change: { displayName?: string; role?: Role }): void {
  if (change.displayName !== undefined)
    db.prepare('UPDATE users SET display_name = ? WHERE id = ?').run(change.displayName, id);
  if (change.role !== undefined) db.prepare('UPDATE users SET role = ? WHERE id = ?').run(change.role, id);
}

export function setUserDisabled(db: Database, id: string, disabledAt: Date | null): void {
  db.prepare('UPDATE users SET disabled_at = ? WHERE id = ?').run(disabledAt?.toISOString() ?? null, id);
}

export function setPassword(db: Database, id: string, passwordHash: string, mustChange: boolean): void {
  db.prepare('UPDATE users SET password_hash = ?, must_change_password = ? WHERE id = ?').run(
    passwordHash,
    mustChange ? 1 : 0,
    id,
  );
}

export function recordLogin(db: Database, id: string, now: Date): void {
  statement(db, 'UPDATE users SET last_login_at = ? WHERE id = ?').run(now.toISOString(), id);
}

export function insertToken(
  db: Database,
  token: { hash: string; userId: string; deviceId: string | null; now: Date; expiresAt: Date },
): void {
  db.prepare(
    'INSERT INTO tokens (token_hash, user_id, created_at, expires_at, device_id, last_used_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(
    token.hash,
    token.userId,
    token.now.toISOString(),
    token.expiresAt.toISOString(),
    token.deviceId,
    token.now.toISOString(),
  );
}

export type SessionRow = {
  user: UserRow;
  tokenHash: string;
  deviceId: string | null;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string;
  revokedAt: string | null;
  deviceRevokedAt: string | null;
};

/** A token with its user and device, whatever its state (the caller decides what is valid). */
export function findSession(db: Database, tokenHash: string): SessionRow | undefined {
  const row = statement(
    db,
    `SELECT users.*, tokens.token_hash AS t_hash, tokens.device_id AS t_device, tokens.created_at AS t_created,
            tokens.expires_at AS t_expires, tokens.last_used_at AS t_used, tokens.revoked_at AS t_revoked,
            devices.revoked_at AS d_revoked
       FROM tokens JOIN users ON users.id = tokens.user_id
       LEFT JOIN devices ON devices.id = tokens.device_id
      WHERE tokens.token_hash = ?`,
  ).get(tokenHash) as
    | (UserDbRow & {
        t_hash: string;
        t_device: string | null;
        t_created: string;
        t_expires: string;
        t_used: string | null;
        t_revoked: string | null;
        d_revoked: string | null;
      })
    | undefined;
  if (!row) return undefined;
  return {
    user: toUser(row),
    tokenHash: row.t_hash,
    deviceId: row.t_device,
    createdAt: row.t_created,
    expiresAt: row.t_expires,
    lastUsedAt: row.t_used ?? row.t_created,
    revokedAt: row.t_revoked,
    deviceRevokedAt: row.d_revoked,
  };
}

export function touchToken(db: Database, tokenHash: string, now: Date): void {
  statement(db, 'UPDATE tokens SET last_used_at = ? WHERE token_hash = ?').run(now.toISOString(), tokenHash);
}

/** Binds a token that has no device yet; returns false when it already had one. */
export function bindTokenDevice(db: Database, tokenHash: string, deviceId: string): boolean {
  return (
    statement(db, 'UPDATE tokens SET device_id = ? WHERE token_hash = ? AND device_id IS NULL').run(deviceId, tokenHash)
      .changes === 1
  );
}

export function revokeToken(db: Database, tokenHash: string, now: Date): void {
  db.prepare('UPDATE tokens SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL').run(
    now.toISOString(),
    tokenHash,
  );
}

/** Revokes every live token of a user (optionally all but one); returns how many. */
export function revokeUserTokens(db: Database, userId: string, now: Date, except?: string): number {
  return db
    .prepare('UPDATE tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL AND token_hash IS NOT ?')
    .run(now.toISOString(), userId, except ?? null).changes;
}

/** Live sessions of a user (not revoked, not past the absolute expiry). */
export function countLiveTokens(db: Database, userId: string, now: Date): number {
  return (
    db
      .prepare('SELECT count(*) AS n FROM tokens WHERE user_id = ? AND revoked_at IS NULL AND expires_at > ?')
      .get(userId, now.toISOString()) as { n: number }
  ).n;
}
