/**
 * Dexie schema versions, append-only: never edit a shipped entry, add a new one (style.md habit 6).
 * Each synced kind has its own table so it can carry its own indexes; `sync` is the per-record sync
 * state and `outbox` holds pending mutations in device order (clientSeq).
 */
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
];
