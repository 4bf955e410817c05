import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../caseload/settings.ts';
import { type AttendanceEntry, attendanceStatuses } from './attendance.ts';
import { completion, courseOverview } from './completion.ts';
import { type ChapterNumber, chapterNumbers, defaultChapterTitles } from './cosp-fields.ts';
import { attendanceRecordId, enrollment, ids, session, tap } from './test-fixtures.ts';

const threshold = defaultSettings.cospCompletion; // 6 of 8
const participant = enrollment();
/** Eight sessions, one chapter each, all held. */
const standard = chapterNumbers.map((c) => session(c, [c]));
const attendEach = (numbers: number[]) => numbers.map((n) => tap(n, 'moedt'));

describe('completion', () => {
  it('counts distinct chapters in attended sessions', () => {
    const result = completion(participant, standard, attendEach([1, 2, 3, 4, 5, 6]), threshold);
    expect(result).toMatchObject({ chaptersAttended: 6, chapters: [1, 2, 3, 4, 5, 6], required: 6, completed: true });
  });

  it('threshold edges: 5 of 8 is not completed, 6 of 8 is', () => {
    expect(completion(participant, standard, attendEach([1, 2, 3, 4, 5]), threshold).completed).toBe(false);
    expect(completion(participant, standard, attendEach([1, 2, 3, 4, 5, 8]), threshold).completed).toBe(true);
    const five = { attendedChapters: 5, totalChapters: 8 };
    expect(completion(participant, standard, attendEach([1, 2, 3, 4, 5]), five).completed).toBe(true);
    expect(completion(participant, standard, attendEach([1, 2, 3, 4]), five).completed).toBe(false);
  });

  it('counts a chapter split over two sessions once, and covers it when either part was attended', () => {
    const split = [session(1, [1]), session(2, [2]), session(3, [2, 3]), session(4, [3])];
    expect(completion(participant, split, attendEach([2, 3]), threshold).chapters).toEqual([2, 3]);
    expect(completion(participant, split, attendEach([3]), threshold).chapters).toEqual([2, 3]);
    expect(completion(participant, split, attendEach([1, 2]), threshold).chapters).toEqual([1, 2]);
  });

  it('counts a repeated chapter once', () => {
    const repeated = [session(1, [1]), session(2, [2]), session(3, [1, 2]), session(4, [2])];
    expect(completion(participant, repeated, attendEach([1, 2, 3, 4]), threshold).chaptersAttended).toBe(2);
  });

  it('does not count afbud or udeblevet', () => {
    const records = [tap(1, 'moedt'), tap(2, 'afbud'), tap(3, 'udeblevet'), tap(4, 'moedt')];
    expect(completion(participant, standard, records, threshold).chapters).toEqual([1, 4]);
  });

  it('does not count cancelled sessions, other courses or other participants', () => {
    const sessions = [
      session(1, [1]),
      session(2, [2], { status: 'aflyst' }),
      session(3, [3], { courseId: ids.otherCourse }),
      session(4, [4]),
    ];
    const records = [
      tap(1, 'moedt'),
      tap(2, 'moedt'),
      tap(3, 'moedt'),
      tap(4, 'moedt', { enrollmentId: ids.enrollment2 }),
    ];
    expect(completion(participant, sessions, records, threshold).chapters).toEqual([1]);
  });

  it('uses the latest record in server order when two tablets disagree, and says it is provisional', () => {
    const records = [
      tap(1, 'moedt', { seq: 10 }),
      tap(1, 'afbud', { seq: 12, id: attendanceRecordId(900) }),
      tap(2, 'afbud', { seq: 20 }),
      tap(2, 'moedt', { seq: 21, id: attendanceRecordId(901) }),
    ];
    const result = completion(participant, standard, records, threshold);
    expect(result.chapters).toEqual([2]);
    expect(result.disputedSessionIds).toEqual([standard[0]?.id, standard[1]?.id]);
  });

  it('does not depend on the order of the attendance records', () => {
    const records = fc.array(
      fc.record({ n: fc.integer({ min: 1, max: 8 }), status: fc.constantFrom(...attendanceStatuses) }),
      { maxLength: 20 },
    );
    fc.assert(
      fc.property(
        records.chain((list) => {
          const entries = list.map(
            (r, i): AttendanceEntry => tap(r.n, r.status, { id: attendanceRecordId(1000 + i), seq: 1000 + i }),
          );
          return fc.tuple(fc.constant(entries), fc.shuffledSubarray(entries, { minLength: entries.length }));
        }),
        ([list, shuffled]) => {
          const result = completion(participant, standard, list, threshold);
          expect(completion(participant, standard, shuffled, threshold)).toEqual(result);
          expect(result.chaptersAttended).toBeLessThanOrEqual(8);
          expect(result.completed).toBe(result.chaptersAttended >= 6);
          if (result.completed) expect(result.onTrack).toBe(true);
        },
      ),
    );
  });
});

describe('onTrack', () => {
  /** Eight planned sessions, one chapter each; the first n held. */
  const heldFirst = (n: number) =>
    chapterNumbers.map((c: ChapterNumber) => session(c, [c], { status: c <= n ? 'afholdt' : 'planlagt' }));

  it('is on track while the remaining sessions can still bring the threshold', () => {
    // Four of eight held, two attended: 2 + 4 remaining = 6.
    const result = completion(participant, heldFirst(4), attendEach([1, 2]), threshold);
    expect(result).toMatchObject({ chaptersAttended: 2, remainingSessions: 4, completed: false, onTrack: true });
  });

  it('is not on track when even attending every remaining session falls short', () => {
    // Five of eight held, one attended: 1 + 3 remaining = 4 < 6.
    const result = completion(participant, heldFirst(5), attendEach([3]), threshold);
    expect(result).toMatchObject({ chaptersAttended: 1, remainingSessions: 3, onTrack: false });
  });

  it('counts a session with a register as held even when nobody set its status', () => {
    const sessions = heldFirst(0);
    // A register at sessions 1 and 2 (another participant's counts too): 0 + 6 remaining = 6.
    const records = [tap(1, 'udeblevet'), tap(2, 'moedt', { enrollmentId: ids.enrollment2 })];
    expect(completion(participant, sessions, records, threshold)).toMatchObject({
      remainingSessions: 6,
      onTrack: true,
    });
    const more = [...records, tap(3, 'afbud')];
    expect(completion(participant, sessions, more, threshold)).toMatchObject({ remainingSessions: 5, onTrack: false });
  });

  it('lets cancelled sessions be made up and extra planned sessions help', () => {
    const sessions = heldFirst(4).map((s) => (s.number === 2 ? { ...s, status: 'aflyst' as const } : s));
    // Three held (1, 3, 4), attended 1: 1 + min(5, 7) = 6 with eight planned.
    expect(completion(participant, sessions, attendEach([1]), threshold).onTrack).toBe(true);
    expect(completion(participant, heldFirst(5), attendEach([3]), threshold, 10).onTrack).toBe(true);
  });

  it('follows the plan pace: four planned sessions of two chapters each', () => {
    const sessions = [session(1, [1, 2]), session(2, [3, 4])];
    const result = completion(participant, sessions, attendEach([2]), threshold, 4);
    expect(result).toMatchObject({ chaptersAttended: 2, remainingSessions: 2, onTrack: true });
    expect(completion(participant, sessions, [], threshold, 4).onTrack).toBe(false);
  });

  it('is off track after a drop-out or when never started, unless already completed', () => {
    const dropped = enrollment({ outcome: 'frafaldet', dropoutReason: 'Flyttet' });
    expect(completion(dropped, heldFirst(2), attendEach([1, 2]), threshold).onTrack).toBe(false);
    expect(completion(enrollment({ outcome: 'ikke-startet' }), heldFirst(0), [], threshold).onTrack).toBe(false);
    expect(completion(dropped, standard, attendEach([1, 2, 3, 4, 5, 6]), threshold).onTrack).toBe(true);
  });
});

describe('course overview', () => {
  const course = { id: ids.course, plannedSessions: 8, chapterTitles: [] };
  const second = enrollment({ id: ids.enrollment2, caregiverId: ids.child, enrolledOn: '2025-09-04' });
  const sessions = [
    session(1, [1]),
    session(2, [2, 3]),
    session(3, [3]),
    session(4, [4], { status: 'aflyst' }),
    session(5, [5], { status: 'planlagt' }),
  ];
  const records = [
    tap(1, 'moedt'),
    tap(2, 'moedt'),
    tap(3, 'afbud'),
    tap(3, 'moedt', { enrollmentId: ids.enrollment2, seq: 50 }),
    tap(3, 'udeblevet', { enrollmentId: ids.enrollment2, seq: 40, id: attendanceRecordId(777) }),
  ];
  const overview = courseOverview(course, sessions, [second, participant], records, threshold);

  it('shows chapters covered against the plan, with titles and sessions', () => {
    expect(overview).toMatchObject({
      plannedSessions: 8,
      sessionsHeld: 3,
      sessionsCancelled: 1,
      sessionsRemaining: 5,
      chaptersCovered: [1, 2, 3],
      chaptersNotCovered: [4, 5, 6, 7, 8],
    });
    expect(overview.chapters[2]).toEqual({ chapter: 3, title: defaultChapterTitles[2], sessionNumbers: [2, 3] });
    const titled = courseOverview(
      { ...course, chapterTitles: chapterNumbers.map((c) => `Kapitel ${c}`) },
      [],
      [],
      [],
      threshold,
    );
    expect(titled.chapters[7]?.title).toBe('Kapitel 8');
  });

  it('shows attendance per participant, in enrolment order', () => {
    expect(overview.participants.map((p) => p.enrollmentId)).toEqual([ids.enrollment, ids.enrollment2]);
    expect(overview.participants[0]).toMatchObject({ counts: { moedt: 2, afbud: 1, udeblevet: 0 }, unrecorded: 0 });
    // Enrolled 4 Sept: sessions 1 (2 Sept) and 2 (3 Sept) were before, so not missing.
    expect(overview.participants[1]).toMatchObject({ counts: { moedt: 1, afbud: 0, udeblevet: 0 }, unrecorded: 0 });
    expect(overview.participants[0]?.completion.chapters).toEqual([1, 2, 3]);
    expect(overview.completers).toEqual([]);
  });

  it('lists disputed attendance and completers', () => {
    expect(overview.disputes).toEqual([{ sessionId: sessions[2]?.id, enrollmentId: ids.enrollment2 }]);
    const done = courseOverview(course, standard, [participant], attendEach([1, 2, 3, 4, 5, 6]), threshold);
    expect(done.completers).toEqual([ids.enrollment]);
    expect(done.participants[0]?.unrecorded).toBe(2);
  });
});
