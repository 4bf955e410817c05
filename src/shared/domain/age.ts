/**
 * Age of a child from dates given as YYYY-MM-DD (calendar dates, no time zones): days since birth,
 * whole completed months, and the day number on the 1000-day path.
 */
// Per-function entry points: the package's index loads all of date-fns in Node (≈250 MB RSS on the server).
import { addMonths } from 'date-fns/addMonths';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { differenceInCalendarMonths } from 'date-fns/differenceInCalendarMonths';
import { parseIsoDate as parseISO, toIsoDate } from './iso-date.ts';

export const ageInDays = (birthDate: string, on: string): number =>
  differenceInCalendarDays(parseISO(on), parseISO(birthDate));

/**
 * Completed months: the largest m with addMonths(birth, m) <= date. addMonths clamps to the month's
 * end, so a child born 31 Jan is one month old on 28 Feb (the same rule the visit plan uses).
 */
export function ageInMonths(birthDate: string, on: string): number {
  const birth = parseISO(birthDate);
  const date = parseISO(on);
  const months = differenceInCalendarMonths(date, birth);
  return addMonths(birth, months) > date ? months - 1 : months;
}

/** Today's date as YYYY-MM-DD in the device's local time zone. */
export function localToday(now: Date = new Date()): string {
  return toIsoDate(now);
}
