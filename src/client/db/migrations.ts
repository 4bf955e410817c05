/**
 * Dexie schema versions, append-only: never edit a shipped entry, add a new one (style.md habit 6).
 * Each synced kind has its own table so it can carry its own indexes; `sync` is the per-record sync
 * state and `outbox` holds pending mutations in device order (clientSeq).
 */
import { recordKinds, registry } from '../../shared/schemas/kinds.ts';

export type Migration = {
  version: number;
  stores: Record<string, string | null>;
};

export const migrations: Migration[] = [
  {
    version: 1,
    stores: {
      families: 'id, sync, updatedAt',
      children: 'id, familyId, sync',
      conflicts: 'id, sync, recordId',
      outbox: '++clientSeq, &mutationId, id, state',
      meta: 'key',
      quarantine: '++id, table',
    },
  },
  {
    // Caseload: caregivers and consents per family, the visit plan's contacts, municipality settings.
    version: 2,
    stores: {
      caregivers: 'id, familyId, sync',
      consents: 'id, familyId, sync',
      contacts: 'id, familyId, childId, sync',
      settings: 'id, sync',
    },
  },
  {
    // Visits with their observations, instrument responses, journal notes and drafts; COS-P.
    version: 3,
    stores: {
      visits: 'id, familyId, childId, sync',
      observations: 'id, visitId, childId, sync',
      instrumentResponses: 'id, visitId, childId, sync',
      journalNotes: 'id, familyId, childId, visitId, sync',
      drafts: 'id, formKey, sync',
      cospCourses: 'id, sync',
      cospEnrollments: 'id, courseId, familyId, sync',
      cospSessions: 'id, courseId, sync',
      cospAttendance: 'id, sessionId, sync',
      cospGroupNotes: 'id, sessionId, sync',
      cospFamilyReflections: 'id, sessionId, familyId, sync',
    },
  },
  {
    // The registry's indexes (shared/schemas/kinds.ts): audit events; families lose an unused index.
    version: 4,
    stores: {
      auditEvents: 'id, familyId, sync',
      families: 'id, sync',
    },
  },
  {
    // Cooperation with daycare: the team's institutions, handovers, meetings, talks and forums.
    version: 5,
    stores: {
      institutions: 'id, sync',
      handovers: 'id, familyId, childId, sync',
      cooperationMeetings: 'id, familyId, childId, sync',
      daycareActivities: 'id, sync',
    },
  },
];

/** A kind's table spec as its registry entry implies: the id, the declared indexes, the sync state. */
export function derivedStores(): Record<string, string> {
  return Object.fromEntries(
    recordKinds.map((kind) => [registry[kind].table, ['id', ...registry[kind].indexes, 'sync'].join(', ')]),
  );
}

/** The schema the migrations add up to: each table's spec from the last version that names it. */
export function effectiveStores(list: readonly Migration[] = migrations): Record<string, string | null> {
  const stores: Record<string, string | null> = {};
  for (const migration of [...list].sort((a, b) => a.version - b.version)) Object.assign(stores, migration.stores);
  return stores;
}
