/**
 * The two record-based sources of a family's access extract, read from the team's records and the
 * mutation ledger (ids, codes and counts only, never record content):
 * - writes: who wrote which record of the family, from which device, when (the ledger: every
 *   accepted, merged, conflicting or rejected mutation of a record that names the family);
 * - device events: the family's synced `auditEvent` records (open, print, export, handover), with
 *   the user the server checked, the device that pushed it and the server's time of receipt.
 * Both read newest first, at most `limit` rows (the caller merges and orders). Records are found
 * by the expression index records_family (migration 5): the expression is written exactly so.
 */
import type { Database } from 'better-sqlite3';
import { WRITE_ONLY_KIND } from '../store/records.ts';
import { statement } from '../store/statements.ts';

export type WriteRow = {
  at: string;
  n: number;
  userId: string;
  deviceId: string;
  kind: string;
  recordId: string;
  status: string;
};

/** Parameters: team, family, team, family, limit. */
export const FAMILY_WRITES_SQL = `SELECT m.created_at AS at, m.rowid AS n, m.user_id, m.device_id, m.kind, m.record_id, m.status
   FROM mutations m
  WHERE m.team_id = ? AND m.kind <> '${WRITE_ONLY_KIND}' AND m.record_id IN (
    SELECT ? UNION ALL
    SELECT id FROM records WHERE team_id = ? AND json_extract(data, '$.familyId') = ? AND kind <> '${WRITE_ONLY_KIND}')
  ORDER BY m.rowid DESC LIMIT ?`;

export function familyWrites(db: Database, teamId: string, familyId: string, limit: number): WriteRow[] {
  const rows = statement(db, FAMILY_WRITES_SQL).all(teamId, familyId, teamId, familyId, limit) as {
    at: string;
    n: number;
    user_id: string;
    device_id: string;
    kind: string;
    record_id: string;
    status: string;
  }[];
  return rows.map((r) => ({
    at: r.at,
    n: r.n,
    userId: r.user_id,
    deviceId: r.device_id,
    kind: r.kind,
    recordId: r.record_id,
    status: r.status,
  }));
}

export type DeviceEventRow = {
  /** The server's time of receipt. */
  at: string;
  /** The ledger's row of the push that created it: the device's own order within a push. */
  n: number;
  userId: string;
  deviceId: string | null;
  data: Record<string, unknown>;
};

/**
 * Parameters: team, family, limit. The device is the one whose push created the event. INDEXED BY:
 * the planner would otherwise walk the whole team in seq order to save the sort.
 */
export const FAMILY_DEVICE_EVENTS_SQL = `SELECT r.created_at AS at, r.created_by, r.data, m.device_id, m.rowid AS n
   FROM records r INDEXED BY records_family
   LEFT JOIN mutations m ON m.rowid =
     (SELECT rowid FROM mutations WHERE record_id = r.id AND status = 'applied' LIMIT 1)
  WHERE r.team_id = ? AND json_extract(r.data, '$.familyId') = ? AND r.kind = '${WRITE_ONLY_KIND}'
  ORDER BY r.seq DESC LIMIT ?`;

export function familyDeviceEvents(db: Database, teamId: string, familyId: string, limit: number): DeviceEventRow[] {
  const rows = statement(db, FAMILY_DEVICE_EVENTS_SQL).all(teamId, familyId, limit) as {
    at: string;
    n: number | null;
    created_by: string;
    data: string;
    device_id: string | null;
  }[];
  return rows.map((r) => ({
    at: r.at,
    n: r.n ?? 0,
    userId: r.created_by,
    deviceId: r.device_id,
    data: JSON.parse(r.data) as Record<string, unknown>,
  }));
}
