/**
 * Interdisciplinary home visits and extra meetings with the parents in daycare (domain.md §1): their
 * own record, not the measurement visit — who took part (partner professionals with profession and
 * institution), agenda and themes, agreements, who follows up and the next step. Health information
 * is exchanged with non-health professionals, so a meeting carries its legal basis: the consent
 * "tværfagligt møde" or the one-off exchange in early preventive cooperation (barnets lov), chosen
 * and justified (caseload/disclosure.ts). A journal record on the signed-note model: a draft until
 * signed, then final, corrected by an addition (a new signed record pointing to it with a reason).
 */
import * as z from 'zod/mini';
import { type MeetingContactType, meetingContactTypes } from '../caseload/contact.ts';
import { checkLegalBasis, legalBasisShape } from '../caseload/disclosure.ts';
import { checkSignature, journalMsg, type Signer, type Stored } from '../journal/signature.ts';
import { amendNote, draftNote, signedNoteShape } from '../journal/signed-note.ts';
import {
  choice,
  isoDate,
  msg,
  optionalDate,
  optionalId,
  optionalText,
  optionalTime,
  requiredText,
} from '../schemas/fields.ts';
import { choiceList } from '../visits/common.ts';
import { professions } from './daycare-fields.ts';

/** The two contact types this record carries out (caseload/contact.ts). */
export const meetingTypes = meetingContactTypes;
export type MeetingType = MeetingContactType;

/** Themes a meeting offers (stored as keys; free text goes in the agenda). */
export const meetingThemes = [
  'trivsel',
  'sprog',
  'samspil',
  'soevn',
  'mad',
  'motorik',
  'leg-og-udvikling',
  'graenser',
  'overgang-til-dagtilbud',
  'foraeldresamarbejde',
  'andet',
] as const;

export const meetingParticipantSchema = z.object({
  name: requiredText(120),
  profession: choice(professions),
  /** Their workplace, e.g. the daycare. */
  institution: optionalText(120),
});
export type MeetingParticipant = z.output<typeof meetingParticipantSchema>;

export const meetingBaseSchema = z.object({
  familyId: z.uuid(),
  childId: z.uuid(),
  /** The planned contact this meeting carries out; '' for one not in the plan. */
  contactId: optionalId,
  type: choice(meetingTypes),
  date: isoDate,
  startTime: optionalTime,
  endTime: optionalTime,
  /** Where a meeting in daycare is held (the team's register); '' at home. */
  institutionId: optionalId,
  parentsPresent: z._default(z.boolean({ error: msg.invalidChoice }), true),
  /** The partner professionals (the health visitor is the record's author). */
  participants: z._default(z.array(meetingParticipantSchema).check(z.maxLength(12, { error: msg.tooLong })), []),
  themes: choiceList(meetingThemes),
  agenda: optionalText(2000),
  agreements: optionalText(4000),
  /** Who follows up (name or role). */
  followUpBy: optionalText(200),
  nextStep: optionalText(1000),
  nextDate: optionalDate,
  ...legalBasisShape,
  /** Notes from the meeting; for an addition, what is added. */
  ...signedNoteShape(8000),
});

/**
 * Cross-field rules: times and the next date in order; a signed meeting names at least one partner
 * and its legal basis; an addition says what it adds; signatures as on every signed record.
 */
export const meetingSchema = meetingBaseSchema.check(
  z.superRefine((m, ctx) => {
    const add = (path: string, input: unknown, message: string) =>
      ctx.addIssue({ code: 'custom', input, path: [path], message });
    const signed = m.status === 'underskrevet';
    checkSignature(ctx, m, signed);
    checkLegalBasis(ctx, m, { required: msg.required, notApplicable: journalMsg.notApplicable }, signed);
    if (m.startTime !== '' && m.endTime !== '' && m.endTime < m.startTime)
      add('endTime', m.endTime, msg.endBeforeStart);
    if (m.nextDate !== '' && m.nextDate < m.date) add('nextDate', m.nextDate, msg.endBeforeStart);
    if (m.amendsId === '' && m.amendmentReason !== '')
      add('amendmentReason', m.amendmentReason, journalMsg.notApplicable);
    if (!signed) return;
    if (m.amendsId !== '') {
      if (m.text === '') add('text', '', msg.required);
      return;
    }
    if (m.participants.length === 0) add('participants', [], msg.required);
  }),
);

export type Meeting = z.output<typeof meetingSchema>;
export type MeetingInput = z.input<typeof meetingSchema>;

/** A new draft meeting of `type` for a child, optionally carrying out a planned contact. */
export function newMeeting(
  refs: { familyId: string; childId: string; contactId?: string; institutionId?: string },
  type: MeetingType,
  date: string,
  author: Signer,
): Meeting {
  return {
    familyId: refs.familyId,
    childId: refs.childId,
    contactId: refs.contactId ?? '',
    type,
    date,
    startTime: '',
    endTime: '',
    institutionId: type === 'moede-i-dagtilbud' ? (refs.institutionId ?? '') : '',
    parentsPresent: true,
    participants: [],
    themes: [],
    agenda: '',
    agreements: '',
    followUpBy: '',
    nextStep: '',
    nextDate: '',
    legalBasis: '',
    consentId: '',
    exception: '',
    justification: '',
    ...draftNote(author),
  };
}

/** An addition to a signed meeting: the shared correction model (text, reason, signed now). */
export const meetingAddition = (original: Stored<Meeting>, text: string, reason: string, author: Signer, now: Date) =>
  amendNote(original, text, reason, author, now);
