/**
 * Journal notes (domain.md §6, journalføringsbekendtgørelsen): a note is a draft (kladde) that its
 * author may edit freely until it is signed; a signed note is final. A correction is a new note that
 * points to the original (amendsId) with a reason, its own author and signature; the original stays
 * visible and unchanged. The rules here are pure: they return new data and never touch their input.
 */
import * as z from 'zod/mini';
import { choice, msg, optionalText } from '../schemas/fields.ts';
import {
  checkSignature,
  FinalRecordError,
  issue,
  optionalId,
  type Signer,
  type Stored,
  signatureOf,
  signatureShape,
  visitsMsg,
} from './common.ts';

export const journalStatuses = ['kladde', 'underskrevet'] as const;
export type JournalStatus = (typeof journalStatuses)[number];

export const JOURNAL_TEXT_MAX = 20000;

export const journalNoteBaseSchema = z.object({
  familyId: z.uuid(),
  /** '' for a note about the family as a whole. */
  childId: optionalId,
  /** The visit the note belongs to, or ''. */
  visitId: optionalId,
  text: optionalText(JOURNAL_TEXT_MAX),
  status: z._default(choice(journalStatuses), 'kladde'),
  /** Who wrote it (name as shown) and their user id. */
  author: optionalText(120),
  authorId: optionalText(120),
  ...signatureShape,
  /** '' for an original note; for a correction, the id of the original it corrects. */
  amendsId: optionalId,
  amendmentReason: optionalText(1000),
});

/**
 * Cross-field rules: a note names its author; a signed note has text and a signature, a draft none;
 * a correction gives its reason, an original none.
 */
export const journalNoteSchema = journalNoteBaseSchema.check(
  z.superRefine((note, ctx) => {
    const signed = note.status === 'underskrevet';
    if (note.author === '') issue(ctx, ['author'], msg.required);
    if (note.authorId === '') issue(ctx, ['authorId'], msg.required);
    if (signed && note.text === '') issue(ctx, ['text'], msg.required);
    checkSignature(ctx, note, signed);
    const amendment = note.amendsId !== '';
    if (amendment && note.amendmentReason === '') issue(ctx, ['amendmentReason'], msg.required);
    if (!amendment && note.amendmentReason !== '') issue(ctx, ['amendmentReason'], visitsMsg.notApplicable);
  }),
);

export type JournalNote = z.output<typeof journalNoteSchema>;
export type JournalNoteInput = z.input<typeof journalNoteSchema>;

/** Only a draft may be edited. */
export const canEdit = (note: Pick<JournalNote, 'status'>): boolean => note.status === 'kladde';

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
    text,
    status: 'kladde',
    author: author.displayName,
    authorId: author.id,
    signedBy: '',
    signedById: '',
    signedAt: '',
    amendsId: '',
    amendmentReason: '',
  };
}

/** The signed note's data: final from now on. Throws on a note that is already signed. */
export function sign(note: JournalNote, user: Signer, now: Date): JournalNote {
  if (!canEdit(note)) throw new FinalRecordError('The note is already signed.');
  return { ...note, status: 'underskrevet', ...signatureOf(user, now) };
}

/**
 * The data of a NEW draft note correcting a signed one. It points to the original note, also when
 * `original` is itself a correction, so every correction of a note hangs on that note. The original
 * is not changed. Throws on a draft original (a draft is edited, not amended).
 */
export function amend(original: Stored<JournalNote>, text: string, reason: string, author: Signer): JournalNote {
  if (canEdit(original.data)) throw new FinalRecordError('A draft is edited, not amended.');
  const { familyId, childId, visitId, amendsId } = original.data;
  return {
    ...newNote({ familyId, childId, visitId }, author, text),
    amendsId: amendsId === '' ? original.id : amendsId,
    amendmentReason: reason,
  };
}

/**
 * For the server before an update or delete of a note: a signed note is read-only. (Notes must not
 * be mergeable: a signature merged with someone else's concurrent text edit would sign text its
 * signer never saw.)
 */
export function journalNoteWriteProblem(current: Pick<JournalNote, 'status'>): string | null {
  return canEdit(current) ? null : visitsMsg.signedReadOnly;
}

export type JournalThread = {
  /** The original note's id. */
  originalId: string;
  /** Null while only corrections of it are on this device (e.g. not yet pulled). */
  original: Stored<JournalNote> | null;
  /** Its corrections in display order. */
  amendments: Stored<JournalNote>[];
};

const signedTime = (note: Stored<JournalNote>) =>
  note.data.signedAt === '' ? Number.POSITIVE_INFINITY : Date.parse(note.data.signedAt);
const seqOf = (note: Stored<JournalNote>) => (typeof note.seq === 'number' ? note.seq : Number.POSITIVE_INFINITY);

/**
 * Display order: by signedAt as recorded (the time the journal shows), drafts after signed notes,
 * then by server seq, then by id. Only for display: no rule depends on it (a correction never
 * replaces anything, every note stays visible), so a wrong device clock can misplace a note in the
 * list but never hide or override one.
 */
export function compareForDisplay(a: Stored<JournalNote>, b: Stored<JournalNote>): number {
  // Infinity − Infinity (two drafts, two unsynced notes) is NaN, which is falsy: the next key decides.
  return signedTime(a) - signedTime(b) || seqOf(a) - seqOf(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The notes grouped so that each original shows its corrections in order; threads in display order
 * of their original (or of their first correction when the original is not here).
 */
export function journalHistory(notes: readonly Stored<JournalNote>[]): JournalThread[] {
  const threads = new Map<string, JournalThread>();
  const thread = (id: string) => {
    let found = threads.get(id);
    if (!found) {
      found = { originalId: id, original: null, amendments: [] };
      threads.set(id, found);
    }
    return found;
  };
  for (const note of notes) {
    if (note.data.amendsId === '') thread(note.id).original = note;
    else thread(note.data.amendsId).amendments.push(note);
  }
  const list = [...threads.values()];
  for (const t of list) t.amendments.sort(compareForDisplay);
  const head = (t: JournalThread) => t.original ?? t.amendments[0];
  return list.sort((a, b) => {
    const ha = head(a);
    const hb = head(b);
    return ha && hb ? compareForDisplay(ha, hb) : 0;
  });
}
