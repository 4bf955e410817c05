/**
 * A COS-P session (domain.md §4): when and where, who facilitated, which chapters were covered and
 * deviations from the manual. Each fact is its own top-level field, so two facilitators who fill
 * in different parts offline merge on the server; what belongs to one person (attendance, notes,
 * family reflections) lives in records of its own, never inside the session.
 */
import * as z from 'zod/mini';
import { choice, isoDate, msg, optionalText, optionalTime } from '../schemas/fields.ts';
import { chapterListField, nameList } from './cosp-fields.ts';

/** planlagt: not yet held; afholdt: held; aflyst: cancelled (it does not use up a planned session). */
export const sessionStatuses = ['planlagt', 'afholdt', 'aflyst'] as const;
export type SessionStatus = (typeof sessionStatuses)[number];

export const sessionBaseSchema = z.object({
  courseId: z.uuid(),
  /** The session's number in the course, 1 upwards (a repeat session gets a number of its own). */
  number: z
    .int({ error: msg.wholeNumber })
    .check(z.gte(1, { error: msg.outOfRange }), z.lte(30, { error: msg.outOfRange })),
  date: isoDate,
  startTime: optionalTime,
  endTime: optionalTime,
  place: optionalText(200),
  status: z._default(choice(sessionStatuses), 'planlagt'),
  facilitatorsPresent: nameList(10),
  /** Chapters covered, 1–8; a chapter may be split over sessions or repeated in a later one. */
  chapters: chapterListField,
  deviations: optionalText(4000),
});

/** Cross-field rule: a session ends after it starts (both times given). */
export const sessionSchema = sessionBaseSchema.check(
  z.superRefine((session, ctx) => {
    if (session.startTime !== '' && session.endTime !== '' && session.endTime <= session.startTime) {
      ctx.addIssue({ code: 'custom', input: session.endTime, path: ['endTime'], message: msg.endBeforeStart });
    }
  }),
);

export type Session = z.output<typeof sessionSchema>;
export type SessionInput = z.input<typeof sessionSchema>;
