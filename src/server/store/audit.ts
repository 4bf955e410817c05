/**
 * The server's audit events (issue 14 §1): append-only rows (database triggers refuse updates, and
 * deletes of events younger than the retention cut-off) for logins, failed logins, device
 * registration and revocation, admin actions, pulls and reads of the audit log itself. Events
 * carry ids and counts, never record content; a pull event lists the families whose records it
 * delivered (audit_event_families), so "which devices received family X's records, and when" is
 * one indexed query.
 */
import type { Database } from 'better-sqlite3';
import { statement } from './statements.ts';

export const auditActions = [
  'auth.login',
  'auth.login_failed',
  'auth.login_refused', // right password, but the account is disabled or the device revoked
  'auth.logout',
  'auth.password_changed',
  'device.registered',
  'device.revoked',
  'device.escrow_released',
  'sync.pull',
  'admin.user_created',
  'admin.user_updated',
  'admin.user_disabled',
  'admin.user_enabled',
  'admin.password_reset',
  'admin.sessions_revoked',
  'audit.read',
] as const;
export type AuditAction = (typeof auditActions)[number];

export type AuditInput = {
  action: AuditAction;
  at: Date;
  teamId?: string | null;
  actorUserId?: string | null;
  actorUsername?: string | null;
  deviceId?: string | null;
  session?: string | null;
  address?: string | null;
  targetUserId?: string | null;
  targetDeviceId?: string | null;
  details?: Record<string, unknown>;
  /** Families whose records this event concerns (pulls). */
  familyIds?: Iterable<string>;
};

export function recordAudit(db: Database, event: AuditInput): number {
  const info = statement(
    db,
    `INSERT INTO audit_events (at, action, team_id, actor_user_id, actor_username, device_id, session, address,
                               target_user_id, target_device_id, details)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    event.at.toISOString(),
    event.action,
    event.teamId ?? null,
    event.actorUserId ?? null,
    event.actorUsername ?? null,
    event.deviceId ?? null,
    event.session ?? null,
    event.address ?? null,
    event.targetUserId ?? null,
    event.targetDeviceId ?? null,
    event.details === undefined ? null : JSON.stringify(event.details),
  );
  const id = Number(info.lastInsertRowid);
  if (event.familyIds) {
    const insert = statement(db, 'INSERT OR IGNORE INTO audit_event_families (family_id, event_id) VALUES (?, ?)');
    for (const familyId of event.familyIds) insert.run(familyId, id);
  }
  return id;
}

export type AuditEvent = {
  id: number;
  at: string;
  action: string;
  teamId: string | null;
  actorUserId: string | null;
  actorUsername: string | null;
  deviceId: string | null;
  session: string | null;
  targetUserId: string | null;
  targetDeviceId: string | null;
  details: Record<string, unknown> | null;
};

type DbRow = {
  id: number;
  at: string;
  action: string;
  team_id: string | null;
  actor_user_id: string | null;
  actor_username: string | null;
  device_id: string | null;
  session: string | null;
  target_user_id: string | null;
  target_device_id: string | null;
  details: string | null;
};

const toEvent = (r: DbRow): AuditEvent => ({
  id: r.id,
  at: r.at,
  action: r.action,
  teamId: r.team_id,
  actorUserId: r.actor_user_id,
  actorUsername: r.actor_username,
  // A pull made before the token was bound to a device: the token's later binding tells which.
  deviceId: r.device_id,
  session: r.session,
  targetUserId: r.target_user_id,
  targetDeviceId: r.target_device_id,
  details: r.details === null ? null : (JSON.parse(r.details) as Record<string, unknown>),
});

const SELECT = `SELECT e.id, e.at, e.action, e.team_id, e.actor_user_id, e.actor_username,
  coalesce(e.device_id, (SELECT t.device_id FROM tokens t WHERE t.token_hash = e.session)) AS device_id,
  e.session, e.target_user_id, e.target_device_id, e.details FROM audit_events e`;

/** Events that concern a family (pulls that delivered its records, reads of its extract), newest first. */
export function auditEventsForFamily(db: Database, familyId: string, limit: number): AuditEvent[] {
  const rows = db
    .prepare(
      `${SELECT} JOIN audit_event_families f ON f.event_id = e.id WHERE f.family_id = ? ORDER BY e.id DESC LIMIT ?`,
    )
    .all(familyId, limit) as DbRow[];
  return rows.map(toEvent);
}

/** Events of a team (or every team), newest first, optionally one action or one target user. */
export function auditEvents(
  db: Database,
  filter: { teamId?: string; targetUserId?: string; limit: number },
): AuditEvent[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (filter.teamId !== undefined) {
    where.push('e.team_id = ?');
    args.push(filter.teamId);
  }
  if (filter.targetUserId !== undefined) {
    where.push('(e.target_user_id = ? OR e.actor_user_id = ?)');
    args.push(filter.targetUserId, filter.targetUserId);
  }
  const sql = `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY e.id DESC LIMIT ?`;
  return (db.prepare(sql).all(...args, filter.limit) as DbRow[]).map(toEvent);
}

/**
 * Deletes audit events older than the retention period, and nothing younger: the server's own
 * events, and the devices' (records of kind auditEvent, by the server's time of receipt, with
 * their ledger rows). The cut-off only ever moves forward, and the database triggers refuse any
 * other delete (and any delete of another kind of record). Returns how many events went.
 */
export function purgeAuditEvents(db: Database, retentionDays: number, now: Date): number {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
  return db.transaction(() => {
    statement(db, 'UPDATE audit_retention SET purge_before = max(purge_before, ?) WHERE id = 1').run(cutoff);
    statement(db, 'DELETE FROM audit_event_families WHERE event_id IN (SELECT id FROM audit_events WHERE at < ?)').run(
      cutoff,
    );
    const server = statement(db, 'DELETE FROM audit_events WHERE at < ?').run(cutoff).changes;
    statement(
      db,
      `DELETE FROM mutations WHERE kind = 'auditEvent' AND record_id IN
         (SELECT id FROM records WHERE kind = 'auditEvent' AND created_at < ?)`,
    ).run(cutoff);
    const device = statement(db, `DELETE FROM records WHERE kind = 'auditEvent' AND created_at < ?`).run(
      cutoff,
    ).changes;
    return server + device;
  })();
}
