/**
 * Each record kind's schema, loaded on first use: reading a screen's records pulls only the
 * schemas of the kinds it shows, so adding kinds does not grow the first screen's JavaScript.
 * (The writer validates with the full registry in shared/schemas/kinds.ts; it loads with forms.)
 */
import type * as z from 'zod/mini';
import type { RecordKind } from '../../shared/schemas/kinds.ts';

type Schema = z.ZodMiniType;

const loaders: Record<RecordKind, () => Promise<Schema>> = {
  family: async () => (await import('../../shared/schemas/family.ts')).familySchema,
  child: async () => (await import('../../shared/schemas/child.ts')).childSchema,
  caregiver: async () => (await import('../../shared/caseload/caregiver.ts')).caregiverSchema,
  consent: async () => (await import('../../shared/caseload/consent.ts')).consentSchema,
  contact: async () => (await import('../../shared/caseload/contact.ts')).contactSchema,
  settings: async () => (await import('../../shared/caseload/settings.ts')).settingsSchema,
  conflict: async () => (await import('../../shared/schemas/conflict.ts')).conflictSchema,
  visit: async () => (await import('../../shared/visits/visit.ts')).visitSchema,
  observation: async () => (await import('../../shared/visits/observation.ts')).observationSchema,
  instrumentResponse: async () => (await import('../../shared/visits/instrument-record.ts')).instrumentRecordSchema,
  journalNote: async () => (await import('../../shared/visits/journal.ts')).journalNoteSchema,
  draft: async () => (await import('../../shared/visits/draft.ts')).draftSchema,
  cospCourse: async () => (await import('../../shared/cosp/course.ts')).courseSchema,
  cospEnrollment: async () => (await import('../../shared/cosp/enrollment.ts')).enrollmentSchema,
  cospSession: async () => (await import('../../shared/cosp/session.ts')).sessionSchema,
  cospAttendance: async () => (await import('../../shared/cosp/attendance.ts')).attendanceSchema,
  cospGroupNote: async () => (await import('../../shared/cosp/group-note.ts')).groupNoteSchema,
  cospFamilyReflection: async () => (await import('../../shared/cosp/family-reflection.ts')).familyReflectionSchema,
};

const loaded = new Map<RecordKind, Promise<Schema>>();

export function schemaFor(kind: RecordKind): Promise<Schema> {
  let schema = loaded.get(kind);
  if (!schema) {
    schema = loaders[kind]();
    // A failed chunk load (e.g. offline before precaching finished) may be retried later.
    schema.catch(() => loaded.delete(kind));
    loaded.set(kind, schema);
  }
  return schema;
}
