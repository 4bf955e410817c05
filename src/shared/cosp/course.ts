/**
 * A COS-P course (domain.md §4): a group course or an individual course (one parent or a couple),
 * run by nurses with interdisciplinary co-facilitators over a planned number of sessions. Chapter
 * labels default to `defaultChapterTitles` and may be overridden per course.
 */
import * as z from 'zod/mini';
import { choice, isoDate, msg, optionalText, requiredText } from '../schemas/fields.ts';
import { CHAPTER_COUNT, cospMsg, defaultChapterTitles, nameList } from './cosp-fields.ts';

export const courseForms = ['gruppe', 'individuelt'] as const;
export type CourseForm = (typeof courseForms)[number];

export const courseStatuses = ['planlagt', 'i-gang', 'afsluttet', 'aflyst'] as const;
export type CourseStatus = (typeof courseStatuses)[number];

/** Suggestions for a co-facilitator's role; the field is free text (municipalities differ). */
export const coFacilitatorRoles = ['pædagog', 'psykolog', 'familiebehandler', 'socialrådgiver', 'jordemoder'] as const;

export const DEFAULT_PLANNED_SESSIONS = 8;

export const coFacilitatorSchema = z.object({
  name: requiredText(120),
  role: requiredText(80),
});
export type CoFacilitator = z.output<typeof coFacilitatorSchema>;

/** Empty means "use the default labels"; otherwise one label per chapter. Clearable by an update. */
const chapterTitlesField = z._default(
  z.array(requiredText(80)).check(
    z.refine((titles) => titles.length === 0 || titles.length === CHAPTER_COUNT, {
      error: cospMsg.chapterTitleCount,
    }),
  ),
  [],
);

export const courseBaseSchema = z.object({
  form: choice(courseForms),
  title: requiredText(120),
  /** Nurses who run the course: user display names or ids, as text. */
  facilitators: nameList(10),
  /** Co-facilitators from other professions (not users of the app). */
  coFacilitators: z._default(z.array(coFacilitatorSchema).check(z.maxLength(10, { error: msg.tooLong })), []),
  venue: optionalText(200),
  plannedSessions: z._default(
    z.int({ error: msg.wholeNumber }).check(z.gte(1, { error: msg.outOfRange }), z.lte(20, { error: msg.outOfRange })),
    DEFAULT_PLANNED_SESSIONS,
  ),
  startDate: isoDate,
  status: z._default(choice(courseStatuses), 'planlagt'),
  chapterTitles: chapterTitlesField,
});

/** No cross-field rules today; kept separate so kinds.ts can register schema and base alike. */
export const courseSchema = courseBaseSchema;

export type Course = z.output<typeof courseSchema>;
export type CourseInput = z.input<typeof courseSchema>;

/** The labels to show for chapters 1–8: the course's own, else the municipality's, else ours. */
export function chapterTitles(
  course: Pick<Course, 'chapterTitles'>,
  fallback: readonly string[] = defaultChapterTitles,
): readonly string[] {
  return course.chapterTitles.length === CHAPTER_COUNT ? course.chapterTitles : fallback;
}
