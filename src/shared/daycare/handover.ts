/**
 * A handover (overlevering) from the health visitor to the childminder or daycare when the child
 * starts there (domain.md §5): the recipient (institution and person), the form, the legal basis
 * (the parents' consent to "videregivelse til dagtilbud" active that day, or an exception with a
 * written justification), the sections shared — each with exactly the text shared —, instrument
 * scores only with a consent that covers them, and the parents' confirmation. It is a journal record
 * on the signed-note model (journal/signed-note.ts): a draft until signed, then final; what was
 * disclosed is the record itself (a snapshot), corrected only by an addition — a new signed handover
 * pointing to the original with a reason, disclosing only what it adds. The server signs it only
 * with a legal basis on its date and on the day it is signed (write-rules.ts, consentGate).
 */
import * as z from 'zod/mini';
import { flag } from '../caseload/caseload-fields.ts';
import { checkLegalBasis, legalBasisShape } from '../caseload/disclosure.ts';
import { checkSignature, FinalRecordError, journalMsg, type Signer, type Stored } from '../journal/signature.ts';
import { draftNote, signedNoteShape, signNote } from '../journal/signed-note.ts';
import { choice, isoDate, msg, optionalChoice, optionalId, optionalText, requiredText } from '../schemas/fields.ts';
import { daycareMsg } from './daycare-fields.ts';

export const handoverForms = [
  'skriftlig',
  'overleveringsmoede',
  'faelles-hjemmebesoeg',
  'opstartsmoede',
  'dialogmoede',
] as const;
export type HandoverForm = (typeof handoverForms)[number];

/** The sections a handover may share (domain.md §5), in the order the letter shows them. */
export const handoverSections = [
  'trivsel-og-udvikling',
  'soevn-og-rytme',
  'mad',
  'sprog',
  'motorik',
  'samspil',
  'saerlige-opmaerksomhedspunkter',
  'foraeldrenes-oensker',
  'andre-fagpersoner',
] as const;
export type HandoverSection = (typeof handoverSections)[number];

/** Instruments of the child whose results may be shared, with a consent that covers scores. */
export const shareableInstruments = ['TOPI', 'ADBB'] as const;

export const sharedSectionSchema = z.object({
  section: choice(handoverSections),
  /** Exactly what is told to the recipient. */
  text: requiredText(4000),
});

export const sharedScoreSchema = z.object({
  instrument: choice(shareableInstruments),
  /** The day it was made (the visit's date). */
  date: isoDate,
  /** The result as shared, e.g. "Gul" or "ADBB 3 af 32 (under grænsen 5)". */
  result: requiredText(200),
  /** The observation or instrument record it was taken from ('' when typed). */
  sourceId: optionalId,
});

const unique = (list: readonly { section: string }[]) => new Set(list.map((s) => s.section)).size === list.length;

export const handoverBaseSchema = z.object({
  familyId: z.uuid(),
  childId: z.uuid(),
  /** The day of the handover (a meeting's day, or the day a written handover is sent). */
  date: isoDate,
  institutionId: optionalId,
  /** The recipient at the institution (contact person, pedagogue, childminder). */
  recipientName: optionalText(120),
  form: optionalChoice(handoverForms),
  ...legalBasisShape,
  sections: z._default(
    z
      .array(sharedSectionSchema)
      .check(
        z.maxLength(handoverSections.length, { error: msg.tooLong }),
        z.refine(unique, { error: 'validation.duplicateChoice' }),
      ),
    [],
  ),
  scores: z._default(z.array(sharedScoreSchema).check(z.maxLength(20, { error: msg.tooLong })), []),
  /** The parents have seen what is shared and agree (domain.md §5). */
  parentsConfirmed: flag,
  /** Which parent(s) confirmed. */
  confirmedBy: optionalText(120),
  /** A note to the recipient; for an addition, what is added. */
  ...signedNoteShape(4000),
});

type Issue = { code: 'custom'; input: unknown; path: PropertyKey[]; message: string };
const legalMessages = { required: msg.required, notApplicable: journalMsg.notApplicable };

/**
 * Cross-field rules: a signed handover names its recipient, form and legal basis, shares at least
 * one section and has the parents' confirmation; an addition says what it adds; an exception is
 * justified and never carries scores; signatures as on every signed record.
 */
export const handoverSchema = handoverBaseSchema.check(
  z.superRefine((h, ctx) => {
    const add = (path: string, input: unknown, message: string) =>
      ctx.addIssue({ code: 'custom', input, path: [path], message } satisfies Issue);
    const signed = h.status === 'underskrevet';
    const addition = h.amendsId !== '';
    checkSignature(ctx, h, signed);
    checkLegalBasis(ctx, h, legalMessages, signed);
    if (!addition && h.amendmentReason !== '') add('amendmentReason', h.amendmentReason, journalMsg.notApplicable);
    if (h.legalBasis === 'undtagelse' && h.scores.length > 0) add('scores', h.scores, journalMsg.notApplicable);
    if (!signed) return;
    if (addition) {
      if (h.text === '') add('text', '', msg.required);
      return;
    }
    if (h.institutionId === '') add('institutionId', '', msg.required);
    if (h.form === '') add('form', '', msg.required);
    if (h.sections.length === 0) add('sections', [], daycareMsg.sectionsRequired);
    if (!h.parentsConfirmed) add('parentsConfirmed', false, daycareMsg.confirmationRequired);
    if (h.confirmedBy === '') add('confirmedBy', '', msg.required);
  }),
);

export type Handover = z.output<typeof handoverSchema>;
export type HandoverInput = z.input<typeof handoverSchema>;
export type SharedSection = z.output<typeof sharedSectionSchema>;
export type SharedScore = z.output<typeof sharedScoreSchema>;

/** A new draft handover of a child by `author`, dated `date`, to the child's institution if known. */
export function newHandover(
  refs: { familyId: string; childId: string; institutionId?: string },
  author: Signer,
  date: string,
): Handover {
  return {
    familyId: refs.familyId,
    childId: refs.childId,
    date,
    institutionId: refs.institutionId ?? '',
    recipientName: '',
    form: '',
    legalBasis: '',
    consentId: '',
    exception: '',
    justification: '',
    sections: [],
    scores: [],
    parentsConfirmed: false,
    confirmedBy: '',
    ...draftNote(author),
  };
}

/** The signed handover: final from now on (throws on one already signed). */
export const signHandoverData = (handover: Handover, signer: Signer, now: Date): Handover =>
  signNote(handover, signer, now);

/**
 * An addition to a signed handover: a new signed handover to the same recipient on the same legal
 * basis, dated `date` (the day of the addition: a new disclosure, gated again), that discloses only
 * `text` and any further sections — never a copy of what the original shared. Points to the first
 * handover of the chain. Throws on a draft original (a draft is edited, not added to).
 */
export function handoverAddition(
  original: Stored<Handover>,
  addition: { text: string; sections?: SharedSection[] },
  reason: string,
  author: Signer,
  now: Date,
  date: string,
): Handover {
  if (original.data.status !== 'underskrevet') throw new FinalRecordError('A draft is edited, not added to.');
  const o = original.data;
  const data: Handover = {
    ...newHandover({ familyId: o.familyId, childId: o.childId, institutionId: o.institutionId }, author, date),
    recipientName: o.recipientName,
    form: o.form,
    legalBasis: o.legalBasis,
    consentId: o.consentId,
    exception: o.exception,
    justification: o.justification,
    sections: addition.sections ?? [],
    parentsConfirmed: o.parentsConfirmed,
    confirmedBy: o.confirmedBy,
    text: addition.text,
    amendsId: o.amendsId === '' ? original.id : o.amendsId,
    amendmentReason: reason,
  };
  return signNote(data, author, now);
}

/** The sections in the letter's order. */
export const sectionsInOrder = (sections: readonly SharedSection[]): SharedSection[] =>
  sections.toSorted((a, b) => handoverSections.indexOf(a.section) - handoverSections.indexOf(b.section));
