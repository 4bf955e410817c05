/**
 * COS-P completion (domain.md §4, §7): a participant completes by attending at least the
 * threshold's number of distinct chapters (municipality setting, default 6 of 8). A chapter split
 * over sessions or repeated counts once; afbud and udeblevet count nothing. `onTrack` estimates
 * whether the sessions still to come can reach the threshold. `courseOverview` sums a course up.
 */
import type { MunicipalitySettings } from '../caseload/settings.ts';
import { type AttendanceEntry, type AttendanceStatus, pairKey, resolveAttendance } from './attendance.ts';
import { type ChapterNumber, chapterNumbers } from './cosp-fields.ts';
import { type Course, chapterTitles, DEFAULT_PLANNED_SESSIONS } from './course.ts';
import type { Enrollment } from './enrollment.ts';
import type { Session } from './session.ts';

export type CospThreshold = MunicipalitySettings['cospCompletion'];

type WithId<T> = T & { id: string };
type SessionFacts = WithId<Pick<Session, 'courseId' | 'number' | 'date' | 'status' | 'chapters'>>;
type EnrollmentFacts = WithId<Pick<Enrollment, 'courseId' | 'outcome'>> & Partial<Enrollment>;

export type Completion = {
  /** Distinct chapters covered in sessions the participant attended (mødt). */
  chaptersAttended: number;
  chapters: ChapterNumber[];
  required: number;
  completed: boolean;
  /** Completed, or still able to complete in the remaining planned sessions. */
  onTrack: boolean;
  /** Planned sessions not yet held (cancelled sessions do not use one up). */
  remainingSessions: number;
  /** Sessions whose attendance for this participant is disputed: the count is provisional. */
  disputedSessionIds: string[];
};

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byNumber = (a: SessionFacts, b: SessionFacts) => a.number - b.number || compare(a.id, b.id);

/** A session counts as held when marked afholdt, or when someone took the register at it. */
const heldSessions = <S extends SessionFacts>(sessions: readonly S[], attendance: readonly AttendanceEntry[]) => {
  const registered = new Set(attendance.filter((a) => !a.deleted).map((a) => a.sessionId));
  return sessions.filter((s) => s.status === 'afholdt' || (s.status === 'planlagt' && registered.has(s.id)));
};

const sortedChapters = (chapters: Iterable<number>) =>
  [...new Set(chapters)]
    .filter((c): c is ChapterNumber => chapterNumbers.includes(c as ChapterNumber))
    .toSorted((a, b) => a - b);

/**
 * Completion of one participant. Only sessions of the participant's course count. `plannedSessions`
 * is the course's plan. The estimate behind onTrack is optimistic by design: the remaining
 * sessions bring the plan's pace (totalChapters / plannedSessions, rounded up, at least one) of
 * chapters the participant has not had yet; a participant who dropped out or never started is
 * not on track.
 */
export function completion(
  enrollment: EnrollmentFacts,
  sessions: readonly SessionFacts[],
  attendance: readonly AttendanceEntry[],
  threshold: CospThreshold,
  plannedSessions: number = DEFAULT_PLANNED_SESSIONS,
): Completion {
  const own = sessions.filter((s) => s.courseId === enrollment.courseId);
  const held = heldSessions(own, attendance);
  const resolved = resolveAttendance(attendance.filter((a) => a.enrollmentId === enrollment.id));
  const chapters: number[] = [];
  const disputedSessionIds: string[] = [];
  for (const session of held.toSorted(byNumber)) {
    const result = resolved.get(pairKey(session.id, enrollment.id));
    if (!result) continue;
    if (result.disputed) disputedSessionIds.push(session.id);
    if (result.status === 'moedt') chapters.push(...session.chapters);
  }
  const attended = sortedChapters(chapters);
  const required = threshold.attendedChapters;
  const completed = attended.length >= required;
  const remainingSessions = Math.max(0, plannedSessions - held.length);
  const pace = Math.max(1, Math.ceil(threshold.totalChapters / Math.max(1, plannedSessions)));
  const reachable =
    attended.length + Math.min(remainingSessions * pace, Math.max(0, threshold.totalChapters - attended.length));
  const stopped = enrollment.outcome === 'frafaldet' || enrollment.outcome === 'ikke-startet';
  return {
    chaptersAttended: attended.length,
    chapters: attended,
    required,
    completed,
    onTrack: completed || (!stopped && reachable >= required),
    remainingSessions,
    disputedSessionIds,
  };
}

export type ParticipantOverview = {
  enrollmentId: string;
  familyId: string | undefined;
  caregiverId: string | undefined;
  outcome: Enrollment['outcome'];
  counts: Record<AttendanceStatus, number>;
  /** Held sessions since enrolment with no attendance recorded for the participant. */
  unrecorded: number;
  completion: Completion;
};

export type ChapterOverview = {
  chapter: ChapterNumber;
  title: string;
  /** Numbers of the held sessions that covered the chapter (more than one: split or repeated). */
  sessionNumbers: number[];
};

export type CourseOverview = {
  courseId: string;
  plannedSessions: number;
  sessionsHeld: number;
  sessionsCancelled: number;
  sessionsRemaining: number;
  chapters: ChapterOverview[];
  chaptersCovered: ChapterNumber[];
  chaptersNotCovered: ChapterNumber[];
  participants: ParticipantOverview[];
  /** Enrolment ids of the participants who reached the threshold. */
  completers: string[];
  /** (session, enrolment) pairs whose attendance two facilitators recorded differently. */
  disputes: { sessionId: string; enrollmentId: string }[];
};

/** A course at a glance: chapters covered against the plan, attendance per participant, completers. */
export function courseOverview(
  course: WithId<Pick<Course, 'plannedSessions' | 'chapterTitles'>>,
  sessions: readonly SessionFacts[],
  enrollments: readonly EnrollmentFacts[],
  attendance: readonly AttendanceEntry[],
  threshold: CospThreshold,
): CourseOverview {
  const own = sessions.filter((s) => s.courseId === course.id).toSorted(byNumber);
  const participants = enrollments
    .filter((e) => e.courseId === course.id)
    .toSorted((a, b) => compare(a.enrolledOn ?? '', b.enrolledOn ?? '') || compare(a.id, b.id));
  const enrolled = new Set(participants.map((e) => e.id));
  const sessionIds = new Set(own.map((s) => s.id));
  const relevant = attendance.filter((a) => sessionIds.has(a.sessionId) && enrolled.has(a.enrollmentId));
  const held = heldSessions(own, relevant);
  const resolved = resolveAttendance(relevant);
  const titles = chapterTitles(course);

  const chapters = chapterNumbers.map((chapter) => ({
    chapter,
    title: titles[chapter - 1] ?? String(chapter),
    sessionNumbers: held.filter((s) => s.chapters.includes(chapter)).map((s) => s.number),
  }));
  const chaptersCovered = chapters.filter((c) => c.sessionNumbers.length > 0).map((c) => c.chapter);

  const rows = participants.map((enrollment): ParticipantOverview => {
    const counts: Record<AttendanceStatus, number> = { moedt: 0, afbud: 0, udeblevet: 0 };
    let unrecorded = 0;
    for (const session of held) {
      const status = resolved.get(pairKey(session.id, enrollment.id))?.status;
      if (status) counts[status] += 1;
      else if (enrollment.enrolledOn === undefined || session.date >= enrollment.enrolledOn) unrecorded += 1;
    }
    return {
      enrollmentId: enrollment.id,
      familyId: enrollment.familyId,
      caregiverId: enrollment.caregiverId,
      outcome: enrollment.outcome,
      counts,
      unrecorded,
      completion: completion(enrollment, own, relevant, threshold, course.plannedSessions),
    };
  });

  const disputes = [...resolved.values()]
    .flatMap((r) =>
      r.disputed && r.record ? [{ sessionId: r.record.sessionId, enrollmentId: r.record.enrollmentId }] : [],
    )
    .toSorted((a, b) => compare(pairKey(a.sessionId, a.enrollmentId), pairKey(b.sessionId, b.enrollmentId)));

  return {
    courseId: course.id,
    plannedSessions: course.plannedSessions,
    sessionsHeld: held.length,
    sessionsCancelled: own.filter((s) => s.status === 'aflyst').length,
    sessionsRemaining: Math.max(0, course.plannedSessions - held.length),
    chapters,
    chaptersCovered,
    chaptersNotCovered: chapterNumbers.filter((c) => !chaptersCovered.includes(c)),
    participants: rows,
    completers: rows.filter((r) => r.completion.completed).map((r) => r.enrollmentId),
    disputes,
  };
}
