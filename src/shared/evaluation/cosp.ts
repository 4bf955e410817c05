/**
 * COS-P (domain.md §4, §7) in the period: courses started (first held session in the period) and
 * completed (status afsluttet, last held session in the period), sessions held, attendance at the
 * sessions held (mødt of all registrations; sessions with no register taken for an enrolled
 * participant are counted apart), and for the courses completed in the period their participants:
 * completers by the municipality's threshold (completion.ts), drop-outs by reason category, those
 * who never started, and the rest (below the threshold); one category each, adding up. A session counts as held as in completion.ts (afholdt, or a register
 * was taken at it). Participants are enrolments (a caregiver); families and focus children behind.
 */
import { type AttendanceStatus, pairKey, resolveAttendance } from '../cosp/attendance.ts';
import { completion } from '../cosp/completion.ts';
import { type DropoutCategory, dropoutCategories } from '../cosp/enrollment.ts';
import { inPeriod, type Period } from './period.ts';
import { type EvaluationRecords, type EvaluationSettings, groupBy } from './records.ts';
import { type Tally, tallyBy, tallyOf } from './tally.ts';

export type CospIndicator = {
  coursesStarted: number;
  coursesCompleted: number;
  sessionsHeld: number;
  /** Registrations at sessions held in the period, by status, and enrolled participants with none. */
  attendance: Record<AttendanceStatus | 'unrecorded', Tally>;
  /** Participants of the courses completed in the period. */
  participants: Tally;
  completers: Tally;
  dropouts: Tally;
  dropoutsByReason: Record<DropoutCategory | 'not-stated', Tally>;
  notStarted: Tally;
  /** Neither reached the threshold nor dropped out or never started (e.g. outcome not yet set). */
  belowThreshold: Tally;
};

export const dropoutReasonKeys = [...dropoutCategories, 'not-stated'] as const;

export function cospIndicator(
  records: Pick<EvaluationRecords, 'courses' | 'sessions' | 'enrollments' | 'attendance'>,
  period: Period,
  settings: Pick<EvaluationSettings, 'cospCompletion'>,
): CospIndicator {
  const registered = new Set(records.attendance.filter((a) => !a.deleted).map((a) => a.sessionId));
  const held = records.sessions.filter(
    (s) => s.data.status === 'afholdt' || (s.data.status === 'planlagt' && registered.has(s.id)),
  );
  const heldByCourse = groupBy(held, (s) => s.data.courseId);
  const enrolmentsByCourse = groupBy(records.enrollments, (e) => e.data.courseId);
  const resolved = resolveAttendance(records.attendance);

  let coursesStarted = 0;
  const completedCourses: string[] = [];
  for (const course of records.courses) {
    const dates = (heldByCourse.get(course.id) ?? []).map((s) => s.data.date).sort();
    const first = dates[0];
    const last = dates.at(-1);
    if (first !== undefined && inPeriod(first, period)) coursesStarted += 1;
    if (course.data.status === 'afsluttet' && last !== undefined && inPeriod(last, period))
      completedCourses.push(course.id);
  }

  const heldInPeriod = held.filter((s) => inPeriod(s.data.date, period));
  const registrations = heldInPeriod.flatMap((session) =>
    (enrolmentsByCourse.get(session.data.courseId) ?? [])
      .filter((e) => e.data.enrolledOn <= session.data.date)
      .map((e) => ({
        status: resolved.get(pairKey(session.id, e.id))?.status ?? ('unrecorded' as const),
        familyId: e.data.familyId,
        childId: e.data.focusChildId,
      })),
  );

  const participants = completedCourses.flatMap((courseId) =>
    (enrolmentsByCourse.get(courseId) ?? []).map((e) => ({
      enrolment: { id: e.id, ...e.data },
      familyId: e.data.familyId,
      childId: e.data.focusChildId,
    })),
  );
  const sessionFacts = held.map((s) => ({ id: s.id, ...s.data }));
  const courseById = new Map(records.courses.map((c) => [c.id, c.data]));
  const completers = participants.filter(
    (p) =>
      completion(
        p.enrolment,
        sessionFacts,
        records.attendance,
        settings.cospCompletion,
        courseById.get(p.enrolment.courseId)?.plannedSessions,
      ).completed,
  );
  // One category each, so they add up to the participants: reaching the threshold counts first.
  const done = new Set(completers.map((p) => p.enrolment.id));
  const rest = participants.filter((p) => !done.has(p.enrolment.id));
  const dropouts = rest.filter((p) => p.enrolment.outcome === 'frafaldet');
  const notStarted = rest.filter((p) => p.enrolment.outcome === 'ikke-startet');
  return {
    coursesStarted,
    coursesCompleted: completedCourses.length,
    sessionsHeld: heldInPeriod.length,
    attendance: tallyBy(registrations, (r) => r.status, ['moedt', 'afbud', 'udeblevet', 'unrecorded']),
    participants: tallyOf(participants),
    completers: tallyOf(completers),
    dropouts: tallyOf(dropouts),
    dropoutsByReason: tallyBy(dropouts, (p) => p.enrolment.dropoutCategory || 'not-stated', dropoutReasonKeys),
    notStarted: tallyOf(notStarted),
    belowThreshold: tallyOf(
      rest.filter((p) => p.enrolment.outcome !== 'frafaldet' && p.enrolment.outcome !== 'ikke-startet'),
    ),
  };
}
