/**
 * GET /api/audit/exports: the team's exports (issue 17 §3: "every export is recorded and shown on
 * the overview"). An export is a device audit event (`auditEvent`, action `export`): the overview's
 * indicator CSV and pseudonymised event file, the access extract's CSV, a rejected change saved as
 * a file. Newest first, at most EXPORTS_LIMIT, with the user's name and the server's and the
 * device's time. A leader sees her own team's, an admin her team's too (the overview is a team's).
 */
import type { Database } from 'better-sqlite3';
import type { ExportsResponse } from '../../shared/admin/views.ts';
import { findUserById, type UserRow } from '../store/accounts.ts';

export const EXPORTS_LIMIT = 200;

const TEAM_EXPORTS_SQL = `SELECT created_at AS at, created_by, data FROM records
  WHERE team_id = ? AND kind = 'auditEvent' AND json_extract(data, '$.action') = 'export'
  ORDER BY seq DESC LIMIT ?`;

const str = (value: unknown) => (typeof value === 'string' ? value : '');

export function teamExports(db: Database, actor: UserRow): ExportsResponse {
  const rows = db.prepare(TEAM_EXPORTS_SQL).all(actor.teamId, EXPORTS_LIMIT + 1) as {
    at: string;
    created_by: string;
    data: string;
  }[];
  const users = new Map<string, ExportsResponse['exports'][number]['user']>();
  const userOf = (id: string) => {
    if (!users.has(id)) {
      const u = findUserById(db, id);
      users.set(id, u ? { id: u.id, username: u.username, displayName: u.displayName } : null);
    }
    return users.get(id) ?? null;
  };
  const exports = rows.slice(0, EXPORTS_LIMIT).map((r) => {
    const data = JSON.parse(r.data) as Record<string, unknown>;
    return { at: r.at, deviceAt: str(data.at) || null, what: str(data.what), user: userOf(r.created_by) };
  });
  return { exports, truncated: rows.length > EXPORTS_LIMIT };
}
