/**
 * The team leader's caseload per nurse: active families (by tovholder) and their children, the
 * contacts planned for this month, and the overdue contacts, both from the worklist's own rule
 * (caseload/worklist.ts) over every nurse's contacts. A contact belongs to the nurse it names, or
 * to the family's tovholder when it names none, so the rows add up to the team's totals.
 */
import { worklist } from '../caseload/worklist.ts';
import { inPeriod, monthOf } from './period.ts';
import { type EvaluationRecords, normaliseNurse, nursesOf } from './records.ts';
import { type Tally, tallyOf } from './tally.ts';

export type NurseLoad = {
  /** The nurse's name as first written; '' for families without a tovholder. */
  nurse: string;
  families: Tally;
  children: Tally;
  plannedThisMonth: Tally;
  overdue: Tally;
};

export function caseloadByNurse(
  records: Pick<EvaluationRecords, 'families' | 'children' | 'contacts'>,
  today: string,
): { rows: NurseLoad[]; team: Omit<NurseLoad, 'nurse'> } {
  const active = records.families.filter((f) => f.data.status === 'aktiv');
  const activeIds = new Set(active.map((f) => f.id));
  const tovholder = new Map(records.families.map((f) => [f.id, f.data.tovholder]));
  const nurseOfContact = (c: { nurse: string; familyId: string }) =>
    normaliseNurse(c.nurse || (tovholder.get(c.familyId) ?? ''));
  const month = monthOf(today);
  const open = worklist(
    records.contacts.map((c) => ({ id: c.id, ...c.data })),
    today,
  );
  const units = <T extends { familyId: string; childId?: string }>(list: readonly T[]) =>
    list.map((x) => ({ ...x, familyId: x.familyId }));
  const planned = units(open.filter((i) => inPeriod(i.dueDate, month)).map((i) => i.contact));
  const overdue = units(open.filter((i) => i.bucket === 'overdue').map((i) => i.contact));
  const children = records.children.filter((c) => activeIds.has(c.data.familyId));

  const names = nursesOf(records);
  const known = new Set(names.map(normaliseNurse));
  for (const c of records.contacts) {
    const key = nurseOfContact(c.data);
    if (!known.has(key)) {
      known.add(key);
      names.push(c.data.nurse.trim());
    }
  }
  // One pass per list, grouped by the nurse's key.
  const group = <T>(list: readonly T[], key: (item: T) => string) => {
    const map = new Map<string, T[]>();
    for (const item of list) {
      const k = key(item);
      const bucket = map.get(k);
      if (bucket) bucket.push(item);
      else map.set(k, [item]);
    }
    return map;
  };
  const tovholderKey = (familyId: string) => normaliseNurse(tovholder.get(familyId) ?? '');
  const familiesBy = group(active, (f) => normaliseNurse(f.data.tovholder));
  const childrenBy = group(children, (c) => tovholderKey(c.data.familyId));
  const plannedBy = group(planned, nurseOfContact);
  const overdueBy = group(overdue, nurseOfContact);
  const rows = names.map((nurse): NurseLoad => {
    const who = normaliseNurse(nurse);
    return {
      nurse,
      families: tallyOf((familiesBy.get(who) ?? []).map((f) => ({ familyId: f.id }))),
      children: tallyOf((childrenBy.get(who) ?? []).map((c) => ({ childId: c.id, familyId: c.data.familyId }))),
      plannedThisMonth: tallyOf(plannedBy.get(who) ?? []),
      overdue: tallyOf(overdueBy.get(who) ?? []),
    };
  });
  return {
    rows: rows.filter((r) => r.families.n + r.children.n + r.plannedThisMonth.n + r.overdue.n > 0),
    team: {
      families: tallyOf(active.map((f) => ({ familyId: f.id }))),
      children: tallyOf(children.map((c) => ({ childId: c.id, familyId: c.data.familyId }))),
      plannedThisMonth: tallyOf(planned),
      overdue: tallyOf(overdue),
    },
  };
}
