import { describe, expect, it } from 'vitest';
import { growthAge, referenceAgeDays } from './age.ts';

const born = '2025-01-01';

describe('corrected age', () => {
  it('subtracts 56 days for a child born at 32+0 weeks', () => {
    const age = growthAge({ birthDate: born, on: '2025-03-02', gestationalAgeWeeks: 32, gestationalAgeDays: 0 });
    expect(age).toEqual({ chronologicalDays: 60, correctedDays: 4, useCorrected: true });
    expect(referenceAgeDays(age)).toBe(4);
  });

  it('counts the extra days of the gestational age (36+6 weeks: 22 days)', () => {
    expect(growthAge({ birthDate: born, on: '2025-02-01', gestationalAgeWeeks: 36, gestationalAgeDays: 6 })).toEqual({
      chronologicalDays: 31,
      correctedDays: 9,
      useCorrected: true,
    });
  });

  it('is not applied at term (37+0 and later) or when the gestational age is unknown', () => {
    for (const weeks of [37, 40, 42]) {
      expect(
        growthAge({ birthDate: born, on: '2025-03-02', gestationalAgeWeeks: weeks, gestationalAgeDays: 0 }),
      ).toEqual({ chronologicalDays: 60, correctedDays: null, useCorrected: false });
    }
    const unknown = growthAge({ birthDate: born, on: '2025-03-02', gestationalAgeWeeks: null });
    expect(unknown).toEqual({ chronologicalDays: 60, correctedDays: null, useCorrected: false });
    expect(referenceAgeDays(unknown)).toBe(60);
  });

  it('is applied until, and not after, 24 months chronological age', () => {
    const at = (on: string) => growthAge({ birthDate: born, on, gestationalAgeWeeks: 32, gestationalAgeDays: 0 });
    expect(at('2026-12-31')).toEqual({ chronologicalDays: 729, correctedDays: 673, useCorrected: true });
    expect(at('2027-01-01')).toEqual({ chronologicalDays: 730, correctedDays: null, useCorrected: false });
    expect(at('2028-06-01').useCorrected).toBe(false);
  });

  it('is negative before the term date (no WHO z-score then)', () => {
    const age = growthAge({ birthDate: born, on: '2025-01-11', gestationalAgeWeeks: 32, gestationalAgeDays: 0 });
    expect(age.correctedDays).toBe(-46);
  });
});
