/**
 * Periods of the evaluation: inclusive ranges of YYYY-MM-DD dates (they compare as strings), with
 * the quarter presets the overview offers and a split used by the property tests (two adjacent
 * periods that together make the whole).
 */
import { addDaysIso, addMonthsIso } from '../caseload/calendar.ts';

export type Period = { from: string; to: string };

export const inPeriod = (date: string, period: Period): boolean =>
  date !== '' && date >= period.from && date <= period.to;

/** The quarter (Q1 = January–March) that contains the date. */
export function quarterOf(date: string): Period & { year: number; quarter: 1 | 2 | 3 | 4 } {
  const year = Number(date.slice(0, 4));
  const quarter = (Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1) as 1 | 2 | 3 | 4;
  const from = `${year}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}-01`;
  return { year, quarter, from, to: addDaysIso(addMonthsIso(from, 3), -1) };
}

/** The current quarter and the `count - 1` before it, newest first. */
export function recentQuarters(today: string, count = 5): ReturnType<typeof quarterOf>[] {
  const quarters = [quarterOf(today)];
  while (quarters.length < count) quarters.push(quarterOf(addDaysIso((quarters.at(-1) as Period).from, -1)));
  return quarters;
}

/** The calendar month that contains the date. */
export function monthOf(date: string): Period {
  const from = `${date.slice(0, 7)}-01`;
  return { from, to: addDaysIso(addMonthsIso(from, 1), -1) };
}

/** A period is valid when both ends are dates and it does not end before it starts. */
export const validPeriod = (period: Period): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(period.from) && /^\d{4}-\d{2}-\d{2}$/.test(period.to) && period.from <= period.to;

/** Two adjacent periods: [from, at − 1 day] and [at, to]. `at` must lie after `from` and not after `to`. */
export function splitPeriod(period: Period, at: string): [Period, Period] {
  return [
    { from: period.from, to: addDaysIso(at, -1) },
    { from: at, to: period.to },
  ];
}
