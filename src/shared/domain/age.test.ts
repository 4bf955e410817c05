import { describe, expect, it } from 'vitest';
import { ageInDays, ageInMonths, localToday } from './age.ts';

describe('age', () => {
  it('counts days across a leap day', () => {
    expect(ageInDays('2024-02-28', '2024-03-01')).toBe(2);
    expect(ageInDays('2025-02-28', '2025-03-01')).toBe(1);
  });

  it('counts completed months at month ends', () => {
    expect(ageInMonths('2025-01-31', '2025-02-27')).toBe(0);
    expect(ageInMonths('2025-01-31', '2025-02-28')).toBe(1);
    expect(ageInMonths('2025-01-31', '2025-03-30')).toBe(1);
    expect(ageInMonths('2025-01-31', '2025-03-31')).toBe(2);
    expect(ageInMonths('2025-01-15', '2025-02-14')).toBe(0);
    expect(ageInMonths('2025-01-15', '2025-02-15')).toBe(1);
    expect(ageInMonths('2024-02-29', '2025-02-27')).toBe(11);
    expect(ageInMonths('2024-02-29', '2025-02-28')).toBe(12);
    expect(ageInMonths('2025-03-14', '2026-09-14')).toBe(18);
  });

  it('formats the local date', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
