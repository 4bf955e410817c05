/**
 * Calendar arithmetic on YYYY-MM-DD strings for the caseload rules. Month steps use date-fns
 * addMonths, which clamps to the month's end (31 Jan + 1 month = 28/29 Feb, 29 Feb + 12 months =
 * 28 Feb): the same rule as ageInMonths in domain/age.ts, so a visit "at 1 month" falls on the day
 * the child is one month old. ISO dates compare correctly as strings.
 */
// Per-function entry points: the package's index loads all of date-fns in Node (≈250 MB RSS on the server).
import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { endOfISOWeek } from 'date-fns/endOfISOWeek';
import { parseIsoDate as parseISO, toIsoDate as toIso } from '../domain/iso-date.ts';

export const addDaysIso = (date: string, days: number): string => toIso(addDays(parseISO(date), days));

export const addMonthsIso = (date: string, months: number): string => toIso(addMonths(parseISO(date), months));

/** The Sunday ending the ISO week (Monday–Sunday) that contains the date. */
export const endOfIsoWeekIso = (date: string): string => toIso(endOfISOWeek(parseISO(date)));
