/**
 * A family in the caseload (domain.md §1, issue "Caseload"): inclusion in the programme, status,
 * responsible nurse (tovholder), address and notes. One schema for the form, Dexie and the server.
 *
 * The inclusion also records the evaluation facts a nurse knows about the family (issue 17,
 * docs/decisions/0040-evaluation-facts.md): the offer of the extra visits at 1½ and 3 years with
 * the family's answer (and why it declined), and whether the family was lost to follow-up. Each
 * is one top-level field holding a small object, so its cross-field rules live inside the field:
 * the registry validates partial updates field by field (z.partial of this object), which refuses
 * object-level refinements. Both default to "nothing recorded", so records from before still parse.
 */
import * as z from 'zod/mini';
import { choice, msg, optionalChoice, optionalDate, optionalText, requiredText } from './fields.ts';

export const familyStatuses = ['aktiv', 'afsluttet', 'fraflyttet'] as const;
export type FamilyStatus = (typeof familyStatuses)[number];

export const inclusionReasons = ['mange-besoeg', 'saarbarhed', 'henvisning', 'andet'] as const;
export type InclusionReason = (typeof inclusionReasons)[number];

/** The family's answer to the offer of the 1½- and 3-year visits. */
export const offerAnswers = ['accepteret', 'afslaaet'] as const;
export type OfferAnswer = (typeof offerAnswers)[number];

/** Why a family declined (a choice, never free text: it is an evaluation indicator, domain.md §7). */
export const declineReasons = ['intet-behov', 'tidspres', 'andet-tilbud', 'oensker-ikke-besoeg', 'andet'] as const;
export type DeclineReason = (typeof declineReasons)[number];

/** Lost to follow-up: the family moved away, or the nurse could not get in touch. */
export const lostReasons = ['fraflyttet', 'ingen-kontakt'] as const;
export type LostReason = (typeof lostReasons)[number];

const issueAt = (
  ctx: { addIssue: (i: { code: 'custom'; input: unknown; path: PropertyKey[]; message: string }) => void },
  path: string,
  message: string,
) => ctx.addIssue({ code: 'custom', input: undefined, path: [path], message });

export const emptyOffer = { offeredOn: '', answer: '', declineReason: '' } as const;

/**
 * The offer and the answer. An answer needs the offer's date; a refusal gives its reason, and
 * only a refusal has one.
 */
export const extraVisitsOfferSchema = z
  .object({
    offeredOn: optionalDate,
    answer: optionalChoice(offerAnswers),
    declineReason: optionalChoice(declineReasons),
  })
  .check(
    z.superRefine((offer, ctx) => {
      if (offer.answer !== '' && offer.offeredOn === '') issueAt(ctx, 'offeredOn', msg.required);
      if (offer.answer === 'afslaaet' && offer.declineReason === '') issueAt(ctx, 'declineReason', msg.required);
      if (offer.answer !== 'afslaaet' && offer.declineReason !== '') issueAt(ctx, 'declineReason', msg.notApplicable);
    }),
  );
export type ExtraVisitsOffer = z.output<typeof extraVisitsOfferSchema>;

export const emptyLost = { reason: '', date: '' } as const;

/** Lost to follow-up: a reason and the date it became clear, both or neither. */
export const lostToFollowUpSchema = z.object({ reason: optionalChoice(lostReasons), date: optionalDate }).check(
  z.superRefine((lost, ctx) => {
    if (lost.reason !== '' && lost.date === '') issueAt(ctx, 'date', msg.required);
    if (lost.reason === '' && lost.date !== '') issueAt(ctx, 'reason', msg.required);
  }),
);
export type LostToFollowUp = z.output<typeof lostToFollowUpSchema>;

export const familySchema = z.object({
  name: requiredText(120),
  status: z._default(choice(familyStatuses), 'aktiv'),
  inclusionDate: optionalDate,
  inclusionReason: optionalChoice(inclusionReasons),
  tovholder: optionalText(120),
  address: optionalText(200),
  notes: optionalText(4000),
  extraVisitsOffer: z._default(extraVisitsOfferSchema, { ...emptyOffer }),
  lostToFollowUp: z._default(lostToFollowUpSchema, { ...emptyLost }),
});

export type Family = z.output<typeof familySchema>;
export type FamilyInput = z.input<typeof familySchema>;
