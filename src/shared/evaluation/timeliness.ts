/**
 * Timeliness (domain.md §7): the child's age at each scheduled visit against the visit's window in
 * the municipality's settings. The visits judged are those whose window (as the settings give it
 * now) closes in the period: done before the window opened (early), in it, after it closed (late),
 * or not done although the window has closed by `today` (missing). A visit whose window is still
 * open and that is not done yet is not judged; a contact the health service cancelled (obsolete
 * or the family left) is not a visit the family missed. in + early + late + missing = judged.
 */
import type { ContactType } from '../caseload/contact.ts';
import { inPeriod, type Period } from './period.ts';
import type { EvaluationRecords, EvaluationSettings } from './records.ts';
import { type Tally, tallyBy } from './tally.ts';
import { entryFor, windowFor } from './windows.ts';

export const timelinessCategories = ['in-window', 'early', 'late', 'missing'] as const;
export type TimelinessCategory = (typeof timelinessCategories)[number];

export type TimelinessRow = { key: string; type: ContactType; judged: Tally } & Record<TimelinessCategory, Tally>;

export type TimelinessIndicator = {
  /** One row per schedule entry with at least one judged visit, in schedule order. */
  byVisit: TimelinessRow[];
  total: Omit<TimelinessRow, 'key' | 'type'>;
};

type Judged = {
  key: string;
  category: TimelinessCategory;
  childId: string;
  familyId: string;
  contactId: string;
  windowTo: string;
};

export function judgeVisits(
  records: Pick<EvaluationRecords, 'children' | 'contacts' | 'visits'>,
  period: Period,
  today: string,
  settings: EvaluationSettings,
): Judged[] {
  const children = new Map(records.children.map((c) => [c.id, c.data]));
  const visitDate = new Map<string, string>();
  for (const v of records.visits) {
    if (v.data.contactId === '') continue;
    const seen = visitDate.get(v.data.contactId);
    if (!seen || v.data.date < seen) visitDate.set(v.data.contactId, v.data.date);
  }
  const out: Judged[] = [];
  for (const contact of records.contacts) {
    const c = contact.data;
    if (c.status === 'aflyst-af-sundhedsplejen') continue;
    const entry = entryFor(c, settings);
    const child = children.get(c.childId);
    if (!entry || !child) continue;
    const window = windowFor(entry, child, settings);
    if (!inPeriod(window.to, period)) continue;
    const done = c.status === 'gennemfoert' ? c.doneDate : (visitDate.get(contact.id) ?? '');
    let category: TimelinessCategory;
    if (done !== '') category = done < window.from ? 'early' : done > window.to ? 'late' : 'in-window';
    else if (window.to < today) category = 'missing';
    else continue;
    out.push({
      key: entry.key,
      category,
      childId: c.childId,
      familyId: c.familyId,
      contactId: contact.id,
      windowTo: window.to,
    });
  }
  return out;
}

const row = (units: Judged[]) => {
  const by = tallyBy(units, (u) => u.category, timelinessCategories);
  return { judged: tallyBy(units, () => 'all', ['all']).all, ...by };
};

export function timelinessIndicator(
  records: Pick<EvaluationRecords, 'children' | 'contacts' | 'visits'>,
  period: Period,
  today: string,
  settings: EvaluationSettings,
): TimelinessIndicator {
  const judged = judgeVisits(records, period, today, settings);
  const byVisit = settings.schedule
    .map((entry) => ({ key: entry.key, type: entry.type, ...row(judged.filter((j) => j.key === entry.key)) }))
    .filter((r) => r.judged.n > 0);
  return { byVisit, total: row(judged) };
}
