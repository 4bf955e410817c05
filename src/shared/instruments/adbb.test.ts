import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adbbAgeWarning, adbbFollowUpWindow, adbbItems, adbbResponseSchema, scoreAdbb } from './adbb.ts';
import { scoreMismatch } from './common.ts';

const birthDate = '2025-01-15';
const visitDate = '2025-06-10';
/** Ratings summing to total (up to 32), spread from the first item on. */
const ratingsOf = (total: number) => {
  let left = total;
  return Array.from({ length: 8 }, () => {
    const rating = Math.min(4, left);
    left -= rating;
    return rating;
  });
};

describe('ADBB scoring', () => {
  it('has the eight items', () => {
    expect(adbbItems.map((i) => i.label)).toEqual([
      'Ansigtsudtryk',
      'Øjenkontakt',
      'Generelt aktivitetsniveau',
      'Selvstimulation',
      'Vokalisering',
      'Hastighed af respons på stimulation',
      'Relation',
      'Attraktion',
    ]);
  });

  it('is below the cut-off at 4 and at it at 5, with a follow-up 7–14 days after the visit', () => {
    const four = scoreAdbb({ answers: ratingsOf(4), visitDate, birthDate }).response;
    expect(four).toMatchObject({ total: 4, cutoff: 5, flags: [], followUpWindow: null });
    const five = scoreAdbb({ answers: ratingsOf(5), visitDate, birthDate }).response;
    expect(five).toMatchObject({
      total: 5,
      cutoff: 5,
      flags: ['above-cutoff'],
      followUpWindow: { from: '2025-06-17', to: '2025-06-24' },
    });
  });

  it('takes the cut-off from settings', () => {
    expect(scoreAdbb({ answers: ratingsOf(6), visitDate, birthDate }, { cutoff: 7 }).response.flags).toEqual([]);
    expect(scoreAdbb({ answers: ratingsOf(7), visitDate, birthDate }, { cutoff: 7 }).response).toMatchObject({
      cutoff: 7,
      flags: ['above-cutoff'],
    });
  });

  it('proposes the follow-up window across month and year ends', () => {
    expect(adbbFollowUpWindow('2025-12-28')).toEqual({ from: '2026-01-04', to: '2026-01-11' });
    expect(adbbFollowUpWindow('2024-02-20')).toEqual({ from: '2024-02-27', to: '2024-03-05' });
  });

  it('warns outside 2–24 months but still scores', () => {
    expect(adbbAgeWarning(birthDate, '2025-03-14')).toBe('age-below-range');
    expect(adbbAgeWarning(birthDate, '2025-03-15')).toBeNull();
    expect(adbbAgeWarning(birthDate, '2027-01-15')).toBeNull();
    expect(adbbAgeWarning(birthDate, '2027-01-16')).toBe('age-above-range');
    const young = scoreAdbb({ answers: ratingsOf(6), visitDate: '2025-02-01', birthDate }).response;
    expect(young).toMatchObject({ total: 6, flags: ['above-cutoff'], ageWarning: 'age-below-range' });
    expect(scoreAdbb({ answers: ratingsOf(0), visitDate, birthDate }).response.ageWarning).toBeNull();
  });

  it('gives no total, flag or follow-up until all 8 are rated', () => {
    const { response, missingItems } = scoreAdbb({ answers: [4, 4, null, 4, 5, 4], visitDate, birthDate });
    expect(missingItems).toEqual([3, 5, 7, 8]);
    expect(response).toMatchObject({ total: null, flags: [], followUpWindow: null });
    expect(response.itemScores).toEqual([4, 4, null, 4, null, 4, null, null]);
  });

  it('stores instrument, version, visit date, answers, item scores, total, cut-off, flags and window', () => {
    const answers = [1, 0, 2, 0, 1, 0, 1, 0];
    expect(scoreAdbb({ answers, visitDate, birthDate })).toEqual({
      response: {
        instrument: 'ADBB',
        version: 'ADBB-DK-1',
        visitDate,
        answers,
        itemScores: answers,
        total: 5,
        cutoff: 5,
        flags: ['above-cutoff'],
        followUpWindow: { from: '2025-06-17', to: '2025-06-24' },
        ageWarning: null,
      },
      missingItems: [],
    });
  });

  it('keeps the total equal to the sum, within 0–32, flagged at or above the cut-off (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 8, maxLength: 8 }),
        fc.integer({ min: 1, max: 32 }),
        (answers, cutoff) => {
          const { response } = scoreAdbb({ answers, visitDate, birthDate }, { cutoff });
          expect(response.total).toBe(answers.reduce((a, b) => a + b, 0));
          expect(response.total).toBeLessThanOrEqual(32);
          expect(response.flags.length > 0).toBe((response.total ?? 0) >= cutoff);
          expect(response.followUpWindow !== null).toBe(response.flags.length > 0);
          expect(adbbResponseSchema.safeParse(response).success).toBe(true);
        },
      ),
    );
  });
});

describe('ADBB stored response', () => {
  it('rejects typed scores and a moved follow-up window', () => {
    const { response } = scoreAdbb({ answers: ratingsOf(6), visitDate, birthDate });
    const problems = (data: unknown) =>
      adbbResponseSchema.safeParse(data).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(problems(response)).toBeUndefined();
    expect(problems({ ...response, total: 3 })).toEqual([['total', scoreMismatch]]);
    expect(problems({ ...response, followUpWindow: null })).toEqual([['followUpWindow', scoreMismatch]]);
    expect(problems({ ...response, followUpWindow: { from: '2025-07-01', to: '2025-07-08' } })).toEqual([
      ['followUpWindow', scoreMismatch],
    ]);
    expect(adbbResponseSchema.safeParse({ ...response, answers: [5, 0, 0, 0, 0, 0, 0, 0] }).success).toBe(false);
    expect(adbbResponseSchema.safeParse({ ...response, visitDate: '2025-02-30' }).success).toBe(false);
  });
});
