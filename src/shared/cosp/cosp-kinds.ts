/**
 * The COS-P record kinds, ready to be spread into the registry in schemas/kinds.ts: each kind's
 * full schema, its base object for partial updates, and whether concurrent edits of different
 * fields merge. Family reflections never merge: a signature covers exactly the signed text.
 */
import { attendanceSchema } from './attendance.ts';
import { courseBaseSchema, courseSchema } from './course.ts';
import { enrollmentBaseSchema, enrollmentSchema } from './enrollment.ts';
import { familyReflectionBaseSchema, familyReflectionSchema } from './family-reflection.ts';
import { groupNoteSchema } from './group-note.ts';
import { sessionBaseSchema, sessionSchema } from './session.ts';

export const cospKinds = {
  cospCourse: { schema: courseSchema, base: courseBaseSchema, mergeable: true },
  cospEnrollment: { schema: enrollmentSchema, base: enrollmentBaseSchema, mergeable: true },
  cospSession: { schema: sessionSchema, base: sessionBaseSchema, mergeable: true },
  cospAttendance: { schema: attendanceSchema, base: attendanceSchema, mergeable: true },
  cospGroupNote: { schema: groupNoteSchema, base: groupNoteSchema, mergeable: true },
  cospFamilyReflection: { schema: familyReflectionSchema, base: familyReflectionBaseSchema, mergeable: false },
} as const;
