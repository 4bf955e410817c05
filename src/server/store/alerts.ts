/**
 * Alerts for admins and team leaders (GET /api/admin/alerts): one open alert per (user, kind),
 * counting how often it happened since, until someone resolves it.
 */
import type { Database } from 'better-sqlite3';
import { statement } from './statements.ts';

export type AlertKind = 'dead_letter_quota';

export type AlertRow = {
  id: number;
  teamId: string;
  userId: string | null;
  kind: AlertKind;
  createdAt: string;
  lastAt: string;
  occurrences: number;
  details: Record<string, unknown> | null;
};

export function raiseAlert(
  db: Database,
  alert: { teamId: string; userId: string; kind: AlertKind; now: string; details?: Record<string, unknown> },
): void {
  const updated = statement(
    db,
    `UPDATE admin_alerts SET last_at = ?, occurrences = occurrences + 1
      WHERE user_id = ? AND kind = ? AND resolved_at IS NULL`,
  ).run(alert.now, alert.userId, alert.kind);
  if (updated.changes > 0) return;
  statement(
    db,
    `INSERT INTO admin_alerts (team_id, user_id, kind, created_at, last_at, details) VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(alert.teamId, alert.userId, alert.kind, alert.now, alert.now, JSON.stringify(alert.details ?? {}));
}

export function openAlerts(db: Database, teamId?: string): AlertRow[] {
  const rows = (
    teamId === undefined
      ? db.prepare('SELECT * FROM admin_alerts WHERE resolved_at IS NULL ORDER BY last_at DESC').all()
      : db
          .prepare('SELECT * FROM admin_alerts WHERE resolved_at IS NULL AND team_id = ? ORDER BY last_at DESC')
          .all(teamId)
  ) as {
    id: number;
    team_id: string;
    user_id: string | null;
    kind: AlertKind;
    created_at: string;
    last_at: string;
    occurrences: number;
    details: string | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    teamId: r.team_id,
    userId: r.user_id,
    kind: r.kind,
    createdAt: r.created_at,
    lastAt: r.last_at,
    occurrences: r.occurrences,
    details: r.details === null ? null : (JSON.parse(r.details) as Record<string, unknown>),
  }));
}

export function resolveAlert(db: Database, id: number, now: Date, teamId?: string): boolean {
  const sql =
    teamId === undefined
      ? 'UPDATE admin_alerts SET resolved_at = ? WHERE id = ? AND resolved_at IS NULL'
      : 'UPDATE admin_alerts SET resolved_at = ? WHERE id = ? AND resolved_at IS NULL AND team_id = ?';
  const args = teamId === undefined ? [now.toISOString(), id] : [now.toISOString(), id, teamId];
  return db.prepare(sql).run(...args).changes === 1;
}
