/**
 * A participant's enrolment in a COS-P course (domain.md §4): one record per caregiver, so
 * enrolling or closing one participant never touches another's record. The outcome is set when
 * the course ends or the participant leaves; a drop-out needs a reason. Enrolment needs the
 * family's consent "deltagelse-i-cos-p" (domain.md §5), checked by `enrolmentGate`.
 */
import * as z from 'zod/mini';
import type { ConsentFacts, ConsentRefusal, ConsentType } from '../caseload/consent.ts';
import { type DisclosureRule, disclosureGate } from '../caseload/disclosure.ts';
import { isoDate, optionalChoice, optionalId, optionalText } from '../schemas/fields.ts';
import { cospMsg } from './cosp-fields.ts';

export const enrollmentOutcomes = ['gennemfoert', 'frafaldet', 'ikke-startet'] as const;
export type EnrollmentOutcome = (typeof enrollmentOutcomes)[number];

/** Why a participant dropped out, as a choice the evaluation can count (the text says more). */
export const dropoutCategories = [
  'sygdom',
  'arbejde-uddannelse',
  'praktisk',
  'oensker-ikke',
  'flyttet',
  'andet',
] as const;
export type DropoutCategory = (typeof dropoutCategories)[number];

export const enrollmentBaseSchema = z.object({
  courseId: z.uuid(),
  familyId: z.uuid(),
  caregiverId: z.uuid(),
  /** The child the course work centres on; '' before birth or when not chosen. */
  focusChildId: optionalId,
  enrolledOn: isoDate,
  /** '' while the participant is still on the course. */
  outcome: optionalChoice(enrollmentOutcomes),
  dropoutReason: optionalText(1000),
  /** The drop-out's reason as a category ('' when not stated: older records have none). */
  dropoutCategory: optionalChoice(dropoutCategories),
});

/** Cross-field rule: a drop-out states why (an evaluation indicator, domain.md §7). */
export const enrollmentSchema = enrollmentBaseSchema.check(
  z.superRefine((enrollment, ctx) => {
    if (enrollment.outcome === 'frafaldet' && enrollment.dropoutReason === '') {
      ctx.addIssue({ code: 'custom', input: '', path: ['dropoutReason'], message: cospMsg.dropoutReasonRequired });
    }
  }),
);

export type Enrollment = z.output<typeof enrollmentSchema>;
export type EnrollmentInput = z.input<typeof enrollmentSchema>;

export const COSP_CONSENT: ConsentType = 'deltagelse-i-cos-p';
/** Enrolment shares the family's participation with the course's facilitators: consent only, no exception. */
export const COSP_DISCLOSURE: DisclosureRule = { consent: COSP_CONSENT, exceptions: [] };

export type EnrolmentGate<T> = { ok: true; consent: T } | { ok: false; reason: ConsentRefusal };

/**
 * May the family be enrolled (or keep taking part) on `onDate`? Only the family's own consents
 * count; the answer is the disclosure gate's (caseload/disclosure.ts: the latest consent on or
 * before the date decides, a withdrawal counts from its date, a time-limited consent expires).
 */
export function enrolmentGate<T extends ConsentFacts & { familyId: string }>(
  consents: readonly T[],
  familyId: string,
  onDate: string,
): EnrolmentGate<T> {
  const own = consents.filter((c) => c.familyId === familyId);
  const gate = disclosureGate(own, COSP_DISCLOSURE, { legalBasis: 'samtykke' }, [onDate]);
  if (gate.ok && gate.basis === 'samtykke') return { ok: true, consent: gate.consent };
  // With consent as the only basis the gate refuses only for consent reasons.
  return { ok: false, reason: gate.ok ? 'consent-missing' : (gate.reason as ConsentRefusal) };
}
