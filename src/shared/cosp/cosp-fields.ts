/**
 * COS-P building blocks (domain.md §4): the eight chapters of the programme with their default
 * Danish labels, and the field helpers and message keys the COS-P schemas add to
 * schemas/fields.ts. The keys live in the i18n section "validation" like every other message key.
 */
import * as z from 'zod/mini';
import { msg, requiredText } from '../schemas/fields.ts';

export const cospMsg = {
  duplicateChapter: 'validation.duplicateChapter',
  chapterTitleCount: 'validation.chapterTitleCount',
  dropoutReasonRequired: 'validation.dropoutReasonRequired',
} as const;

/** The programme is manualised in eight chapters; chapter numbers run 1–8. */
export const CHAPTER_COUNT = 8;

/**
 * Short Danish labels for the official English chapter titles (domain.md §4). Our own working
 * translations, not the licensed Danish material: a course may override them (`chapterTitles`).
 */
export const defaultChapterTitles = [
  'Velkommen til cirklen',
  'Barnets behov hele vejen rundt i cirklen',
  'At være sammen med barnet i cirklen',
  'At være sammen med det lille barn i cirklen',
  'Vejen til tryghed',
  'Vores egne udfordringer',
  'Brud og reparation i relationer',
  'Opsummering og fejring',
] as const satisfies readonly string[] & { length: typeof CHAPTER_COUNT };

/** The official English titles, for reference and for exports to international evaluations. */
export const officialChapterTitles = [
  'Welcome to the Circle',
  "Exploring our children's needs all the way around the circle",
  '"Being with" on the circle',
  '"Being with" infants on the circle',
  'The path to security',
  'Exploring our struggles',
  'Rupture and repair in relationships',
  'Summary and celebration',
] as const;

export const chapterNumbers = [1, 2, 3, 4, 5, 6, 7, 8] as const;
export type ChapterNumber = (typeof chapterNumbers)[number];

/** A chapter number 1–8. */
export const chapterField = z
  .int({ error: msg.wholeNumber })
  .check(z.gte(1, { error: msg.outOfRange }), z.lte(CHAPTER_COUNT, { error: msg.outOfRange }));

/** A list of chapter numbers without repeats (a chapter repeated in a later session is another session). */
export const chapterListField = z._default(
  z.array(chapterField).check(
    z.superRefine((chapters, ctx) => {
      chapters.forEach((chapter, index) => {
        if (chapters.indexOf(chapter) !== index)
          ctx.addIssue({ code: 'custom', input: chapter, path: [index], message: cospMsg.duplicateChapter });
      });
    }),
  ),
  [],
);

/** A list of names (facilitators): each a trimmed, non-empty text. */
export const nameList = (max: number) =>
  z._default(z.array(requiredText(120)).check(z.maxLength(max, { error: msg.tooLong })), []);
