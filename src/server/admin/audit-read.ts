/**
 * GET /api/audit: the server's events about one citizen (a family, or the family of a record):
 * which users and devices received its records and when (pull events), and who wrote them (the
 * mutation ledger: kind, record id, status — never the content). Team-scoped: a leader sees only
 * families of the own team, an admin any; the read is itself an audit event.
 */
import type { Database } from 'better-sqlite3';
import type * as z from 'zod/mini';
import type { auditEventViewSchema } from '../../shared/admin/views.ts';
import { familyOf } from '../audit/family-of.ts';
import { HttpError } from '../http/errors.ts';
import { findUserById, type UserRow } from '../store/accounts.ts';
import { auditEventsForFamily, recordAudit } from '../store/audit.ts';
import { findDevice } from '../store/devices.ts';

type EventView = z.infer<typeof auditEventViewSchema>;

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

export function familyAudit(
  deps: { db: Database; now: () => Date },
  actor: UserRow,
  query: { familyId?: string | undefined; recordId?: string | undefined },
  session: { tokenHash: string; deviceId: string | null },
): { familyId: string; events: EventView[] } {
  const { db } = deps;
  const { familyId, teamId } = resolveFamily(db, actor, {
    ...(query.familyId ? { familyId: query.familyId } : {}),
    ...(query.recordId ? { recordId: query.recordId } : {}),
  });
  const users = new Map<string, EventView['user']>();
  const devices = new Map<string, EventView['device']>();
  const userOf = (id: string | null) => {
    if (id === null) return null;
    if (!users.has(id)) {
      const u = findUserById(db, id);
      users.set(id, u ? { id: u.id, username: u.username, displayName: u.displayName } : null);
    }
    return users.get(id) ?? null;
  };
  const deviceOf = (id: string | null) => {
    if (id === null) return null;
    if (!devices.has(id)) devices.set(id, { id, name: findDevice(db, id)?.name ?? '' });
    return devices.get(id) ?? null;
  };

  const received: (EventView & { key: string })[] = auditEventsForFamily(db, familyId).map((e) => ({
    key: `${e.at}#a${e.id}`,
    at: e.at,
    action: e.action,
    user: userOf(e.actorUserId),
    device: deviceOf(e.deviceId),
    details: e.details,
  }));
  const writes = db
    .prepare(
      `SELECT m.created_at AS at, m.user_id, m.device_id, m.kind, m.record_id, m.status, m.rowid AS n
         FROM mutations m
        WHERE m.team_id = ? AND m.record_id IN (
          SELECT id FROM records WHERE team_id = ? AND (id = ? OR json_extract(data, '$.familyId') = ?))
        ORDER BY m.rowid`,
    )
    .all(teamId, teamId, familyId, familyId) as {
    at: string;
    user_id: string;
    device_id: string;
    kind: string;
    record_id: string;
    status: string;
    n: number;
  }[];
  const written = writes.map((w) => ({
    key: `${w.at}#m${w.n}`,
    at: w.at,
    action: 'sync.write',
    user: userOf(w.user_id),
    device: deviceOf(w.device_id),
    details: { kind: w.kind, recordId: w.record_id, status: w.status },
  }));
  const events = [...received, ...written].sort((a, b) => a.key.localeCompare(b.key)).map(({ key: _, ...e }) => e);
  recordAudit(db, {
    action: 'audit.read',
    at: deps.now(),
    teamId,
    actorUserId: actor.id,
    actorUsername: actor.username,
    deviceId: session.deviceId,
    session: session.tokenHash,
    details: { familyId, events: events.length },
  });
  return { familyId, events };
}
