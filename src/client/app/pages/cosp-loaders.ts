/** Data for the COS-P screens, read from the local store: a course with everything recorded on it. */

import { completion, courseOverview } from '../../../shared/cosp/completion.ts';
import { noteHistory } from '../../../shared/journal/signed-note.ts';
import { records } from '../../db/store.ts';
import type { OpenEvent } from '../../features/audit/use-audit.ts';
import { attendanceEntries } from '../../features/cosp/cosp-actions.ts';

export async function loadCourse(courseId: string) {
  const course = await records.get('cospCourse', courseId);
  if (!course) return null;
  const [sessions, enrollments, caregivers, settings] = await Promise.all([
    records.byIndex('cospSession', 'courseId', courseId),
    records.byIndex('cospEnrollment', 'courseId', courseId),
    records.all('caregiver'),
    records.settings(),
  ]);
  const attendance = (
    await Promise.all(sessions.map((s) => records.byIndex('cospAttendance', 'sessionId', s.id)))
  ).flat();
  const caregiverName = new Map(caregivers.map((c) => [c.id, c.data.name]));
  const families = new Map((await records.all('family')).map((f) => [f.id, f.data.name]));
  const participants = enrollments.map((e) => ({
    enrollmentId: e.id,
    name: caregiverName.get(e.data.caregiverId) ?? '–',
    familyId: e.data.familyId,
    familyName: families.get(e.data.familyId) ?? '–',
  }));
  const overview = courseOverview(
    { id: course.id, ...course.data },
    sessions.map((s) => ({ id: s.id, ...s.data })),
    enrollments.map((e) => ({ id: e.id, ...e.data })),
    attendanceEntries(attendance),
    settings.data.cospCompletion,
  );
  return { course, sessions, enrollments, attendance, participants, overview, threshold: settings.data.cospCompletion };
}

export async function familyCospHistory(familyId: string) {
  const enrollments = await records.byIndex('cospEnrollment', 'familyId', familyId);
  const rows = [];
  for (const e of enrollments) {
    const [course, caregiver, sessions, settings] = await Promise.all([
      records.get('cospCourse', e.data.courseId),
      records.get('caregiver', e.data.caregiverId),
      records.byIndex('cospSession', 'courseId', e.data.courseId),
      records.settings(),
    ]);
    const attendance = (
      await Promise.all(sessions.map((s) => records.byIndex('cospAttendance', 'sessionId', s.id)))
    ).flat();
    const result = completion(
      { id: e.id, ...e.data },
      sessions.map((s) => ({ id: s.id, ...s.data })),
      attendanceEntries(attendance),
      settings.data.cospCompletion,
      course?.data.plannedSessions,
    );
    rows.push({
      id: e.id,
      course: course?.data.title ?? '–',
      caregiver: caregiver?.data.name ?? '–',
      chapters: result.chaptersAttended,
      outcome: e.data.outcome || (result.completed ? 'gennemfoert' : ''),
    });
  }
  return rows;
}

/** The family's COS-P reflections as journal notes: threads of originals with their corrections, per course. */
export async function familyReflections(familyId: string) {
  const notes = await records.byIndex('cospFamilyReflection', 'familyId', familyId);
  const courses = new Map((await records.all('cospCourse')).map((c) => [c.id, c.data.title]));
  return noteHistory(notes).map((thread) => {
    const head = thread.original ?? thread.amendments[0];
    return { thread, course: head ? (courses.get(head.data.courseId) ?? '') : '' };
  });
}

/** The audit openings of a COS-P screen: one per family among its participants (a family once). */
export function familiesShown(participants: { familyId: string }[], what: string, recordId: string): OpenEvent[] {
  return [...new Set(participants.map((p) => p.familyId))].sort().map((familyId) => ({ what, familyId, recordId }));
}
