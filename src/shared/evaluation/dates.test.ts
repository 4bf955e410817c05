import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysIso, addMonthsIso } from '../caseload/calendar.ts';
import { addDaysFast, addMonthsFast } from './dates.ts';

const date = fc
  .date({ min: new Date('1990-01-01'), max: new Date('2060-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('fast calendar arithmetic', () => {
  it('adds days as calendar.ts does', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -2000, max: 2000 }), (d, n) => addDaysFast(d, n) === addDaysIso(d, n)),
      { numRuns: 2000 },
    );
  });
  it('adds months as calendar.ts does (clamping to the month end)', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -100, max: 100 }), (d, n) => addMonthsFast(d, n) === addMonthsIso(d, n)),
      { numRuns: 2000 },
    );
    expect(addMonthsFast('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonthsFast('2024-02-29', 12)).toBe('2025-02-28');
  });
});
