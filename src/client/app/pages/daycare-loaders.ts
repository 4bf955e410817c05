/**
 * Reads for the daycare screens from the local store: a child's cooperation (handovers, meetings,
 * the handover due), the results a handover could share, the family's disclosure log, and the
 * names the personal-data warning looks for.
 */

import type { Consent } from '../../../shared/caseload/consent.ts';
import { disclosureLog } from '../../../shared/daycare/disclosure-log.ts';
import { handoverDue } from '../../../shared/daycare/handover-due.ts';
import type { TopiJudgement } from '../../../shared/instruments/topi.ts';
import { currentObservations } from '../../../shared/visits/observation.ts';
import type { RecordView } from '../../db/reader.ts';
import { records } from '../../db/store.ts';

export const withIds = (list: RecordView<'consent'>[]): (Consent & { id: string })[] =>
  list.map((c) => ({ ...c.data, id: c.id }));

/** Originals with the number of additions each has (for lists). */
function chains<R extends { id: string; data: { amendsId: string } }>(list: readonly R[]) {
  const additions = new Map<string, number>();
  for (const r of list)
    if (r.data.amendsId !== '') additions.set(r.data.amendsId, (additions.get(r.data.amendsId) ?? 0) + 1);
  return list
    .filter((r) => r.data.amendsId === '')
    .map((record) => ({ record, additions: additions.get(record.id) ?? 0 }));
}

/** The child's handovers and meetings, the institutions, and the handover due before its start. */
export async function childCooperation(childId: string) {
  const [child, handovers, meetings, institutions, settings] = await Promise.all([
    records.get('child', childId),
    records.byIndex('handover', 'childId', childId),
    records.byIndex('cooperationMeeting', 'childId', childId),
    records.all('institution'),
    records.settings(),
  ]);
  const names = new Map(institutions.map((i) => [i.id, i.data.name]));
  const due = child
    ? handoverDue(
        { id: child.id, ...child.data },
        handovers.map((h) => h.data),
        settings.data.daycare.handoverWeeksBefore,
      )
    : null;
  return {
    handovers: chains(handovers),
    meetings: chains(meetings),
    /** Every handover and meeting record, additions included (the journal lists them all). */
    all: { handovers, meetings },
    institutionName: (id: string) => names.get(id) ?? '',
    due: due ? { ...due, place: names.get(due.institutionId) ?? '' } : null,
  };
}

export type ScoreFact =
  | { instrument: 'TOPI'; date: string; sourceId: string; judgement: TopiJudgement }
  | { instrument: 'ADBB'; date: string; sourceId: string; total: number; cutoff: number };

/** The child's TOPI and ADBB results from signed visits, as they hold now (after corrections). */
export async function childScores(childId: string): Promise<ScoreFact[]> {
  const [visits, observations, instruments] = await Promise.all([
    records.byIndex('visit', 'childId', childId),
    records.byIndex('observation', 'childId', childId),
    records.byIndex('instrumentResponse', 'childId', childId),
  ]);
  const signed = new Map(visits.filter((v) => v.data.status === 'underskrevet').map((v) => [v.id, v.data.date]));
  const facts: ScoreFact[] = [];
  for (const [visitId, date] of signed) {
    const topi = currentObservations(observations.filter((o) => o.data.visitId === visitId)).topi?.current;
    if (topi && topi.data.values.section === 'topi')
      facts.push({ instrument: 'TOPI', date, sourceId: topi.id, judgement: topi.data.values.judgement });
  }
  for (const r of instruments) {
    const date = signed.get(r.data.visitId);
    if (date && r.data.response.instrument === 'ADBB' && r.data.response.total !== null)
      facts.push({
        instrument: 'ADBB',
        date,
        sourceId: r.id,
        total: r.data.response.total,
        cutoff: r.data.response.cutoff,
      });
  }
  return facts.sort((a, b) => (a.date < b.date ? 1 : -1));
}

/** The family's disclosure log with what the view needs to name children and institutions. */
export async function familyDisclosures(familyId: string) {
  const [handovers, meetings, consents, children, institutions] = await Promise.all([
    records.byIndex('handover', 'familyId', familyId),
    records.byIndex('cooperationMeeting', 'familyId', familyId),
    records.ofFamily('consent', familyId),
    records.childrenOfFamily(familyId),
    records.all('institution'),
  ]);
  const childNames = new Map(children.map((c) => [c.id, `${c.data.firstName} ${c.data.lastName}`.trim()]));
  const placeNames = new Map(institutions.map((i) => [i.id, i.data.name]));
  return {
    entries: disclosureLog({ handovers, meetings, consents }),
    childName: (id: string) => childNames.get(id) ?? '',
    institutionName: (id: string) => placeNames.get(id) ?? '',
  };
}

/** Names of the caseload's children and caregivers: what a team activity's text must not contain. */
export async function caseloadNames(): Promise<string[]> {
  const [children, caregivers] = await Promise.all([records.all('child'), records.all('caregiver')]);
  return [
    ...children.map((c) => `${c.data.firstName} ${c.data.lastName}`.trim()),
    ...caregivers.map((c) => c.data.name),
  ];
}

/** A handover or meeting chain: the original and its additions in signing order. */
export async function chainOf<K extends 'handover' | 'cooperationMeeting'>(kind: K, childId: string, id: string) {
  const all = await records.byIndex(kind, 'childId', childId);
  const record = all.find((r) => r.id === id);
  const additions = all
    .filter((r) => r.data.amendsId === id && r.data.status === 'underskrevet')
    .sort((a, b) => (a.data.signedAt < b.data.signedAt ? -1 : 1));
  return { record, additions };
}
