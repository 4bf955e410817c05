/**
 * One model of a signed note with corrections, shared by journal notes and COS-P family reflections
 * (journalføringsbekendtgørelsen; domain.md §6): a note is a draft (kladde) that its author may edit
 * until it is signed; a signed note is final. A correction is a NEW note, signed when made, that
 * points to the original (`amendsId`, always the first note of the chain) and gives its reason; the
 * original stays visible and unchanged. The rules here are pure: they return new data and never
 * touch their input. The server enforces the same rules (registry write rules), the device only
 * offers what they allow.
 */
import { msg, optionalId, optionalText } from '../schemas/fields.ts';
import {
  checkSignature,
  FinalRecordError,
  journalMsg,
  recordedShape,
  type Signer,
  type Stored,
  signatureOf,
  signatureShape,
  signedStatus,
  signedTimeOf,
} from './signature.ts';

/** The fields of a signed note; `text` has the kind's own maximum length. */
export const signedNoteShape = (textMax: number) => ({
  text: optionalText(textMax),
  status: signedStatus,
  /** Who wrote it: the name is set by the server from the login, the id checked against it. */
  author: optionalText(120),
  authorId: optionalText(120),
  ...signatureShape,
  ...recordedShape,
  /** '' for an original note; for a correction, the id of the original it corrects. */
  amendsId: optionalId,
  amendmentReason: optionalText(1000),
});

export type SignedNote = {
  text: string;
  status: 'kladde' | 'underskrevet';
  author: string;
  authorId: string;
  signedBy: string;
  signedById: string;
  signedAt: string;
  serverSignedAt: string;
  recordedAt: string;
  amendsId: string;
  amendmentReason: string;
};

type Ctx = { addIssue: (issue: { code: 'custom'; input: unknown; path: PropertyKey[]; message: string }) => void };

/**
 * Cross-field rules of any signed note: a signed note has text and a signature, a draft none; only a
 * correction has a reason. (That a correction HAS a reason and is signed is a rule of new writes,
 * kept by the server: notes corrected before reasons were kept still read.)
 */
export function checkSignedNote(ctx: Ctx, note: SignedNote): void {
  const signed = note.status === 'underskrevet';
  if (signed && note.text === '') ctx.addIssue({ code: 'custom', input: '', path: ['text'], message: msg.required });
  checkSignature(ctx, note, signed);
  if (note.amendsId === '' && note.amendmentReason !== '')
    ctx.addIssue({
      code: 'custom',
      input: note.amendmentReason,
      path: ['amendmentReason'],
      message: journalMsg.notApplicable,
    });
}

/** Only a draft may be edited. */
export const canEdit = (note: Pick<SignedNote, 'status'>): boolean => note.status === 'kladde';

/** The note fields of a new draft by `author`. */
export function draftNote(author: Signer, text = ''): SignedNote {
  return {
    text,
    status: 'kladde',
    author: author.displayName,
    authorId: author.id,
    signedBy: '',
    signedById: '',
    signedAt: '',
    serverSignedAt: '',
    recordedAt: '',
    amendsId: '',
    amendmentReason: '',
  };
}

/** The signed note: final from now on. Throws on a note that is already signed. */
export function signNote<T extends SignedNote>(note: T, signer: Signer, now: Date): T {
  if (!canEdit(note)) throw new FinalRecordError('The note is already signed.');
  return { ...note, status: 'underskrevet', ...signatureOf(signer, now) };
}

/**
 * A correction of a signed note: a new note of the same subject (`subject`: the kind's own fields,
 * e.g. family and visit), signed now by `author`, pointing to the first note of the chain also when
 * `original` is itself a correction. The original is not changed. Throws on a draft original (a
 * draft is edited, not amended).
 */
export function amendNote<T extends SignedNote>(
  original: Stored<T>,
  text: string,
  reason: string,
  author: Signer,
  now: Date,
): T {
  if (canEdit(original.data)) throw new FinalRecordError('A draft is edited, not amended.');
  const correction: T = {
    // The subject (family, visit, session …) of the original; everything else is the correction's own.
    ...original.data,
    ...draftNote(author, text),
    amendsId: original.data.amendsId === '' ? original.id : original.data.amendsId,
    amendmentReason: reason,
  };
  return signNote(correction, author, now);
}

const seqOf = (note: Stored<SignedNote>) => (typeof note.seq === 'number' ? note.seq : Number.POSITIVE_INFINITY);
const signedTime = (note: Stored<SignedNote>) => {
  const at = signedTimeOf(note.data);
  return at === '' ? Number.POSITIVE_INFINITY : Date.parse(at);
};

/**
 * Display order: by the time of signing (the server's when it has the signature, else the device's),
 * drafts after signed notes, then by server seq, then by id. Only for display: no rule depends on it
 * (a correction never replaces anything, every note stays visible).
 */
export function compareForDisplay(a: Stored<SignedNote>, b: Stored<SignedNote>): number {
  // Infinity − Infinity (two drafts, two unsynced notes) is NaN, which is falsy: the next key decides.
  return signedTime(a) - signedTime(b) || seqOf(a) - seqOf(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export type NoteThread<T extends SignedNote> = {
  /** The original note's id. */
  originalId: string;
  /** Null while only corrections of it are on this device (e.g. not yet pulled). */
  original: Stored<T> | null;
  /** Its corrections in display order. */
  amendments: Stored<T>[];
};

/**
 * The notes grouped so that each original shows its corrections in order; threads in display order
 * of their original (or of their first correction when the original is not here).
 */
export function noteHistory<T extends SignedNote>(notes: readonly Stored<T>[]): NoteThread<T>[] {
  const threads = new Map<string, NoteThread<T>>();
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
  const head = (t: NoteThread<T>) => t.original ?? t.amendments[0];
  return list.sort((a, b) => {
    const ha = head(a);
    const hb = head(b);
    return ha && hb ? compareForDisplay(ha, hb) : 0;
  });
}
