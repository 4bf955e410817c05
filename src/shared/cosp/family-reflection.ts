/**
 * A family's reflection on a COS-P session: a note in that family's journal (domain.md §4, §6), on
 * the shared signed-note model (journal/signed-note.ts): a draft its author edits until signed; a
 * signed note is final; a correction is a new signed note pointing to the original with a reason.
 */
import * as z from 'zod/mini';
import type { Signer } from '../journal/signature.ts';
import { checkSignedNote, draftNote, signedNoteShape } from '../journal/signed-note.ts';

export const REFLECTION_TEXT_MAX = 8000;

export const familyReflectionBaseSchema = z.object({
  familyId: z.uuid(),
  courseId: z.uuid(),
  sessionId: z.uuid(),
  ...signedNoteShape(REFLECTION_TEXT_MAX),
});

export const familyReflectionSchema = familyReflectionBaseSchema.check(
  z.superRefine((note, ctx) => checkSignedNote(ctx, note)),
);

export type FamilyReflection = z.output<typeof familyReflectionSchema>;
export type FamilyReflectionInput = z.input<typeof familyReflectionSchema>;

/** A new draft reflection of a family at a session by `author`. */
export function newReflection(
  refs: { familyId: string; courseId: string; sessionId: string },
  author: Signer,
  text = '',
): FamilyReflection {
  return { ...refs, ...draftNote(author, text) };
}
