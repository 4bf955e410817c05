/**
 * Each kind's indexed id fields, for the device's store (src/client/db/state.ts), apart from the
 * registry (kinds.ts): the store builds its in-memory indexes on the first screen, and the registry
 * with its schema loaders, write rules and titles would add ~2 KB gzip to the first screen's
 * JavaScript budget (decision 0075). The registry stays the authority: `satisfies` makes a kind
 * missing here a compile error, and kind-indexes.test.ts holds every entry equal to the registry's.
 */
import type { IndexName, RecordKind } from './kinds.ts';

export const kindIndexes = {
  family: [],
  child: ['familyId'],
  caregiver: ['familyId'],
  consent: ['familyId'],
  contact: ['familyId', 'childId'],
  settings: [],
  visit: ['familyId', 'childId'],
  observation: ['visitId', 'childId'],
  instrumentResponse: ['visitId', 'childId'],
  journalNote: ['familyId', 'childId', 'visitId'],
  draft: ['formKey'],
  cospCourse: [],
  cospEnrollment: ['courseId', 'familyId'],
  cospSession: ['courseId'],
  cospAttendance: ['sessionId'],
  cospGroupNote: ['sessionId'],
  cospFamilyReflection: ['sessionId', 'familyId'],
  institution: [],
  handover: ['familyId', 'childId'],
  cooperationMeeting: ['familyId', 'childId'],
  daycareActivity: [],
  auditEvent: ['familyId'],
  conflict: ['recordId'],
} as const satisfies Record<RecordKind, readonly IndexName[]>;

/** A kind this version knows (the same answer as kinds.ts's isRecordKind). */
export function isKnownKind(value: unknown): value is RecordKind {
  return typeof value === 'string' && Object.hasOwn(kindIndexes, value);
}
