/**
 * ADBB (Alarm Distress Baby Scale): the health visitor rates 8 behaviours of a child aged 2–24
 * months from 0 (none) to 4 (severe) withdrawal; total 0–32. At or above the cut-off (default 5,
 * a municipality setting) the child is seen again within 1–2 weeks: the response proposes a
 * follow-up window 7–14 days after the visit. Outside 2–24 months the score is computed but
 * carries an age warning. Users must be certified; that is checked elsewhere.
 */
// Per-function entry points: the package's index loads all of date-fns in Node (≈250 MB RSS on the server).
import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { formatISO } from 'date-fns/formatISO';
import { isAfter } from 'date-fns/isAfter';
import { isBefore } from 'date-fns/isBefore';
import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';
import * as z from 'zod/mini';
import { isoDate } from '../schemas/fields.ts';
import { answerList, checkComputed, intIn, normaliseAnswers, sum, unansweredItems, versionField } from './common.ts';

export const ADBB_VERSION = 'ADBB-DK-1';
export const ADBB_ITEM_COUNT = 8;
export const ADBB_MAX_RATING = 4;
export const ADBB_MAX_TOTAL = 32;
export const DEFAULT_ADBB_CUTOFF = 5;
/** The repeat assessment is due 1–2 weeks after a score at or above the cut-off. */
export const ADBB_FOLLOW_UP_DAYS = { from: 7, to: 14 } as const;
/** The ages the scale is validated for. */
export const ADBB_AGE_MONTHS = { from: 2, to: 24 } as const;

export const adbbItems = [
  { item: 1, key: 'instruments.adbb.ansigtsudtryk', label: 'Ansigtsudtryk' },
  { item: 2, key: 'instruments.adbb.oejenkontakt', label: 'Øjenkontakt' },
  { item: 3, key: 'instruments.adbb.aktivitetsniveau', label: 'Generelt aktivitetsniveau' },
  { item: 4, key: 'instruments.adbb.selvstimulation', label: 'Selvstimulation' },
  { item: 5, key: 'instruments.adbb.vokalisering', label: 'Vokalisering' },
  { item: 6, key: 'instruments.adbb.respons', label: 'Hastighed af respons på stimulation' },
  { item: 7, key: 'instruments.adbb.relation', label: 'Relation' },
  { item: 8, key: 'instruments.adbb.attraktion', label: 'Attraktion' },
] as const;

export const adbbFlags = ['above-cutoff'] as const;
export type AdbbFlag = (typeof adbbFlags)[number];

export const adbbAgeWarnings = ['age-below-range', 'age-above-range'] as const;
export type AdbbAgeWarning = (typeof adbbAgeWarnings)[number];

export type DateWindow = { from: string; to: string };

const toIsoDate = (date: Date) => formatISO(date, { representation: 'date' });

/** The window for the repeat assessment; null when visitDate is not a YYYY-MM-DD date. */
export function adbbFollowUpWindow(visitDate: string): DateWindow | null {
  const visit = parseISO(visitDate);
  // The schema's refinement runs on unvalidated dates too, so this must not throw.
  if (!isValid(visit)) return null;
  return {
    from: toIsoDate(addDays(visit, ADBB_FOLLOW_UP_DAYS.from)),
    to: toIsoDate(addDays(visit, ADBB_FOLLOW_UP_DAYS.to)),
  };
}

/** Null from the day the child turns 2 months up to and including the day it turns 24 months. */
export function adbbAgeWarning(birthDate: string, visitDate: string): AdbbAgeWarning | null {
  const birth = parseISO(birthDate);
  const visit = parseISO(visitDate);
  if (isBefore(visit, addMonths(birth, ADBB_AGE_MONTHS.from))) return 'age-below-range';
  if (isAfter(visit, addMonths(birth, ADBB_AGE_MONTHS.to))) return 'age-above-range';
  return null;
}

function computeAdbb(answers: readonly (number | null)[], cutoff: number, visitDate: string) {
  // The rating is the item score: 0 none … 4 severe.
  const itemScores = [...answers];
  const total = itemScores.every((score) => score !== null) ? sum(itemScores as number[]) : null;
  const flags: AdbbFlag[] = total !== null && total >= cutoff ? ['above-cutoff'] : [];
  const followUpWindow = flags.length > 0 ? adbbFollowUpWindow(visitDate) : null;
  return { itemScores, total, flags, followUpWindow };
}

export const adbbResponseBaseSchema = z.object({
  instrument: z.literal('ADBB'),
  version: versionField,
  visitDate: isoDate,
  /** Ratings 0–4, null when not rated. */
  answers: answerList(ADBB_ITEM_COUNT, ADBB_MAX_RATING),
  itemScores: answerList(ADBB_ITEM_COUNT, ADBB_MAX_RATING),
  /** Null until all items are rated. */
  total: z.nullable(intIn(0, ADBB_MAX_TOTAL)),
  /** The cut-off in force when the response was scored. */
  cutoff: intIn(1, ADBB_MAX_TOTAL),
  flags: z.array(z.enum(adbbFlags)),
  followUpWindow: z.nullable(z.object({ from: isoDate, to: isoDate })),
  /** Not rechecked by the schema: it depends on the birth date, which lives on the child record. */
  ageWarning: z.nullable(z.enum(adbbAgeWarnings)),
});

/** A stored response; its scores, flags and follow-up window must be what its answers give. */
export const adbbResponseSchema = adbbResponseBaseSchema.check(
  z.superRefine((response, ctx) =>
    checkComputed(response, computeAdbb(response.answers, response.cutoff, response.visitDate), ctx),
  ),
);

export type AdbbResponse = z.output<typeof adbbResponseSchema>;

export type AdbbScoring = {
  response: AdbbResponse;
  /** 1-based item numbers without a valid rating; the total is null unless this is empty. */
  missingItems: number[];
};

export function scoreAdbb(
  input: { answers: readonly (number | null | undefined)[]; visitDate: string; birthDate: string },
  settings: { cutoff?: number } = {},
): AdbbScoring {
  const answers = normaliseAnswers(input.answers, ADBB_ITEM_COUNT, ADBB_MAX_RATING);
  const cutoff = settings.cutoff ?? DEFAULT_ADBB_CUTOFF;
  return {
    response: {
      instrument: 'ADBB',
      version: ADBB_VERSION,
      visitDate: input.visitDate,
      answers,
      cutoff,
      ...computeAdbb(answers, cutoff, input.visitDate),
      ageWarning: adbbAgeWarning(input.birthDate, input.visitDate),
    },
    missingItems: unansweredItems(answers),
  };
}
