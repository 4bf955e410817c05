/**
 * A contact's window as the municipality's settings give it today (not as stored on the contact,
 * which may predate a schedule change): the schedule entry by the contact's key, else the first
 * entry of its type; the window is computed from the child's birth date, or the corrected birth
 * date for an entry that says so. Also which children an offer of the extra visits concerns.
 */
import type { Contact } from '../caseload/contact.ts';
import { correctionDays } from '../caseload/schedule.ts';
import type { ScheduleEntry } from '../caseload/settings.ts';
import type { Child } from '../schemas/child.ts';
import { addDaysFast, addMonthsFast } from './dates.ts';
import type { EvaluationSettings } from './records.ts';

/** The two extra visits of the pool (domain.md §1). */
export const extraVisitTypes = ['besoeg-1-5-aar', 'besoeg-3-aar'] as const;
export type ExtraVisitType = (typeof extraVisitTypes)[number];

type WindowChild = Pick<Child, 'birthDate' | 'gestationalAgeWeeks' | 'gestationalAgeDays'>;

export function entryFor(
  contact: Pick<Contact, 'scheduleKey' | 'type'>,
  settings: Pick<EvaluationSettings, 'schedule'>,
): ScheduleEntry | undefined {
  return (
    (contact.scheduleKey === '' ? undefined : settings.schedule.find((e) => e.key === contact.scheduleKey)) ??
    settings.schedule.find((e) => e.type === contact.type)
  );
}

export function windowFor(
  entry: ScheduleEntry,
  child: WindowChild,
  settings: Pick<EvaluationSettings, 'correctedAgeBelowWeeks'>,
): { from: string; to: string } {
  // planEntry (caseload/schedule.ts) with the fast arithmetic: the same windows (windows.test.ts).
  const base =
    entry.ageBasis === 'korrigeret'
      ? addDaysFast(child.birthDate, correctionDays(child, settings.correctedAgeBelowWeeks))
      : child.birthDate;
  if (entry.unit === 'dage') {
    const target = addDaysFast(base, entry.targetAgeDays);
    return { from: addDaysFast(target, -entry.windowBeforeDays), to: addDaysFast(target, entry.windowAfterDays) };
  }
  return { from: addMonthsFast(base, entry.windowFromMonths), to: addMonthsFast(base, entry.windowToMonths) };
}

/**
 * The children an offer of the extra visits (made on `date`) concerns: born by then and not yet past
 * the end of the last extra visit's window. Without extra visits in the schedule: every child born
 * by then.
 */
export function concernedChildren<C extends { id: string; data: WindowChild }>(
  children: readonly C[],
  date: string,
  settings: Pick<EvaluationSettings, 'schedule' | 'correctedAgeBelowWeeks'>,
): C[] {
  const extra = settings.schedule.filter((e) => e.extraVisit);
  return children.filter((child) => {
    if (child.data.birthDate > date) return false;
    if (extra.length === 0) return true;
    return extra.some((entry) => date <= windowFor(entry, child.data, settings).to);
  });
}
