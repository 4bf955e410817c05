/**
 * What the instrument modules share. Scores are computed, never typed (domain.md §3): a stored
 * response carries its raw answers with the item scores, total and flags they gave, and its schema
 * recomputes them, so a response whose scores do not follow from its answers is rejected.
 */
import * as z from 'zod/mini';
import { msg } from '../schemas/fields.ts';

/** i18n key: stored scores are not what the answers give (a bug or tampering, not a user error). */
export const scoreMismatch = 'validation.scoreMismatch';

/** A whole number in 0..max. */
export const isAnswer = (value: unknown, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max;

/** Exactly `count` answers: each a valid answer or null ("not answered"); anything else is null. */
export const normaliseAnswers = (answers: readonly unknown[], count: number, max: number): (number | null)[] =>
  Array.from({ length: count }, (_, i) => {
    const value = answers[i];
    return isAnswer(value, max) ? value : null;
  });

/** 1-based numbers of the unanswered items. */
export const unansweredItems = (answers: readonly (number | null)[]): number[] =>
  answers.flatMap((answer, i) => (answer === null ? [i + 1] : []));

export const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

export const intIn = (min: number, max: number) =>
  z.int({ error: msg.wholeNumber }).check(z.gte(min, { error: msg.outOfRange }), z.lte(max, { error: msg.outOfRange }));

/** Answers or item scores: `count` entries, each in 0..max or null. */
export const answerList = (count: number, max: number) =>
  z.array(z.nullable(intIn(0, max))).check(z.length(count, { error: msg.outOfRange }));

export const versionField = z.string({ error: msg.required }).check(z.minLength(1), z.maxLength(40));

/** Adds a scoreMismatch issue on each field whose stored value differs from the recomputed one. */
export function checkComputed<T extends object>(
  stored: T,
  computed: Partial<T>,
  ctx: { addIssue: (issue: { code: 'custom'; input: unknown; path: string[]; message: string }) => void },
): void {
  for (const key of Object.keys(computed) as (keyof T & string)[]) {
    if (JSON.stringify(stored[key]) !== JSON.stringify(computed[key]))
      ctx.addIssue({ code: 'custom', input: stored[key], path: [key], message: scoreMismatch });
  }
}
