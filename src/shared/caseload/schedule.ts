/**
 * The visit plan: planned contacts computed from the municipality's schedule and a child's birth
 * date (docs/decisions/0007-visit-plan.md), and the reconciliation that keeps stored contacts in
 * step when the birth date is corrected or the schedule changes. Pure and deterministic, so two
 * devices reconciling the same records propose the same changes. Nothing is ever deleted: done,
 * cancelled, manual and nurse-booked contacts are left alone; obsolete planned ones are cancelled.
 */
import { addDaysIso, addMonthsIso } from './calendar.ts';
import type { Contact } from './contact.ts';
import type { MunicipalitySettings, ScheduleEntry } from './settings.ts';

export type PlanChild = {
  birthDate: string;
  gestationalAgeWeeks?: number | null;
  gestationalAgeDays?: number | null;
};
export type PlanSettings = Pick<MunicipalitySettings, 'schedule' | 'correctedAgeBelowWeeks'>;
export type PlanOptions = {
  /** The family qualifies for the extra visits: only then are entries marked extraVisit planned. */
  extraVisits: boolean;
};

/** The schedule-derived part of a contact. */
export type PlanFields = Pick<Contact, 'type' | 'targetDate' | 'windowFrom' | 'windowTo'>;
export type PlannedContact = PlanFields & { scheduleKey: string };

/** Full term, 40+0 weeks, in days. */
const TERM_DAYS = 280;

/** Days between birth and the corrected birth date: (40 weeks − gestational age) for a preterm child. */
export function correctionDays(child: PlanChild, belowWeeks: number): number {
  const weeks = child.gestationalAgeWeeks;
  if (weeks === null || weeks === undefined || weeks >= belowWeeks) return 0;
  return Math.max(0, TERM_DAYS - (weeks * 7 + (child.gestationalAgeDays ?? 0)));
}

/** One entry's contact, counted from `base` (the birth date or the corrected birth date). */
export function planEntry(entry: ScheduleEntry, base: string): PlannedContact {
  const common = { type: entry.type, scheduleKey: entry.key };
  if (entry.unit === 'dage') {
    const targetDate = addDaysIso(base, entry.targetAgeDays);
    return {
      ...common,
      targetDate,
      windowFrom: addDaysIso(targetDate, -entry.windowBeforeDays),
      windowTo: addDaysIso(targetDate, entry.windowAfterDays),
    };
  }
  return {
    ...common,
    targetDate: addMonthsIso(base, entry.targetAgeMonths),
    windowFrom: addMonthsIso(base, entry.windowFromMonths),
    windowTo: addMonthsIso(base, entry.windowToMonths),
  };
}

/** The child's planned contacts in schedule order. */
export function planContacts(child: PlanChild, settings: PlanSettings, options: PlanOptions): PlannedContact[] {
  const corrected = addDaysIso(child.birthDate, correctionDays(child, settings.correctedAgeBelowWeeks));
  return settings.schedule
    .filter((entry) => options.extraVisits || !entry.extraVisit)
    .map((entry) => planEntry(entry, entry.ageBasis === 'korrigeret' ? corrected : child.birthDate));
}

/** A new contact record for a planned entry, as the plan creates it. */
export function contactFromPlan(
  planned: PlannedContact,
  owner: { childId: string; familyId: string; nurse?: string },
): Contact {
  return {
    childId: owner.childId,
    familyId: owner.familyId,
    ...planned,
    source: 'plan',
    plannedDate: '',
    status: 'planlagt',
    doneDate: '',
    nurse: owner.nurse ?? '',
    note: '',
  };
}

/** What reconciliation reads from a stored contact (whole records may be passed). */
export type PlanContactFacts = PlanFields &
  Pick<Contact, 'source' | 'scheduleKey' | 'status' | 'plannedDate'> & { id: string };

export type PlanChanges = {
  /** Entries with no contact at all: create them (see contactFromPlan). */
  add: PlannedContact[];
  /** Untouched planned contacts whose schedule-derived fields changed. */
  update: { id: string; changes: Partial<PlanFields> }[];
  /** Untouched planned contacts that are obsolete: set the status, never delete. */
  cancel: {
    id: string;
    reason: 'removed-from-schedule' | 'duplicate' | 'window-passed';
    /** window-passed also moves the dates, so the cancelled visit shows where the plan puts it. */
    changes: { status: 'aflyst-af-sundhedsplejen' } & Partial<PlanFields>;
  }[];
  /** Booked contacts (a date agreed with the family) the plan would change: the nurse decides. */
  review: { id: string; reason: 'removed-from-schedule' | 'plan-changed'; planned: PlannedContact | null }[];
  /** Keys not added because their window ended before `addFrom`. */
  skipped: string[];
};

export type ReconcileOptions = {
  /**
   * Do not add contacts whose window ended before this date (a child who joins the caseload late),
   * and cancel untouched ones that a corrected birth date moves to a window ending before it.
   */
  addFrom?: string;
};

const planFieldNames = ['type', 'targetDate', 'windowFrom', 'windowTo'] as const;

function planDiff(contact: PlanFields, planned: PlannedContact): Partial<PlanFields> {
  const changes: Partial<Record<keyof PlanFields, string>> = {};
  for (const field of planFieldNames) if (contact[field] !== planned[field]) changes[field] = planned[field];
  return changes as Partial<PlanFields>;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const cancelled = { status: 'aflyst-af-sundhedsplejen' } as const;

/**
 * The changes that bring a child's stored contacts in line with a new plan. Only plan contacts
 * that are still planlagt and not booked (plannedDate '') are changed. Per schedule key, one
 * untouched contact is kept; further untouched ones (e.g. created by two offline devices) are
 * duplicates, and so is an untouched one beside a booked or completed contact for the same key.
 * An entry is added only when no contact has its key, so a cancelled visit is not re-planned.
 * With `addFrom`, an untouched contact the new plan moves to a window that closed before it is
 * cancelled (reason window-passed) rather than moved, matching what a new child gets.
 * Applying the result and reconciling again gives no add, update or cancel.
 */
export function reconcilePlan(
  existing: readonly PlanContactFacts[],
  newPlan: readonly PlannedContact[],
  options: ReconcileOptions = {},
): PlanChanges {
  const wanted = new Map<string, PlannedContact>();
  for (const planned of newPlan) if (!wanted.has(planned.scheduleKey)) wanted.set(planned.scheduleKey, planned);

  const groups = new Map<string, PlanContactFacts[]>();
  for (const contact of existing) {
    if (contact.source !== 'plan' || contact.scheduleKey === '') continue;
    groups.set(contact.scheduleKey, [...(groups.get(contact.scheduleKey) ?? []), contact]);
  }

  const changes: PlanChanges = { add: [], update: [], cancel: [], review: [], skipped: [] };
  for (const [key, group] of groups) {
    const planned = wanted.get(key) ?? null;
    const open = group.filter((c) => c.status === 'planlagt');
    const booked = open.filter((c) => c.plannedDate !== '');
    const untouched = open.filter((c) => c.plannedDate === '').toSorted(byId);
    if (!planned) {
      for (const c of untouched) changes.cancel.push({ id: c.id, reason: 'removed-from-schedule', changes: cancelled });
      for (const c of booked) changes.review.push({ id: c.id, reason: 'removed-from-schedule', planned: null });
      continue;
    }
    const settled = booked.length > 0 || group.some((c) => c.status === 'gennemfoert');
    const keep = settled ? undefined : untouched[0];
    for (const c of untouched) {
      if (c !== keep) changes.cancel.push({ id: c.id, reason: 'duplicate', changes: cancelled });
    }
    if (keep) {
      const diff = planDiff(keep, planned);
      // Moved into a window long closed (a birth date corrected backwards): as if the child joined
      // today, the visit is not left overdue. Only a move does this; a contact that simply became
      // overdue where it stands stays planned.
      const passed = options.addFrom !== undefined && planned.windowTo < options.addFrom;
      if (Object.keys(diff).length > 0 && passed) {
        changes.cancel.push({ id: keep.id, reason: 'window-passed', changes: { ...diff, ...cancelled } });
      } else if (Object.keys(diff).length > 0) changes.update.push({ id: keep.id, changes: diff });
    }
    for (const c of booked) {
      if (Object.keys(planDiff(c, planned)).length > 0)
        changes.review.push({ id: c.id, reason: 'plan-changed', planned });
    }
  }

  for (const planned of wanted.values()) {
    if (groups.has(planned.scheduleKey)) continue;
    if (options.addFrom !== undefined && planned.windowTo < options.addFrom) changes.skipped.push(planned.scheduleKey);
    else changes.add.push(planned);
  }
  changes.update.sort(byId);
  changes.cancel.sort(byId);
  changes.review.sort(byId);
  return changes;
}

/** True when applying the changes would write something (review and skipped are not writes). */
export const hasPlanChanges = (changes: PlanChanges): boolean =>
  changes.add.length + changes.update.length + changes.cancel.length > 0;
