/**
 * A child: identity (name, CPR, sex, birth date), birth data used for corrected age and growth,
 * and current childcare: its kind, the institution of the team's register it starts in and the start
 * date (a handover is due before it, daycare/handover-due.ts). Birth measurements follow domain.md §2:
 * weight in whole grams, length and head circumference in cm with one decimal (length is measured to
 * the nearest 0.5 cm).
 *
 * The stored record's schema never looks at today's date: a record must stay readable for the
 * retention period, long after the child left the programme. What may be typed today (no birth
 * date in the future, none from before the 0–6 year programme) is childEntrySchema, used by forms.
 */
import * as z from 'zod/mini';
import { addMonthsIso } from '../caseload/calendar.ts';
import { cprBirthDate, cprProblem, normaliseCpr } from '../domain/cpr.ts';
import {
  choice,
  isoDate,
  msg,
  optionalDate,
  optionalId,
  optionalNumber,
  optionalText,
  requiredText,
} from './fields.ts';

export const sexes = ['pige', 'dreng'] as const;
export const childcareTypes = ['ingen', 'dagpleje', 'vuggestue', 'boernehave'] as const;
export type ChildcareType = (typeof childcareTypes)[number];

/** A CPR number, normalised to 10 digits; the empty string while it is not yet known. */
export const cprField = z._default(
  z.string({ error: msg.cprFormat }).check(
    z.overwrite(normaliseCpr),
    z.superRefine((value, ctx) => {
      if (value === '') return;
      const problem = cprProblem(value);
      if (problem)
        ctx.addIssue({ code: 'custom', input: value, message: problem === 'format' ? msg.cprFormat : msg.cprDate });
    }),
  ),
  '',
);

export const childBaseSchema = z.object({
  familyId: z.uuid(),
  firstName: requiredText(80),
  lastName: optionalText(80),
  cpr: cprField,
  sex: choice(sexes),
  birthDate: isoDate,
  gestationalAgeWeeks: optionalNumber(22, 45, { integer: true }),
  gestationalAgeDays: optionalNumber(0, 6, { integer: true }),
  birthWeightGrams: optionalNumber(300, 7000, { integer: true }),
  birthLengthCm: optionalNumber(25, 65, { decimals: 1 }),
  birthHeadCircumferenceCm: optionalNumber(15, 45, { decimals: 1 }),
  childcareType: z._default(choice(childcareTypes), 'ingen'),
  childcarePlace: optionalText(120),
  /** The institution of the team's register (daycare/institution.ts); '' when not linked. */
  institutionId: optionalId,
  /** The day the child starts there; '' when not known. */
  childcareStart: optionalDate,
});

/** Cross-field rule: a CPR number's date must be the birth date. */
export const childSchema = childBaseSchema.check(
  z.superRefine((child, ctx) => {
    if (child.cpr === '' || cprProblem(child.cpr)) return;
    if (cprBirthDate(child.cpr) !== child.birthDate) {
      ctx.addIssue({ code: 'custom', input: child.cpr, path: ['cpr'], message: msg.cprBirthDateMismatch });
    }
  }),
);

export type Child = z.output<typeof childSchema>;
export type ChildInput = z.input<typeof childSchema>;

/**
 * The oldest a child may be when its birth date is typed: the programme follows children 0–6 years
 * (the 3-year visit's window ends at 38 months), so a birth date further back than 7 years is a
 * typo in the year, not a child in the caseload.
 */
export const CHILD_ENTRY_MAX_AGE_MONTHS = 7 * 12;

/**
 * The child schema for what a nurse types on `today` (YYYY-MM-DD, the device's local date): the
 * birth date is not after today (a child is recorded once born; the visit plan has no expected
 * date) and not more than 7 years back. `originalBirthDate` is the stored date when editing: an
 * unchanged birth date is not judged again, so an older child's record can still be edited.
 */
export function childEntrySchema(today: string, originalBirthDate?: string) {
  const oldest = addMonthsIso(today, -CHILD_ENTRY_MAX_AGE_MONTHS);
  return childSchema.check(
    z.superRefine((child, ctx) => {
      if (child.birthDate === originalBirthDate) return;
      const problem =
        child.birthDate > today ? msg.birthDateFuture : child.birthDate < oldest ? msg.birthDateTooOld : null;
      if (problem) ctx.addIssue({ code: 'custom', input: child.birthDate, path: ['birthDate'], message: problem });
    }),
  );
}
