/**
 * Shared test data for the COS-P tests: fixed ids and builders with sensible defaults.
 */
import type { AttendanceEntry, AttendanceStatus } from './attendance.ts';
import type { ChapterNumber } from './cosp-fields.ts';
import type { Enrollment } from './enrollment.ts';
import type { Session } from './session.ts';

export const ids = {
  course: '0b3c5a3e-8a4f-4c39-9d1e-3f4f5a6b7c8d',
  otherCourse: '9a3c5a3e-8a4f-4c39-9d1e-3f4f5a6b7c8d',
  family: '1c4d6b4f-9b5a-4d4a-8e2f-4a5b6c7d8e9f',
  caregiver: '2d5e7c5a-ab6b-4e5b-9f3a-5b6c7d8e9fa0',
  child: '3e6f8d6b-bc7c-4f6c-8a4b-6c7d8e9fa0b1',
  enrollment: '4f7a9e7c-cd8d-4a7d-9b5c-7d8e9fa0b1c2',
  enrollment2: '5a8bafad-de9e-4b8e-8c6d-8e9fa0b1c2d3',
};

/** A deterministic uuid for the n-th test session (valid for z.uuid()). */
export const sessionId = (n: number) => `6b9cb0be-ef0f-4c9f-9d7e-${String(n).padStart(12, '0')}`;
export const attendanceRecordId = (n: number) => `7cadc1cf-f010-4da0-8e8f-${String(n).padStart(12, '0')}`;

export const session = (
  n: number,
  chapters: ChapterNumber[],
  patch: Partial<Session> = {},
): Session & { id: string } => ({
  id: sessionId(n),
  courseId: ids.course,
  number: n,
  date: `2025-09-${String(n + 1).padStart(2, '0')}`,
  startTime: '09:00',
  endTime: '10:30',
  place: 'Sundhedsplejens mødelokale',
  status: 'afholdt',
  facilitatorsPresent: ['Mette Holm'],
  chapters,
  deviations: '',
  ...patch,
});

export const enrollment = (patch: Partial<Enrollment & { id: string }> = {}): Enrollment & { id: string } => ({
  id: ids.enrollment,
  courseId: ids.course,
  familyId: ids.family,
  caregiverId: ids.caregiver,
  focusChildId: ids.child,
  enrolledOn: '2025-08-15',
  outcome: '',
  dropoutReason: '',
  dropoutCategory: '',
  ...patch,
});

let counter = 0;
export const tap = (
  sessionNumber: number,
  status: AttendanceStatus,
  patch: Partial<AttendanceEntry> = {},
): AttendanceEntry => {
  counter += 1;
  return {
    id: attendanceRecordId(counter),
    sessionId: sessionId(sessionNumber),
    enrollmentId: ids.enrollment,
    status,
    seq: counter,
    ...patch,
  };
};
