/**
 * When a handover to daycare is due (domain.md §5): a child linked to an institution with a start
 * date needs a signed handover to that institution in the weeks before the start (a municipality
 * setting, default 4 weeks). The due handover is shown on the child's timeline and, as an entry in
 * the worklist's own shape, in "Mine besøg": due from `from`, overdue once the start has passed.
 * After `graceDays` past the start it is no longer listed (a child who started long ago without a
 * handover in the app is not nagged about forever). Dates are YYYY-MM-DD; today is passed in.
 */
import { addDaysIso } from '../caseload/calendar.ts';

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

/** The days after the start a missing handover is still listed. */
export const HANDOVER_GRACE_DAYS = 30;

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
 * The open handovers of a caseload as worklist entries (caseload/worklist.ts `WorklistContact`):
 * target and window opening on `from`, the window closing on the start date, by the family's
 * tovholder. Listed until `graceDays` after the start.
 */
export function handoverWorklistEntries(
  children: readonly HandoverDueChild[],
  handovers: readonly HandoverFacts[],
  weeksBefore: number,
  today: string,
  nurseOf: (familyId: string) => string,
  graceDays = HANDOVER_GRACE_DAYS,
) {
  return children.flatMap((child) => {
    const due = handoverDue(child, handovers, weeksBefore);
    if (!due || due.state === 'done' || today > addDaysIso(due.startDate, graceDays)) return [];
    return [
      {
        id: `handover:${child.id}`,
        childId: child.id,
        familyId: child.familyId,
        status: 'planlagt' as const,
        targetDate: due.from,
        windowFrom: due.from,
        windowTo: due.startDate,
        plannedDate: '',
        nurse: nurseOf(child.familyId),
      },
    ];
  });
}
