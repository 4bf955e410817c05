/**
 * A contact in a child's plan (domain.md §2): a visit, meeting or need-based contact, planned from
 * the municipality's schedule (source "plan", with the schedule entry's key) or added by the nurse
 * (source "manual"). Its status moves from planlagt to a final status; a contact is never deleted,
 * so the plan keeps its history. Dates are YYYY-MM-DD; the window always contains the target.
 */
import * as z from 'zod/mini';
import { choice, isoDate, msg, optionalDate, optionalText } from '../schemas/fields.ts';
import { caseloadMsg, optionalKeyField } from './caseload-fields.ts';

/** The programme's contact types: KL's FBU encounter types plus the pool's local sub-types. */
export const contactTypes = [
  'graviditetsbesoeg',
  'barselsbesoeg',
  'etableringsbesoeg',
  'besoeg-inden-1-md',
  'besoeg-2-md',
  'besoeg-4-6-md',
  'besoeg-8-11-md',
  'besoeg-1-5-aar',
  'besoeg-3-aar',
  'behovsbesoeg',
  'tvaerfagligt-hjemmebesoeg',
  'moede-i-dagtilbud',
  /** The handover to daycare due before a childcare start (daycare/handover-due.ts). */
  'overlevering',
] as const;
export type ContactType = (typeof contactTypes)[number];

/**
 * The contacts with a partner professional (domain.md §1): carried out by their own record
 * (daycare/meeting.ts), not by the measurement visit.
 */
export const meetingContactTypes = ['tvaerfagligt-hjemmebesoeg', 'moede-i-dagtilbud'] as const;
export type MeetingContactType = (typeof meetingContactTypes)[number];
export const isMeetingType = (type: string): type is MeetingContactType =>
  (meetingContactTypes as readonly string[]).includes(type);

/** Contacts a visit record carries out (meetings and the handover have records of their own). */
export const isVisitType = (type: string): boolean => !isMeetingType(type) && type !== 'overlevering';

export const contactSources = ['plan', 'manual'] as const;
export type ContactSource = (typeof contactSources)[number];

export const contactStatuses = [
  'planlagt',
  'gennemfoert',
  'aflyst-af-familien',
  'udeblevet',
  'aflyst-af-sundhedsplejen',
] as const;
export type ContactStatus = (typeof contactStatuses)[number];

export const contactBaseSchema = z.object({
  childId: z.uuid(),
  familyId: z.uuid(),
  type: choice(contactTypes),
  source: z._default(choice(contactSources), 'manual'),
  /** The schedule entry that generated the contact; '' for a manual contact. */
  scheduleKey: optionalKeyField,
  targetDate: isoDate,
  windowFrom: isoDate,
  windowTo: isoDate,
  /** A date agreed with the family; '' while the contact simply follows its target. */
  plannedDate: optionalDate,
  status: z._default(choice(contactStatuses), 'planlagt'),
  doneDate: optionalDate,
  nurse: optionalText(120),
  note: optionalText(4000),
});

/** Cross-field rules: the window contains the target; a plan contact names its entry; done has a date. */
export const contactSchema = contactBaseSchema.check(
  z.superRefine((contact, ctx) => {
    if (contact.windowFrom > contact.targetDate || contact.targetDate > contact.windowTo) {
      ctx.addIssue({
        code: 'custom',
        input: contact.targetDate,
        path: ['targetDate'],
        message: caseloadMsg.targetOutsideWindow,
      });
    }
    if (contact.source === 'plan' && contact.scheduleKey === '') {
      ctx.addIssue({ code: 'custom', input: '', path: ['scheduleKey'], message: msg.required });
    }
    if (contact.status === 'gennemfoert' && contact.doneDate === '') {
      ctx.addIssue({ code: 'custom', input: '', path: ['doneDate'], message: msg.required });
    }
  }),
);

export type Contact = z.output<typeof contactSchema>;
export type ContactInput = z.input<typeof contactSchema>;
