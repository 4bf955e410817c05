/**
 * GET /api/audit: a citizen's access extract (issue 14 §2) — everything recorded about one family
 * (or the family of a record, e.g. a child): which users and devices received its records (pull
 * events), who wrote them (the mutation ledger), who opened, printed, exported or handed them over
 * on a device (synced `auditEvent` records) and who read this extract before. Ordered by the
 * server's time; users by name, devices by the name they reported. Team-scoped: a leader sees only
 * families of the own team, an admin any; the read is itself an audit event, filed by family.
 */
import type { Database } from 'better-sqlite3';
import type { AuditEventView, AuditResponse } from '../../shared/admin/views.ts';
import { familyOf } from '../audit/family-of.ts';
import { type DeviceEventRow, familyDeviceEvents, familyWrites, type WriteRow } from '../audit/family-trail.ts';
import { HttpError } from '../http/errors.ts';
import { findUserById, type UserRow } from '../store/accounts.ts';
import { type AuditEvent, auditEventsForFamily, recordAudit } from '../store/audit.ts';
import { findDevice } from '../store/devices.ts';

/** The most events one answer holds; beyond it the oldest are left out (`truncated`). */
export const EXTRACT_LIMIT = 10_000;

type FamilyRecord = { team_id: string; kind: string; id: string; data: string };

function familyRecord(db: Database, id: string): FamilyRecord | undefined {
  return db.prepare('SELECT team_id, kind, id, data FROM records WHERE id = ?').get(id) as FamilyRecord | undefined;
}

/** The family a request names, checked against the actor's team. */
function resolveFamily(db: Database, actor: UserRow, query: { familyId?: string; recordId?: string }) {
  let familyId = query.familyId;
  if (familyId === undefined && query.recordId !== undefined) {
    const record = familyRecord(db, query.recordId);
    const of = record ? familyOf({ kind: record.kind, id: record.id, data: JSON.parse(record.data) }) : null;
    if (!record || !of || (actor.role !== 'admin' && record.team_id !== actor.teamId)) {
      throw new HttpError('not_found', 'No such record in your team, or it concerns no family.');
    }
    familyId = of;
  }
  if (familyId === undefined) throw new HttpError('invalid_request', 'Give familyId or recordId.');
  const family = familyRecord(db, familyId);
  if (family?.kind !== 'family' || (actor.role !== 'admin' && family.team_id !== actor.teamId)) {
    throw new HttpError('not_found', 'No such family in your team.');
  }
  return { familyId, teamId: family.team_id };
}

type Ordered = AuditEventView & { rank: [string, number, number] };

/** Display names and device names, each looked up once per extract. */
function lookups(db: Database) {
  const users = new Map<string, AuditEventView['user']>();
  const devices = new Map<string, AuditEventView['device']>();
  return {
    user(id: string | null): AuditEventView['user'] {
      if (id === null) return null;
      if (!users.has(id)) {
        const u = findUserById(db, id);
        users.set(id, u ? { id: u.id, username: u.username, displayName: u.displayName } : null);
      }
      return users.get(id) ?? null;
    },
    device(id: string | null): AuditEventView['device'] {
      if (id === null) return null;
      if (!devices.has(id)) devices.set(id, { id, name: findDevice(db, id)?.name ?? '' });
      return devices.get(id) ?? null;
    },
  };
}

const str = (value: unknown) => (typeof value === 'string' ? value : '');

export function familyAudit(
  deps: { db: Database; now: () => Date },
  actor: UserRow,
  query: { familyId?: string | undefined; recordId?: string | undefined },
  session: { tokenHash: string; deviceId: string | null },
): AuditResponse {
  const { db } = deps;
  const { familyId, teamId } = resolveFamily(db, actor, {
    ...(query.familyId ? { familyId: query.familyId } : {}),
    ...(query.recordId ? { recordId: query.recordId } : {}),
  });
  const names = lookups(db);
  const limit = EXTRACT_LIMIT + 1;

  const fromServer = (e: AuditEvent): Ordered => ({
    rank: [e.at, 0, e.id],
    at: e.at,
    source: 'server',
    action: e.action,
    deviceAt: null,
    user: names.user(e.actorUserId),
    device: names.device(e.deviceId),
    details: e.details,
  });
  const fromLedger = (w: WriteRow): Ordered => ({
    rank: [w.at, 1, w.n],
    at: w.at,
    source: 'server',
    action: 'sync.write',
    deviceAt: null,
    user: names.user(w.userId),
    device: names.device(w.deviceId),
    details: { kind: w.kind, recordId: w.recordId, status: w.status },
  });
  const fromDevice = (d: DeviceEventRow): Ordered => {
    const details: Record<string, string> = { what: str(d.data.what) };
    for (const field of ['childId', 'recordId'] as const)
      if (str(d.data[field]) !== '') details[field] = str(d.data[field]);
    return {
      rank: [d.at, 1, d.n],
      at: d.at,
      source: 'device',
      action: str(d.data.action),
      deviceAt: str(d.data.at) || null,
      user: names.user(d.userId),
      device: names.device(d.deviceId),
      details,
    };
  };

  const all = [
    ...auditEventsForFamily(db, familyId, limit).map(fromServer),
    ...familyWrites(db, teamId, familyId, limit).map(fromLedger),
    ...familyDeviceEvents(db, teamId, familyId, limit).map(fromDevice),
  ].sort((a, b) => compareRank(a.rank, b.rank));
  const truncated = all.length > EXTRACT_LIMIT;
  const events = all.slice(-EXTRACT_LIMIT).map(({ rank: _, ...e }) => e);
  recordAudit(db, {
    action: 'audit.read',
    at: deps.now(),
    teamId,
    actorUserId: actor.id,
    actorUsername: actor.username,
    deviceId: session.deviceId,
    session: session.tokenHash,
    details: { familyId, events: events.length },
    familyIds: [familyId],
  });
  return { familyId, events, truncated };
}

/**
 * Server time first (ISO strings sort as times); within one instant the server's own events, then
 * the writes and device events of a push in the ledger's order (the device's own order).
 */
function compareRank(a: Ordered['rank'], b: Ordered['rank']): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  return a[1] - b[1] || a[2] - b[2];
}
