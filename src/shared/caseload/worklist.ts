/**
 * "Mine besøg": open contacts bucketed by urgency for a given day, the position of a date on the
 * 1000-day timeline, and the rule that qualifies a family for the 1½- and 3-year visits. Dates are
 * YYYY-MM-DD strings (they compare correctly as strings); "today" is passed in, never read here.
 */
import { ageInDays } from '../domain/age.ts';
import { addDaysIso, endOfIsoWeekIso } from './calendar.ts';
import type { Contact } from './contact.ts';
import type { MunicipalitySettings } from './settings.ts';

/** Most urgent first. */
export const worklistBuckets = ['overdue', 'today', 'this-week', 'upcoming', 'later'] as const;
export type WorklistBucket = (typeof worklistBuckets)[number];

export type WorklistContact = Pick<
  Contact,
  'status' | 'targetDate' | 'windowFrom' | 'windowTo' | 'plannedDate' | 'nurse'
> & { id: string };

export type WorklistItem<T extends WorklistContact> = {
  contact: T;
  bucket: WorklistBucket;
  /** The date the contact is aimed at: the agreed date when there is one, else the target. */
  dueDate: string;
  /**
   * The last day the contact is on time (its "frist"): the agreed date when there is one, else the
   * window's end. The contact is overdue exactly when today is after it.
   */
  deadline: string;
  /** The agreed date lies outside the window (allowed, but worth showing). */
  outsideWindow: boolean;
};

export type WorklistOptions = {
  /** Only this nurse's contacts (compared trimmed and case-insensitively). */
  nurse?: string;
  /** How far ahead a window opening counts as upcoming. */
  upcomingDays?: number;
};

/**
 * The bucket of an open contact. A contact with an agreed date (plannedDate) is judged by that
 * date, so one agreed outside the window is not overdue before the day, and one whose agreed day
 * passed unrecorded is. Otherwise: overdue once the window has closed (the last day of the window
 * is not overdue), today on the target day, this week when the target is reached by Sunday of
 * today's ISO week, upcoming when the window opens within `upcomingDays`.
 */
export function worklistBucket(contact: WorklistContact, today: string, upcomingDays = 30): WorklistBucket {
  return bucketWithin(contact, today, endOfIsoWeekIso(today), addDaysIso(today, upcomingDays));
}

/** The bucket rule with the week's end and the horizon computed once per worklist, not per contact. */
function bucketWithin(contact: WorklistContact, today: string, sunday: string, horizon: string): WorklistBucket {
  if (contact.plannedDate !== '') {
    if (contact.plannedDate < today) return 'overdue';
    if (contact.plannedDate === today) return 'today';
    if (contact.plannedDate <= sunday) return 'this-week';
    return contact.plannedDate <= horizon ? 'upcoming' : 'later';
  }
  if (today > contact.windowTo) return 'overdue';
  if (contact.targetDate === today) return 'today';
  if (contact.targetDate <= sunday) return 'this-week';
  return contact.windowFrom <= horizon ? 'upcoming' : 'later';
}

const normaliseNurse = (name: string) => name.trim().toLowerCase();
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Open (planlagt) contacts with their buckets, most urgent first, then by date, window end and id. */
export function worklist<T extends WorklistContact>(
  contacts: readonly T[],
  today: string,
  options: WorklistOptions = {},
): WorklistItem<T>[] {
  const nurse = options.nurse === undefined ? undefined : normaliseNurse(options.nurse);
  const rank = (bucket: WorklistBucket) => worklistBuckets.indexOf(bucket);
  const sunday = endOfIsoWeekIso(today);
  const horizon = addDaysIso(today, options.upcomingDays ?? 30);
  return contacts
    .filter((c) => c.status === 'planlagt' && (nurse === undefined || normaliseNurse(c.nurse) === nurse))
    .map((contact) => {
      const dueDate = contact.plannedDate || contact.targetDate;
      return {
        contact,
        deadline: contact.plannedDate || contact.windowTo,
        bucket: bucketWithin(contact, today, sunday, horizon),
        dueDate,
        outsideWindow: dueDate < contact.windowFrom || dueDate > contact.windowTo,
      };
    })
    .sort(
      (a, b) =>
        rank(a.bucket) - rank(b.bucket) ||
        compare(a.dueDate, b.dueDate) ||
        compare(a.contact.windowTo, b.contact.windowTo) ||
        compare(a.contact.id, b.contact.id),
    );
}

export const TIMELINE_DAYS = 1000;

export type TimelinePosition = {
  /** Day on the path, clamped to 0–1000. */
  day: number;
  /** day / 1000, for drawing. */
  fraction: number;
  /** Days since birth, unclamped (negative before birth). */
  ageDays: number;
  outside: 'before' | 'after' | null;
};

/** Where a date falls on the 1000-day timeline that starts at birth. */
export function timelinePosition(birthDate: string, date: string): TimelinePosition {
  const ageDays = ageInDays(birthDate, date);
  const day = Math.min(TIMELINE_DAYS, Math.max(0, ageDays));
  const outside = ageDays < 0 ? 'before' : ageDays > TIMELINE_DAYS ? 'after' : null;
  return { day, fraction: day / TIMELINE_DAYS, ageDays, outside };
}

export type ExtraVisitsRule = MunicipalitySettings['extraVisitsRule'];

/** Completed contacts done in the child's first `withinDays` days (day 0 = the birth date). */
export function completedContactsInFirstDays(
  birthDate: string,
  contacts: readonly Pick<Contact, 'status' | 'doneDate' | 'plannedDate' | 'targetDate'>[],
  withinDays: number,
): number {
  return contacts.filter((c) => {
    if (c.status !== 'gennemfoert') return false;
    const day = ageInDays(birthDate, c.doneDate || c.plannedDate || c.targetDate);
    return day >= 0 && day < withinDays;
  }).length;
}

/** The family qualifies for the 1½- and 3-year visits: more than `moreThan` completed contacts in year 1. */
export function extraVisitsEligible(
  birthDate: string,
  contacts: readonly Pick<Contact, 'status' | 'doneDate' | 'plannedDate' | 'targetDate'>[],
  rule: ExtraVisitsRule,
): boolean {
  return completedContactsInFirstDays(birthDate, contacts, rule.withinDays) > rule.moreThan;
}
