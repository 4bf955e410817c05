/**
 * A child: identity (name, CPR, sex, birth date), birth data used for corrected age and growth,
 * and current childcare: its kind, the institution of the team's register it starts in and the start
 * date (a handover is due before it, daycare/handover-due.ts). Birth measurements follow domain.md §2: weight in whole grams, length in
 * whole cm, head circumference in cm with one decimal.
 */
import * as z from 'zod/mini';
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
  birthLengthCm: optionalNumber(25, 65, { integer: true }),
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
