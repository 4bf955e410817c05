import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreMismatch } from './common.ts';
import { EPDS_VERSION, epdsItemScore, epdsItems, epdsResponseSchema, scoreEpds } from './epds.ts';

/** Option indexes that score 0 on every item (first option on 1, 2, 4; last option on the rest). */
const allZero = [0, 0, 3, 0, 3, 3, 3, 3, 3, 3];
const withAnswer = (item: number, answer: number | null, base: (number | null)[] = allZero) =>
  base.map((a, i) => (i === item - 1 ? answer : a));
/** Answers giving a total up to 27 from items 1–9 (item 10 stays 0, so no self-harm flag). */
const totalOf = (total: number) => {
  let left = total;
  return allZero.map((_, i) => {
    const score = i === 9 ? 0 : Math.min(3, left);
    left -= score;
    return epdsItems[i]?.reversed ? 3 - score : score;
  });
};
const answersArb = fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 10, maxLength: 10 });

describe('EPDS scoring', () => {
  it('scores items 1, 2, 4 as 0,1,2,3 from the first option down', () => {
    for (const item of [1, 2, 4]) {
      for (const answer of [0, 1, 2, 3]) {
        const { response } = scoreEpds({ role: 'mor', answers: withAnswer(item, answer) });
        expect(response.itemScores[item - 1]).toBe(answer);
        expect(response.total).toBe(answer);
      }
    }
  });

  it('reverse-scores items 3 and 5–10 as 3,2,1,0, each one individually', () => {
    for (const item of [3, 5, 6, 7, 8, 9, 10]) {
      for (const [answer, score] of [
        [0, 3],
        [1, 2],
        [2, 1],
        [3, 0],
      ] as const) {
        const { response } = scoreEpds({ role: 'far', answers: withAnswer(item, answer) });
        expect(response.itemScores[item - 1], `item ${item} option ${answer}`).toBe(score);
        expect(response.total).toBe(score);
      }
    }
    expect(epdsItems.filter((i) => i.reversed).map((i) => i.item)).toEqual([3, 5, 6, 7, 8, 9, 10]);
  });

  it('scores every first option as 21 and every last option as 9', () => {
    expect(scoreEpds({ role: 'mor', answers: Array(10).fill(0) }).response.total).toBe(21);
    expect(scoreEpds({ role: 'mor', answers: Array(10).fill(3) }).response.total).toBe(9);
  });

  it('flags self-harm on any item 10 score above 0, even with a total of 1', () => {
    const { response } = scoreEpds({ role: 'mor', answers: withAnswer(10, 2) });
    expect(response.total).toBe(1);
    expect(response.flags).toEqual(['self-harm']);
    expect(scoreEpds({ role: 'mor', answers: withAnswer(10, 3) }).response.flags).toEqual([]);
  });

  it('flags self-harm on an incomplete form too', () => {
    const answers = withAnswer(10, 0, withAnswer(4, null));
    const { response, missingItems } = scoreEpds({ role: 'far', answers });
    expect(missingItems).toEqual([4]);
    expect(response.total).toBeNull();
    expect(response.flags).toEqual(['self-harm']);
  });

  it('uses the cut-off for the role: mother 10 below, 11 above; father 9 below, 10 above', () => {
    const flags = (role: 'mor' | 'far' | 'medmor' | 'anden', total: number) =>
      scoreEpds({ role, answers: totalOf(total) }).response;
    expect(flags('mor', 10)).toMatchObject({ total: 10, cutoff: 11, flags: [] });
    expect(flags('mor', 11)).toMatchObject({ total: 11, cutoff: 11, flags: ['above-cutoff'] });
    expect(flags('far', 9)).toMatchObject({ total: 9, cutoff: 10, flags: [] });
    expect(flags('far', 10)).toMatchObject({ total: 10, cutoff: 10, flags: ['above-cutoff'] });
    expect(flags('medmor', 10).flags).toEqual(['above-cutoff']);
    expect(flags('anden', 9).flags).toEqual([]);
  });

  it('takes cut-offs from settings and stores the one used', () => {
    const { response } = scoreEpds({ role: 'mor', answers: totalOf(12) }, { mor: 13 });
    expect(response).toMatchObject({ total: 12, cutoff: 13, flags: [] });
    expect(scoreEpds({ role: 'far', answers: totalOf(9) }, { far: 9 }).response.flags).toEqual(['above-cutoff']);
  });

  it('gives no total until all 10 are answered, and says which are missing', () => {
    const answers = [1, null, 2, 0, undefined, 1, 1, 4, 1.5, 3];
    const { response, missingItems } = scoreEpds({ role: 'mor', answers });
    expect(missingItems).toEqual([2, 5, 8, 9]);
    expect(response.answers).toEqual([1, null, 2, 0, null, 1, 1, null, null, 3]);
    expect(response.itemScores).toEqual([1, null, 1, 0, null, 2, 2, null, null, 0]);
    expect(response.total).toBeNull();
    expect(response.flags).toEqual([]);
    expect(scoreEpds({ role: 'mor', answers: [] }).missingItems).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('records instrument, version, role, raw answers, item scores, total, cut-off and flags', () => {
    const answers = [0, 1, 2, 3, 0, 1, 2, 3, 0, 3];
    expect(scoreEpds({ role: 'medmor', answers })).toEqual({
      response: {
        instrument: 'EPDS',
        version: EPDS_VERSION,
        role: 'medmor',
        answers,
        itemScores: [0, 1, 1, 3, 3, 2, 1, 0, 3, 0],
        total: 14,
        cutoff: 10,
        flags: ['above-cutoff'],
      },
      missingItems: [],
    });
  });

  it('keeps the total equal to the sum of item scores, within 0–30 (property)', () => {
    fc.assert(
      fc.property(answersArb, fc.constantFrom('mor' as const, 'far' as const), (answers, role) => {
        const { response } = scoreEpds({ role, answers });
        const scores = response.itemScores as number[];
        expect(response.total).toBe(scores.reduce((a, b) => a + b, 0));
        expect(response.total).toBeGreaterThanOrEqual(0);
        expect(response.total).toBeLessThanOrEqual(30);
        expect(response.flags.includes('above-cutoff')).toBe((response.total ?? 0) >= response.cutoff);
        expect(response.flags.includes('self-harm')).toBe(answers[9] !== 3);
      }),
    );
  });

  it('moves the score against the answer on reverse items and with it on the others (property)', () => {
    fc.assert(
      fc.property(answersArb, fc.integer({ min: 1, max: 10 }), (answers, item) => {
        const current = answers[item - 1] ?? 0;
        const next = current === 3 ? 2 : current + 1;
        const before = scoreEpds({ role: 'mor', answers }).response;
        const after = scoreEpds({ role: 'mor', answers: withAnswer(item, next, answers) }).response;
        const step = Math.sign(next - current);
        const reversed = epdsItems[item - 1]?.reversed;
        expect((after.total ?? 0) - (before.total ?? 0)).toBe(reversed ? -step : step);
        expect(epdsItemScore(item, next) - epdsItemScore(item, current)).toBe(reversed ? -step : step);
      }),
    );
  });
});

describe('EPDS stored response', () => {
  it('accepts every scored response, complete or not (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 0, max: 3 })), { minLength: 10, maxLength: 10 }),
        fc.constantFrom('mor' as const, 'far' as const, 'medmor' as const, 'anden' as const),
        (answers, role) => {
          expect(epdsResponseSchema.safeParse(scoreEpds({ role, answers }).response).success).toBe(true);
        },
      ),
    );
  });

  it('rejects scores that were typed rather than computed', () => {
    const { response } = scoreEpds({ role: 'mor', answers: withAnswer(10, 1) });
    const problems = (data: unknown) =>
      epdsResponseSchema.safeParse(data).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(problems({ ...response, total: 1 })).toEqual([['total', scoreMismatch]]);
    expect(problems({ ...response, flags: [] })).toEqual([['flags', scoreMismatch]]);
    expect(problems({ ...response, itemScores: Array(10).fill(0) })).toEqual([['itemScores', scoreMismatch]]);
    expect(problems({ ...response, cutoff: 2 })).toEqual([['flags', scoreMismatch]]);
  });

  it('rejects malformed responses', () => {
    const { response } = scoreEpds({ role: 'mor', answers: allZero });
    expect(epdsResponseSchema.safeParse({ ...response, role: 'mormor' }).success).toBe(false);
    expect(epdsResponseSchema.safeParse({ ...response, answers: allZero.slice(1) }).success).toBe(false);
    expect(epdsResponseSchema.safeParse({ ...response, answers: withAnswer(1, 4) }).success).toBe(false);
    expect(epdsResponseSchema.safeParse({ ...response, instrument: 'ADBB' }).success).toBe(false);
  });
});
