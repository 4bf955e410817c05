/**
 * When a handover to daycare is due (domain.md §5): a child linked to an institution with a start
 * date needs a signed handover to that institution in the weeks before the start (a municipality
 * setting, default 4 weeks). The due handover is a contact of the child's plan (type
 * "overlevering", one per institution), planned and kept in step by the same reconciliation as the
 * schedule's visits (caseload/schedule.ts): so the timeline and "Mine besøg" show it like any
 * planned contact — due from the window's opening, overdue once the start has passed — and a later
 * start date moves it, another institution cancels it and plans a new one. Signing the handover
 * marks it done. Dates are YYYY-MM-DD.
 */
import { addDaysIso } from '../caseload/calendar.ts';
import type { PlannedContact } from '../caseload/schedule.ts';

export type HandoverDueChild = {
  id: string;
  familyId: string;
  institutionId: string;
  childcareStart: string;
};

export type HandoverFacts = {
  childId: string;
  institutionId: string;
  status: string;
  amendsId: string;
};

export type HandoverDue = {
  childId: string;
  familyId: string;
  institutionId: string;
  /** The day the window opens: the start minus the setting's weeks. */
  from: string;
  startDate: string;
  /** done: a signed handover to the institution exists. */
  state: 'due' | 'done';
};

/** The plan key of the handover to an institution: one contact per institution a child starts in. */
export const handoverPlanKey = (institutionId: string) => `overlevering-${institutionId.toLowerCase()}`;

/** Whether a plan contact is the handover to an institution. */
export const isHandoverKey = (scheduleKey: string) => scheduleKey.startsWith('overlevering-');

/**
 * The child's handover for its current childcare link, or null when it has none (no institution or
 * no start date). Done when a signed handover (an original, not an addition) names the institution.
 */
export function handoverDue(
  child: HandoverDueChild,
  handovers: readonly HandoverFacts[],
  weeksBefore: number,
): HandoverDue | null {
  if (child.institutionId === '' || child.childcareStart === '') return null;
  const done = handovers.some(
    (h) =>
      h.childId === child.id &&
      h.institutionId === child.institutionId &&
      h.status === 'underskrevet' &&
      h.amendsId === '',
  );
  return {
    childId: child.id,
    familyId: child.familyId,
    institutionId: child.institutionId,
    from: addDaysIso(child.childcareStart, -7 * weeksBefore),
    startDate: child.childcareStart,
    state: done ? 'done' : 'due',
  };
}

/**
 * The handover as a planned contact of the child's plan: target and window opening `weeksBefore`
 * weeks before the start, the window closing on the start day. Empty without a link; reconciled
 * with the schedule's contacts (reconcilePlan), so it is added, moved or cancelled like them.
 */
export function handoverPlan(
  child: Pick<HandoverDueChild, 'institutionId' | 'childcareStart'>,
  weeksBefore: number,
): PlannedContact[] {
  if (child.institutionId === '' || child.childcareStart === '') return [];
  const from = addDaysIso(child.childcareStart, -7 * weeksBefore);
  return [
    {
      type: 'overlevering',
      scheduleKey: handoverPlanKey(child.institutionId),
      targetDate: from,
      windowFrom: from,
      windowTo: child.childcareStart,
    },
  ];
}
