import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { msg } from '../schemas/fields.ts';
import { attendanceSchema } from './attendance.ts';
import { cospMsg, defaultChapterTitles } from './cosp-fields.ts';
import { cospKinds } from './cosp-kinds.ts';
import { chapterTitles, courseSchema } from './course.ts';
import { enrollmentSchema } from './enrollment.ts';
import { familyReflectionSchema } from './family-reflection.ts';
import { groupNoteSchema } from './group-note.ts';
import { sessionSchema } from './session.ts';
import { ids, sessionId } from './test-fixtures.ts';

const messageFor = (schema: { safeParse: (v: unknown) => unknown }, input: unknown, path: string) => {
  const result = schema.safeParse(input) as {
    success: boolean;
    error?: { issues: { path: PropertyKey[]; message: string }[] };
  };
  if (result.success) return undefined;
  return result.error?.issues.find((i) => i.path.join('.') === path)?.message ?? 'no issue at that path';
};

describe('course schema', () => {
  const valid = { form: 'gruppe', title: 'Tryghedscirklen efterår', startDate: '2025-09-02' };

  it('fills defaults: eight sessions, planlagt, default chapter labels', () => {
    const course = courseSchema.parse({ ...valid, title: '  Tryghedscirklen efterår ' });
    expect(course).toEqual({
      ...valid,
      facilitators: [],
      coFacilitators: [],
      venue: '',
      plannedSessions: 8,
      status: 'planlagt',
      chapterTitles: [],
    });
    expect(chapterTitles(course)).toEqual(defaultChapterTitles);
  });

  it('takes facilitators, co-facilitators with a role, and a label per chapter', () => {
    const labels = defaultChapterTitles.map((t) => `${t} (lokal)`);
    const course = courseSchema.parse({
      ...valid,
      form: 'individuelt',
      facilitators: ['Mette Holm', 'user-42'],
      coFacilitators: [{ name: 'Anne Dahl', role: 'pædagog' }],
      plannedSessions: 10,
      status: 'i-gang',
      chapterTitles: labels,
    });
    expect(chapterTitles(course)).toEqual(labels);
    expect(
      messageFor(
        courseSchema,
        { ...valid, coFacilitators: [{ name: 'Anne Dahl', role: '' }] },
        'coFacilitators.0.role',
      ),
    ).toBe(msg.required);
  });

  it('rejects bad values', () => {
    expect(messageFor(courseSchema, { ...valid, form: 'hold' }, 'form')).toBe(msg.invalidChoice);
    expect(messageFor(courseSchema, { ...valid, status: 'i gang' }, 'status')).toBe(msg.invalidChoice);
    expect(messageFor(courseSchema, { ...valid, plannedSessions: 0 }, 'plannedSessions')).toBe(msg.outOfRange);
    expect(messageFor(courseSchema, { ...valid, plannedSessions: 21 }, 'plannedSessions')).toBe(msg.outOfRange);
    expect(messageFor(courseSchema, { ...valid, plannedSessions: 8.5 }, 'plannedSessions')).toBe(msg.wholeNumber);
    expect(messageFor(courseSchema, { ...valid, startDate: '2025-02-29' }, 'startDate')).toBe(msg.invalidDate);
    expect(messageFor(courseSchema, { ...valid, chapterTitles: ['Velkommen'] }, 'chapterTitles')).toBe(
      cospMsg.chapterTitleCount,
    );
    expect(messageFor(courseSchema, { ...valid, facilitators: [' '] }, 'facilitators.0')).toBe(msg.required);
  });
});

describe('enrollment schema', () => {
  const valid = {
    courseId: ids.course,
    familyId: ids.family,
    caregiverId: ids.caregiver,
    enrolledOn: '2025-08-15',
  };

  it('fills defaults: no focus child yet, no outcome', () => {
    expect(enrollmentSchema.parse(valid)).toEqual({
      ...valid,
      focusChildId: '',
      outcome: '',
      dropoutReason: '',
      dropoutCategory: '',
    });
    expect(enrollmentSchema.parse({ ...valid, focusChildId: ids.child, outcome: 'gennemfoert' }).outcome).toBe(
      'gennemfoert',
    );
  });

  it('needs a reason for a drop-out', () => {
    expect(messageFor(enrollmentSchema, { ...valid, outcome: 'frafaldet' }, 'dropoutReason')).toBe(
      cospMsg.dropoutReasonRequired,
    );
    expect(enrollmentSchema.safeParse({ ...valid, outcome: 'frafaldet', dropoutReason: 'Flyttet' }).success).toBe(true);
  });

  it('rejects bad values', () => {
    expect(messageFor(enrollmentSchema, { ...valid, outcome: 'gennemført' }, 'outcome')).toBe(msg.invalidChoice);
    expect(messageFor(enrollmentSchema, { ...valid, focusChildId: 'barn-1' }, 'focusChildId')).toBe(msg.invalidChoice);
    expect(enrollmentSchema.safeParse({ ...valid, caregiverId: 'x' }).success).toBe(false);
  });
});

describe('session schema', () => {
  const valid = { courseId: ids.course, number: 3, date: '2025-09-16' };

  it('fills defaults', () => {
    expect(sessionSchema.parse(valid)).toEqual({
      ...valid,
      startTime: '',
      endTime: '',
      place: '',
      status: 'planlagt',
      facilitatorsPresent: [],
      chapters: [],
      deviations: '',
    });
  });

  it('takes times, chapters split or several per session, and deviations', () => {
    const session = sessionSchema.parse({
      ...valid,
      startTime: '09:00',
      endTime: '10:30',
      status: 'afholdt',
      chapters: [3, 4],
      facilitatorsPresent: ['Mette Holm', 'Anne Dahl'],
      deviations: 'Kapitel 4 delt over to gange.',
    });
    expect(session.chapters).toEqual([3, 4]);
  });

  it('rejects bad times, chapters and numbers', () => {
    expect(messageFor(sessionSchema, { ...valid, startTime: '9:00' }, 'startTime')).toBe(msg.invalidTime);
    expect(messageFor(sessionSchema, { ...valid, endTime: '24:00' }, 'endTime')).toBe(msg.invalidTime);
    expect(messageFor(sessionSchema, { ...valid, startTime: '10:30', endTime: '09:00' }, 'endTime')).toBe(
      msg.endBeforeStart,
    );
    expect(messageFor(sessionSchema, { ...valid, chapters: [0] }, 'chapters.0')).toBe(msg.outOfRange);
    expect(messageFor(sessionSchema, { ...valid, chapters: [9] }, 'chapters.0')).toBe(msg.outOfRange);
    expect(messageFor(sessionSchema, { ...valid, chapters: [2, 2] }, 'chapters.1')).toBe(cospMsg.duplicateChapter);
    expect(messageFor(sessionSchema, { ...valid, number: 0 }, 'number')).toBe(msg.outOfRange);
    expect(messageFor(sessionSchema, { ...valid, status: 'holdt' }, 'status')).toBe(msg.invalidChoice);
  });
});

describe('attendance, group note and family reflection schemas', () => {
  it('attendance: one status per (session, enrolment)', () => {
    const valid = { sessionId: sessionId(1), enrollmentId: ids.enrollment, status: 'moedt' };
    expect(attendanceSchema.parse(valid)).toEqual(valid);
    expect(messageFor(attendanceSchema, { ...valid, status: 'mødt' }, 'status')).toBe(msg.invalidChoice);
    expect(attendanceSchema.safeParse({ ...valid, sessionId: 'session-1' }).success).toBe(false);
  });

  it('group note: author and text required', () => {
    const valid = { sessionId: sessionId(1), author: 'Mette Holm', text: 'Trygt rum i dag.' };
    expect(groupNoteSchema.parse(valid)).toEqual(valid);
    expect(messageFor(groupNoteSchema, { ...valid, text: '  ' }, 'text')).toBe(msg.required);
    expect(messageFor(groupNoteSchema, { ...valid, author: '' }, 'author')).toBe(msg.required);
  });

  it('family reflection: a draft has no signature, a signed note has one', () => {
    const draft = {
      familyId: ids.family,
      courseId: ids.course,
      sessionId: sessionId(2),
      author: 'Mette Holm',
      text: 'Refleksion',
    };
    expect(familyReflectionSchema.parse(draft)).toMatchObject({ status: 'kladde', signedBy: '', amendsId: '' });
    expect(messageFor(familyReflectionSchema, { ...draft, status: 'underskrevet' }, 'signedBy')).toBe(msg.required);
    expect(messageFor(familyReflectionSchema, { ...draft, signedBy: 'Mette Holm' }, 'signedBy')).toBe(
      'validation.notApplicable',
    );
    expect(
      messageFor(
        familyReflectionSchema,
        { ...draft, status: 'underskrevet', signedBy: 'M', signedAt: 'i går' },
        'signedAt',
      ),
    ).toBe(msg.invalidDate);
    expect(messageFor(familyReflectionSchema, { ...draft, amendsId: 'x' }, 'amendsId')).toBe(msg.invalidChoice);
  });
});

describe('kind registration', () => {
  it('every base schema accepts a partial update of one field without filling the others', () => {
    for (const spec of Object.values(cospKinds)) {
      const partial = z.partial(spec.base);
      expect(partial.safeParse({}).success).toBe(true);
    }
    expect(z.partial(cospKinds.cospSession.base).parse({ chapters: [1] })).toMatchObject({ chapters: [1] });
  });

  it('family reflections are the only kind that does not merge', () => {
    expect(
      Object.entries(cospKinds)
        .filter(([, spec]) => !spec.mergeable)
        .map(([kind]) => kind),
    ).toEqual(['cospFamilyReflection']);
  });

  it('every kind has a JSON Schema for the schema endpoint', () => {
    for (const spec of Object.values(cospKinds)) {
      expect(z.toJSONSchema(spec.schema, { io: 'input', unrepresentable: 'any' })).toHaveProperty('properties');
    }
  });
});
