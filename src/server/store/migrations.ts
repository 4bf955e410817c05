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
  // 3: devices bound to tokens, idle expiry, account administration, audit events, the dead-letter
  // quota and its alerts, the health probe
  `
  ALTER TABLE users ADD COLUMN disabled_at TEXT;
  ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE users ADD COLUMN last_login_at TEXT;
  ALTER TABLE tokens ADD COLUMN device_id TEXT;
  -- Touched at most once a minute: the idle expiry counts from here.
  ALTER TABLE tokens ADD COLUMN last_used_at TEXT;
  CREATE INDEX tokens_device ON tokens(device_id);
  CREATE TABLE devices (
    -- The id the device generated (a UUID for the app); registered to exactly one user.
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    team_id TEXT NOT NULL REFERENCES teams(id),
    name TEXT NOT NULL DEFAULT '',
    registered_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    last_sync_at TEXT,
    -- As last reported by the device (POST /api/devices/report).
    reported_at TEXT,
    unsynced_count INTEGER,
    oldest_unsynced_at TEXT,
    revoked_at TEXT,
    revoked_by TEXT REFERENCES users(id),
    -- What the device had reported unsynced when it was revoked: shown to the admin as lost.
    lost_unsynced_count INTEGER
  ) STRICT;
  CREATE INDEX devices_user ON devices(user_id);
  CREATE TABLE audit_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    team_id TEXT,
    actor_user_id TEXT,
    -- The typed username of a failed login (never the password); else the actor's username.
    actor_username TEXT,
    device_id TEXT,
    -- The token's SHA-256 (as in tokens): ties a pull made before device binding to its device.
    session TEXT,
    address TEXT,
    target_user_id TEXT,
    target_device_id TEXT,
    -- Small JSON with ids and counts only, never record content.
    details TEXT
  ) STRICT;
  CREATE INDEX audit_events_team_at ON audit_events(team_id, at);
  CREATE INDEX audit_events_at ON audit_events(at);
  CREATE TABLE audit_event_families (
    family_id TEXT NOT NULL,
    event_id INTEGER NOT NULL REFERENCES audit_events(id),
    PRIMARY KEY (family_id, event_id)
  ) STRICT, WITHOUT ROWID;
  -- Append-only: no update ever; a delete only of events older than the retention cut-off, which
  -- only the purge (store/audit.ts) moves, inside its own transaction.
  CREATE TABLE audit_retention (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    purge_before TEXT NOT NULL
  ) STRICT;
  INSERT INTO audit_retention (id, purge_before) VALUES (1, '');
  CREATE TRIGGER audit_events_append_only BEFORE UPDATE ON audit_events
    BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
  CREATE TRIGGER audit_event_families_append_only BEFORE UPDATE ON audit_event_families
    BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
  CREATE TRIGGER audit_events_retention BEFORE DELETE ON audit_events
    WHEN old.at >= (SELECT purge_before FROM audit_retention WHERE id = 1)
    BEGIN SELECT RAISE(ABORT, 'audit events are kept for the retention period'); END;
  CREATE TRIGGER audit_event_families_retention BEFORE DELETE ON audit_event_families
    WHEN (SELECT at FROM audit_events WHERE id = old.event_id) >= (SELECT purge_before FROM audit_retention WHERE id = 1)
    BEGIN SELECT RAISE(ABORT, 'audit events are kept for the retention period'); END;
  CREATE TABLE dead_letter_usage (
    user_id TEXT PRIMARY KEY REFERENCES users(id),
    count INTEGER NOT NULL,
    bytes INTEGER NOT NULL
  ) STRICT;
  CREATE TABLE admin_alerts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    team_id TEXT NOT NULL REFERENCES teams(id),
    user_id TEXT REFERENCES users(id),
    kind TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_at TEXT NOT NULL,
    occurrences INTEGER NOT NULL DEFAULT 1,
    details TEXT,
    resolved_at TEXT
  ) STRICT;
  CREATE INDEX admin_alerts_open ON admin_alerts(team_id, resolved_at);
  CREATE TABLE health_probe (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    at TEXT NOT NULL
  ) STRICT;
  `,
  // 4: a leaner ledger: the payload only for rejected mutations (dead letters); the result's record
  // data only when the record has moved on since (otherwise it is the current record's data)
  `
  CREATE TABLE mutations_v4 (
    mutation_id TEXT PRIMARY KEY,
    team_id TEXT NOT NULL REFERENCES teams(id),
    user_id TEXT NOT NULL REFERENCES users(id),
    device_id TEXT NOT NULL,
    client_seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    -- The mutation as received, kept for rejected ones only (dead letters; maybe summarised, see
    -- sync/dead-letters.ts). An accepted write lives on in records, a conflict in its conflict record.
    payload TEXT CHECK (status <> 'rejected' OR payload IS NOT NULL),
    status TEXT NOT NULL,
    -- Exactly the result returned, replayed for a repeated mutationId; when data_elided = 1 its
    -- record.data is left out and is the current data of record_id (store/mutations.ts).
    result TEXT NOT NULL,
    data_elided INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
  ) STRICT;
  INSERT INTO mutations_v4 (mutation_id, team_id, user_id, device_id, client_seq, kind, record_id, payload, status, result, created_at)
    SELECT mutation_id, team_id, user_id, device_id, client_seq, kind, record_id,
           CASE WHEN status = 'rejected' THEN payload END, status, result, created_at
      FROM mutations;
  DROP TABLE mutations;
  ALTER TABLE mutations_v4 RENAME TO mutations;
  CREATE INDEX mutations_device ON mutations(team_id, device_id, client_seq);
  CREATE INDEX mutations_status ON mutations(team_id, status);
  -- The ledger rows whose record data must be copied in before their record is overwritten.
  CREATE INDEX mutations_elided ON mutations(record_id) WHERE data_elided = 1;
  CREATE INDEX mutations_record ON mutations(record_id);
  `,
  // 5: the escrow copy of each device's data key, wrapped by a secret only that device holds (the
  // server never sees the key): released to its user on that device after an online login
  `
  ALTER TABLE devices ADD COLUMN escrow TEXT;
  ALTER TABLE devices ADD COLUMN escrow_at TEXT;
  `,
  // 6: the access extract and retention (issue 14 §2, §4). Records by family for the extract (the
  // expression must be written exactly so in queries); pulls skip device audit events (they are
  // write-only for devices, decision 0056) through a partial index; a device audit event is final
  // in storage too and deleted only past the audit retention cut-off; no other record is ever
  // deleted (journal material is kept; there is no purge of it, docs/operations.md "Retention").
  `
  CREATE INDEX records_family ON records(team_id, json_extract(data, '$.familyId'));
  CREATE INDEX records_team_seq_synced ON records(team_id, seq) WHERE kind <> 'auditEvent';
  CREATE TRIGGER records_audit_event_final BEFORE UPDATE ON records WHEN old.kind = 'auditEvent'
    BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
  CREATE TRIGGER records_kept BEFORE DELETE ON records
    WHEN old.kind <> 'auditEvent' OR old.created_at >= (SELECT purge_before FROM audit_retention WHERE id = 1)
    BEGIN SELECT RAISE(ABORT, 'records are kept: only audit events past their retention are deleted'); END;
  `,
  // 7: a visit's observations by index (the sign check reads them on every signing): without it
  // each signature scanned every record of the team, so signing slowed as the team's journal grew.
  `
  CREATE INDEX records_visit ON records(team_id, json_extract(data, '$.visitId'));
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
