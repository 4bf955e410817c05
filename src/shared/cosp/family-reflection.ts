/**
 * A family's reflection on a COS-P session: a note in that family's journal (domain.md §4, §6). A
 * draft (kladde) may be edited freely by its author; a signed note (underskrevet) is read-only, and
 * a correction is a new record whose `amendsId` points to the original, so the original stays
 * visible. The kind must not be mergeable: a signature covers exactly the text that was signed.
 */
import * as z from 'zod/mini';
import { choice, msg, optionalText, requiredText } from '../schemas/fields.ts';
import { cospMsg, optionalId } from './cosp-fields.ts';

export const reflectionStatuses = ['kladde', 'underskrevet'] as const;
export type ReflectionStatus = (typeof reflectionStatuses)[number];

/** When it was signed (ISO date-time with offset; informative, never used to order), or ''. */
const optionalDateTime = z._default(
  z.union([z.iso.datetime({ offset: true, error: msg.invalidDate }), z.literal('')], { error: msg.invalidDate }),
  '',
);

export const familyReflectionBaseSchema = z.object({
  familyId: z.uuid(),
  courseId: z.uuid(),
  sessionId: z.uuid(),
  author: requiredText(120),
  text: requiredText(8000),
  status: z._default(choice(reflectionStatuses), 'kladde'),
  /** Who signed (user display name), or '' while a draft. */
  signedBy: optionalText(120),
  signedAt: optionalDateTime,
  /** The signed note this one corrects (always the first note of the chain), or ''. */
  amendsId: optionalId,
});

/** Cross-field rule: a signed note names who and when; a draft has no signature. */
export const familyReflectionSchema = familyReflectionBaseSchema.check(
  z.superRefine((note, ctx) => {
    for (const field of ['signedBy', 'signedAt'] as const) {
      if (note.status === 'underskrevet' && note[field] === '')
        ctx.addIssue({ code: 'custom', input: '', path: [field], message: cospMsg.signatureMissing });
      if (note.status === 'kladde' && note[field] !== '')
        ctx.addIssue({ code: 'custom', input: note[field], path: [field], message: cospMsg.draftSigned });
    }
  }),
);

export type FamilyReflection = z.output<typeof familyReflectionSchema>;
export type FamilyReflectionInput = z.input<typeof familyReflectionSchema>;

/** A draft may be edited; a signed note never. */
export const canEdit = (note: Pick<FamilyReflection, 'status'>): boolean => note.status === 'kladde';

/** The update that signs a draft (the whole change in one write). */
export function sign(
  note: Pick<FamilyReflection, 'status'>,
  signedBy: string,
  signedAt: string,
): Pick<FamilyReflection, 'status' | 'signedBy' | 'signedAt'> {
  if (!canEdit(note)) throw new Error('The note is already signed.');
  return { status: 'underskrevet', signedBy, signedAt };
}

/**
 * The data of a new draft that corrects a signed note. The original is left untouched; the
 * correction points to the first note of the chain, so the journal shows one original and its
 * corrections in order. A draft is not amended: edit it instead (`canEdit`).
 */
export function amend(original: FamilyReflection & { id: string }, text: string, author: string): FamilyReflection {
  if (canEdit(original)) throw new Error('A draft is edited, not amended.');
  return {
    familyId: original.familyId,
    courseId: original.courseId,
    sessionId: original.sessionId,
    author,
    text,
    status: 'kladde',
    signedBy: '',
    signedAt: '',
    amendsId: original.amendsId === '' ? original.id : original.amendsId,
  };
}

/**
 * One journal entry with its corrections: the corrections of `originalId`, in the server's commit
 * order (`seq`; records not yet on the server last, then by id). No clock decides the order.
 */
export function amendmentsOf<T extends FamilyReflection & { id: string; seq?: number | null }>(
  notes: readonly T[],
  originalId: string,
): T[] {
  const order = (n: T) => n.seq ?? Number.POSITIVE_INFINITY;
  return notes
    .filter((n) => n.amendsId === originalId)
    .toSorted((a, b) => order(a) - order(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
