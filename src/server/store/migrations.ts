/**
 * The database schema as append-only numbered migrations (style.md habit 6): never edit or reorder
 * an entry once it has shipped; add a new one. `user_version` holds the number applied, and
 * `schema_migrations` records when each one ran.
 */
import type { Database } from 'better-sqlite3';

export const migrations: readonly string[] = [
  // 1: accounts (teams, users, tokens)
  `
  CREATE TABLE teams (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
  ) STRICT;
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    team_id TEXT NOT NULL REFERENCES teams(id),
    username TEXT NOT NULL,
    -- Lower-cased (Unicode) username: uniqueness is case-insensitive, also for æ, ø and å.
    username_key TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('nurse', 'leader', 'admin')),
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX users_team ON users(team_id);
  CREATE TABLE tokens (
    -- Only the SHA-256 of the opaque token is stored: a copy of the database grants no sessions.
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    revoked_at TEXT
  ) STRICT;
  CREATE INDEX tokens_user ON tokens(user_id);
  `,
  // 2: synced records, the global commit sequence and the mutation ledger
  `
  CREATE TABLE counters (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL
  ) STRICT;
  INSERT INTO counters (name, value) VALUES ('seq', 0);
  CREATE TABLE records (
    id TEXT PRIMARY KEY,
    team_id TEXT NOT NULL REFERENCES teams(id),
    kind TEXT NOT NULL,
    rev INTEGER NOT NULL,
    -- Taken from counters.seq inside the write transaction: the pull cursor (never a timestamp).
    seq INTEGER NOT NULL UNIQUE,
    deleted INTEGER NOT NULL DEFAULT 0,
    data TEXT NOT NULL,
    -- Per top-level field {rev, device} of its last write: decides merge versus conflict.
    field_meta TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL REFERENCES users(id),
    created_by TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX records_team_seq ON records(team_id, seq);
  CREATE TABLE mutations (
    mutation_id TEXT PRIMARY KEY,
    team_id TEXT NOT NULL REFERENCES teams(id),
    user_id TEXT NOT NULL REFERENCES users(id),
    device_id TEXT NOT NULL,
    client_seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    -- The exact mutation as received; rejected ones stay here as dead letters.
    payload TEXT NOT NULL,
    status TEXT NOT NULL,
    -- Exactly the result returned, replayed for a repeated mutationId.
    result TEXT NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX mutations_device ON mutations(team_id, device_id, client_seq);
  CREATE INDEX mutations_status ON mutations(team_id, status);
  `,
];

/** Applies the pending migrations in one transaction; returns how many ran. */
export function migrate(db: Database, now: () => Date = () => new Date()): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new Error(
      `The database is at schema version ${current}, newer than this server (${migrations.length}). ` +
        'Upgrade the server instead of downgrading.',
    );
  }
  const pending = migrations.slice(current);
  if (pending.length === 0) return 0;
  db.transaction(() => {
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    const record = db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)');
    pending.forEach((sql, i) => {
      db.exec(sql);
      record.run(current + i + 1, now().toISOString());
    });
    db.pragma(`user_version = ${migrations.length}`);
  })();
  return pending.length;
}
