import { describe, expect, it } from 'vitest';
import { type PlanContactFacts, reconcilePlan } from '../caseload/schedule.ts';
import { worklist } from '../caseload/worklist.ts';
import { handoverDue, handoverPlan, handoverPlanKey, isHandoverKey } from './handover-due.ts';
import { ids } from './test-fixtures.ts';

const child = { id: ids.child, familyId: ids.family, institutionId: ids.institution, childcareStart: '2026-04-01' };
const signed = { childId: ids.child, institutionId: ids.institution, status: 'underskrevet', amendsId: '' };

describe('the handover due before a childcare start', () => {
  it('is due from the setting’s weeks before the start', () => {
    expect(handoverDue(child, [], 4)).toEqual({
      childId: ids.child,
      familyId: ids.family,
      institutionId: ids.institution,
      from: '2026-03-04',
      startDate: '2026-04-01',
      state: 'due',
    });
    expect(handoverDue(child, [], 6)?.from).toBe('2026-02-18');
  });

  it('needs both an institution and a start date', () => {
    expect(handoverDue({ ...child, institutionId: '' }, [], 4)).toBeNull();
    expect(handoverDue({ ...child, childcareStart: '' }, [], 4)).toBeNull();
  });

  it('is done only by a signed handover to that institution (a draft, an addition or another place do not count)', () => {
    expect(handoverDue(child, [signed], 4)?.state).toBe('done');
    expect(handoverDue(child, [{ ...signed, status: 'kladde' }], 4)?.state).toBe('due');
    expect(handoverDue(child, [{ ...signed, amendsId: ids.handover }], 4)?.state).toBe('due');
    expect(handoverDue(child, [{ ...signed, institutionId: ids.otherInstitution }], 4)?.state).toBe('due');
    expect(handoverDue(child, [{ ...signed, childId: ids.otherChild }], 4)?.state).toBe('due');
  });
});

describe('the handover in the child’s plan', () => {
  const planned = { institutionId: ids.institution, childcareStart: '2026-04-01' };
  const plan = (child = planned, weeks = 4) => handoverPlan(child, weeks);
  const existing = (patch: Partial<PlanContactFacts> = {}): PlanContactFacts => ({
    id: 'c1',
    type: 'overlevering',
    source: 'plan',
    scheduleKey: handoverPlanKey(ids.institution),
    targetDate: '2026-03-04',
    windowFrom: '2026-03-04',
    windowTo: '2026-04-01',
    plannedDate: '',
    status: 'planlagt',
    ...patch,
  });

  it('is a planned contact from the setting’s weeks before the start to the start', () => {
    expect(plan()).toEqual([
      {
        type: 'overlevering',
        scheduleKey: `overlevering-${ids.institution}`,
        targetDate: '2026-03-04',
        windowFrom: '2026-03-04',
        windowTo: '2026-04-01',
      },
    ]);
    expect(plan({ ...planned, institutionId: '' })).toEqual([]);
    expect(plan({ ...planned, childcareStart: '' })).toEqual([]);
    expect(isHandoverKey(handoverPlanKey(ids.institution))).toBe(true);
    expect(isHandoverKey('besoeg-3-aar')).toBe(false);
  });

  it('is added, moved with a later start, and cancelled for another institution (nothing deleted)', () => {
    expect(reconcilePlan([], plan()).add).toHaveLength(1);
    const later = reconcilePlan([existing()], plan({ ...planned, childcareStart: '2026-05-01' }));
    expect(later.update).toEqual([
      { id: 'c1', changes: { targetDate: '2026-04-03', windowFrom: '2026-04-03', windowTo: '2026-05-01' } },
    ]);
    const moved = reconcilePlan([existing()], plan({ ...planned, institutionId: ids.otherInstitution }));
    expect(moved.cancel.map((c) => c.id)).toEqual(['c1']);
    expect(moved.add.map((c) => c.scheduleKey)).toEqual([handoverPlanKey(ids.otherInstitution)]);
  });

  it('leaves a done handover alone, and shows in "Mine besøg" by the worklist’s own rule', () => {
    expect(
      reconcilePlan([existing({ status: 'gennemfoert' })], plan({ ...planned, childcareStart: '2026-05-01' })),
    ).toMatchObject({
      update: [],
      add: [],
    });
    const contact = { ...existing(), nurse: 'Mette' };
    expect(worklist([contact], '2026-02-10')[0]?.bucket).toBe('upcoming');
    expect(worklist([contact], '2026-04-02')[0]?.bucket).toBe('overdue');
  });
});
