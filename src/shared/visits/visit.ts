/**
 * A visit record (domain.md §1–2): who, when, how and with whom a contact took place, the material
 * used, the topics discussed, the agreements made, the next contact, and what it led to (referrals,
 * a notification). A visit may complete a planned contact (contactId) or be ad hoc (''). It is a
 * draft (kladde) until signed; a signed visit is final, with its observations and instrument
 * responses: corrections are amendments.
 */
import * as z from 'zod/mini';
import { flag, keyField } from '../caseload/caseload-fields.ts';
import { type Contact, type ContactType, contactTypes } from '../caseload/contact.ts';
import {
  checkSignature,
  FinalRecordError,
  recordedShape,
  type Signer,
  signatureOf,
  signatureShape,
} from '../journal/signature.ts';
import { choice, isoDate, msg, optionalDate, optionalId, optionalText, optionalTime } from '../schemas/fields.ts';
import { choiceList, issue, visitsMsg } from './common.ts';

/** The programme's contact types (caseload/contact.ts), incl. the 1½- and 3-year visits. */
export const visitTypes = contactTypes;
export type VisitType = ContactType;

export const contactModes = ['hjemmebesoeg', 'fremmoede', 'telefon', 'video'] as const;
export type ContactMode = (typeof contactModes)[number];

export const visitStatuses = ['kladde', 'underskrevet'] as const;
export type VisitStatus = (typeof visitStatuses)[number];

/** Who took part besides the family: the nurse, colleagues and other professionals. */
export const participantRoles = [
  'sundhedsplejerske',
  'kollega',
  'paedagog',
  'dagplejer',
  'tolk',
  'familiebehandler',
  'socialraadgiver',
  'laege',
  'psykolog',
  'andet',
] as const;
export type ParticipantRole = (typeof participantRoles)[number];

/** Material used at the visit (domain.md §1). */
export const visitMaterials = ['doegnhjul', 'alderskort', 'film', 'legetoejspose', 'andet'] as const;
export type VisitMaterial = (typeof visitMaterials)[number];

/**
 * Topics a form offers (unverified defaults; topics are stored as keys, so a municipality may add
 * its own). Free text goes in topicsNote.
 */
export const defaultVisitTopics = [
  'soevn',
  'mad-og-maaltider',
  'sprog',
  'leg-og-udvikling',
  'motorik',
  'samspil',
  'graenser',
  'foraeldretrivsel',
  'parforhold',
  'netvaerk',
  'soeskende',
  'dagtilbud',
  'skaermbrug',
  'tandsundhed',
  'sikkerhed',
  'passiv-rygning',
] as const;

/**
 * Where a visit referred the child or a parent (an outcome proxy, domain.md §7; docs/decisions/
 * 0040-evaluation-facts.md). Choices only, so the evaluation counts them without reading text.
 */
export const referralTargets = [
  'egen-laege',
  'sygehus',
  'psykolog-psykiater',
  'ppr',
  'fysio-ergoterapeut',
  'tale-hoere',
  'familieafdeling',
  'andet',
] as const;
export type ReferralTarget = (typeof referralTargets)[number];

export const participantSchema = z.object({
  role: choice(participantRoles),
  name: optionalText(120),
});
export type Participant = z.output<typeof participantSchema>;

export const visitBaseSchema = z.object({
  childId: z.uuid(),
  familyId: z.uuid(),
  /** The planned contact this visit carries out; '' for an ad hoc visit. */
  contactId: optionalId,
  type: choice(visitTypes),
  contactMode: z._default(choice(contactModes), 'hjemmebesoeg'),
  date: isoDate,
  startTime: optionalTime,
  endTime: optionalTime,
  participants: z._default(z.array(participantSchema).check(z.maxLength(20, { error: msg.tooLong })), []),
  status: z._default(choice(visitStatuses), 'kladde'),
  materials: choiceList(visitMaterials),
  /** Required when materials include 'andet'. */
  materialOther: optionalText(200),
  topics: z._default(
    z.array(keyField).check(
      z.maxLength(40, { error: msg.tooLong }),
      z.refine((list) => new Set(list).size === list.length, { error: visitsMsg.duplicateChoice }),
    ),
    [],
  ),
  topicsNote: optionalText(2000),
  agreements: optionalText(4000),
  /** The next contact agreed with the family, or ''. */
  nextContact: optionalDate,
  /** Who started the visit (the draft's author): the name set by the server, the id checked against the login. */
  author: optionalText(120),
  authorId: optionalText(120),
  /** Referrals the visit led to (none by default, so visits from before still parse). */
  referrals: choiceList(referralTargets),
  /** The visit led to a notification to the municipality (underretning, barnets lov). */
  notification: flag,
  ...signatureShape,
  ...recordedShape,
});

/**
 * Cross-field rules: the end is not before the start; 'andet' material is named; the next contact
 * is after the visit; a signed visit has its times and its signature, a draft has no signature.
 */
export const visitSchema = visitBaseSchema.check(
  z.superRefine((visit, ctx) => {
    if (visit.startTime !== '' && visit.endTime !== '' && visit.endTime < visit.startTime)
      issue(ctx, ['endTime'], msg.endBeforeStart, visit.endTime);
    if (visit.materials.includes('andet') && visit.materialOther === '') issue(ctx, ['materialOther'], msg.required);
    if (visit.nextContact !== '' && visit.nextContact < visit.date)
      issue(ctx, ['nextContact'], msg.endBeforeStart, visit.nextContact);
    const signed = visit.status === 'underskrevet';
    if (signed && visit.startTime === '') issue(ctx, ['startTime'], msg.required);
    if (signed && visit.endTime === '') issue(ctx, ['endTime'], msg.required);
    checkSignature(ctx, visit, signed);
  }),
);

export type Visit = z.output<typeof visitSchema>;
export type VisitInput = z.input<typeof visitSchema>;

/** Only a draft may be edited; a signed visit (and what it recorded) is final. */
export const canEditVisit = (visit: Pick<Visit, 'status'>): boolean => visit.status === 'kladde';

/** The signed visit's data. Throws on a visit that is already signed. */
export function signVisit(visit: Visit, signer: Signer, now: Date): Visit {
  if (!canEditVisit(visit)) throw new FinalRecordError('The visit is already signed.');
  return { ...visit, status: 'underskrevet', ...signatureOf(signer, now) };
}

/** A new draft visit that carries out a planned contact, with the nurse as participant. */
export function visitFromContact(
  contact: { id: string; data: Pick<Contact, 'childId' | 'familyId' | 'type'> },
  date: string,
  nurse: Signer,
): VisitInput {
  return {
    childId: contact.data.childId,
    familyId: contact.data.familyId,
    contactId: contact.id,
    type: contact.data.type,
    date,
    participants: [{ role: 'sundhedsplejerske', name: nurse.displayName }],
    author: nurse.displayName,
    authorId: nurse.id,
  };
}

/** A new draft visit that is not in the plan (a need-based visit), by `nurse`. */
export function adHocVisit(refs: { childId: string; familyId: string }, date: string, nurse: Signer): VisitInput {
  return {
    ...refs,
    type: 'behovsbesoeg',
    date,
    participants: [{ role: 'sundhedsplejerske', name: nurse.displayName }],
    author: nurse.displayName,
    authorId: nurse.id,
  };
}

/**
 * Whether `userId` may edit and sign this draft: its author (visits started before authors were kept
 * name none; the server then knows the author as the record's creator).
 */
export const isVisitAuthor = (visit: Pick<Visit, 'authorId'>, userId: string): boolean =>
  visit.authorId === '' || visit.authorId === userId;

/**
 * The update that marks the visit's contact done (status gennemført, done on the visit's date), or
 * null when the visit has no contact or the contact already says so. A contact marked cancelled
 * or missed is completed too: the visit did take place.
 */
export function contactCompletion(
  visit: Pick<Visit, 'contactId' | 'date'>,
  contact: Pick<Contact, 'status' | 'doneDate'>,
): Pick<Contact, 'status' | 'doneDate'> | null {
  if (visit.contactId === '') return null;
  if (contact.status === 'gennemfoert' && contact.doneDate === visit.date) return null;
  return { status: 'gennemfoert', doneDate: visit.date };
}

/**
 * For the server before an update or delete of a visit: a signed visit is read-only. Returns the
 * message key of the refusal, or null.
 */
export function visitWriteProblem(current: Pick<Visit, 'status'>): string | null {
  return canEditVisit(current) ? null : visitsMsg.signedReadOnly;
}

/**
 * Why a visit may not be discarded (deleted as an accidental start), or null: a signed visit is
 * final (journal rules, domain.md §6), and so is a signed journal note written on it, which must
 * not be left pointing at a deleted visit.
 */
export function visitDiscardProblem(
  visit: Pick<Visit, 'status'>,
  notes: readonly { status: string }[],
): 'signed' | 'signed-note' | null {
  if (!canEditVisit(visit)) return 'signed';
  return notes.some((n) => n.status !== 'kladde') ? 'signed-note' : null;
}

/**
 * After a draft visit is discarded, its planned contact is planned again: the update that undoes
 * a completion dated the visit's day, or null when the contact is already planned or was set to
 * something else on purpose (cancelled by the family, say).
 */
export function contactAfterDiscard(
  visit: Pick<Visit, 'date'>,
  contact: Pick<Contact, 'status' | 'doneDate'>,
): Pick<Contact, 'status' | 'doneDate'> | null {
  return contact.status === 'gennemfoert' && contact.doneDate === visit.date
    ? { status: 'planlagt', doneDate: '' }
    : null;
}
