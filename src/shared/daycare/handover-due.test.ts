import { describe, expect, it } from 'vitest';
import { worklist } from '../caseload/worklist.ts';
import { handoverDue, handoverWorklistEntries } from './handover-due.ts';
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

describe('handovers in the worklist', () => {
  const nurse = () => 'Mette';
  const entries = (today: string, handovers = [] as (typeof signed)[]) =>
    handoverWorklistEntries([child], handovers, 4, today, nurse);

  it('is upcoming before the window, this week or overdue by the worklist’s own rule', () => {
    const bucket = (today: string) => worklist(entries(today), today)[0]?.bucket;
    expect(bucket('2026-02-10')).toBe('upcoming');
    expect(bucket('2026-03-20')).toBe('this-week');
    expect(bucket('2026-04-02')).toBe('overdue');
    expect(entries('2026-03-20')[0]).toMatchObject({
      id: `handover:${ids.child}`,
      nurse: 'Mette',
      windowTo: '2026-04-01',
    });
  });

  it('leaves the list once the handover is signed, or a month after the start', () => {
    expect(entries('2026-03-20', [signed])).toEqual([]);
    expect(entries('2026-05-01')).toHaveLength(1);
    expect(entries('2026-05-02')).toEqual([]);
  });
});
