/**
 * A participant's enrolment in a COS-P course (domain.md §4): one record per caregiver, so
 * enrolling or closing one participant never touches another's record. The outcome is set when
 * the course ends or the participant leaves; a drop-out needs a reason. Enrolment needs the
 * family's consent "deltagelse-i-cos-p" (domain.md §5), checked by `enrolmentGate`.
 */
import * as z from 'zod/mini';
import { type ConsentFacts, type ConsentRefusal, type ConsentType, requireConsent } from '../caseload/consent.ts';
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

export type EnrolmentGate<T> = { ok: true; consent: T } | { ok: false; reason: ConsentRefusal };

/**
 * May the family be enrolled (or keep taking part) on `onDate`? Only the family's own consents
 * count; the state follows `requireConsent` (the latest consent on or before the date decides, a
 * withdrawal counts from its date).
 */
export function enrolmentGate<T extends ConsentFacts & { familyId: string }>(
  consents: readonly T[],
  familyId: string,
  onDate: string,
): EnrolmentGate<T> {
  const own = consents.filter((c) => c.familyId === familyId);
  return requireConsent(own, COSP_CONSENT, onDate);
}
