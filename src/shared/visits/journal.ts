/**
 * Journal notes (domain.md §6): the shared signed-note model (journal/signed-note.ts) about a family,
 * optionally one child and one visit. A draft is edited by its author until signed; a signed note is
 * final; a correction is a new signed note that points to the original with a reason.
 */
import * as z from 'zod/mini';
import type { Signer } from '../journal/signature.ts';
import { checkSignedNote, draftNote, signedNoteShape } from '../journal/signed-note.ts';
import { optionalId } from '../schemas/fields.ts';

export const JOURNAL_TEXT_MAX = 20000;

export const journalNoteBaseSchema = z.object({
  familyId: z.uuid(),
  /** '' for a note about the family as a whole. */
  childId: optionalId,
  /** The visit the note belongs to, or ''. */
  visitId: optionalId,
  ...signedNoteShape(JOURNAL_TEXT_MAX),
});

export const journalNoteSchema = journalNoteBaseSchema.check(z.superRefine((note, ctx) => checkSignedNote(ctx, note)));

export type JournalNote = z.output<typeof journalNoteSchema>;
export type JournalNoteInput = z.input<typeof journalNoteSchema>;

/** A new draft note by `author`. */
export function newNote(
  refs: { familyId: string; childId?: string; visitId?: string },
  author: Signer,
  text = '',
): JournalNote {
  return {
    familyId: refs.familyId,
    childId: refs.childId ?? '',
    visitId: refs.visitId ?? '',
    ...draftNote(author, text),
  };
}
