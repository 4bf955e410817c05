/**
 * Content of the visits (domain.md §7): of the signed visits dated in the period, how many used
 * each instrument (EPDS and ADBB responses, a TOPI judgement), each material, and each topic. Read
 * from choices only, never from the visits' free text. Every count is at most the number of visits.
 */
import { type VisitMaterial, visitMaterials } from '../visits/visit.ts';
import { inPeriod, type Period } from './period.ts';
import { type EvaluationRecords, signedVisits } from './records.ts';
import { type Tally, tallyBy, tallyOf } from './tally.ts';

export const contentInstruments = ['EPDS', 'ADBB', 'TOPI'] as const;
export type ContentInstrument = (typeof contentInstruments)[number];

export type ContentIndicator = {
  visits: Tally;
  instruments: Record<ContentInstrument, Tally>;
  materials: Record<VisitMaterial, Tally>;
  /** Topic keys in use, most frequent first (then by key). */
  topics: { topic: string; tally: Tally }[];
};

export function contentIndicator(
  records: Pick<EvaluationRecords, 'visits' | 'instruments' | 'observations'>,
  period: Period,
): ContentIndicator {
  const visits = signedVisits(records.visits).filter((v) => inPeriod(v.data.date, period));
  const ids = new Set(visits.map((v) => v.id));
  const used = new Map<string, Set<ContentInstrument>>();
  const mark = (visitId: string, instrument: ContentInstrument) => {
    if (!ids.has(visitId)) return;
    const set = used.get(visitId) ?? new Set();
    set.add(instrument);
    used.set(visitId, set);
  };
  for (const r of records.instruments) mark(r.data.visitId, r.data.response.instrument);
  for (const o of records.observations) if (o.data.values.section === 'topi') mark(o.data.visitId, 'TOPI');

  const units = visits.map((v) => ({ ...v, childId: v.data.childId, familyId: v.data.familyId }));
  const instruments = Object.fromEntries(
    contentInstruments.map((i) => [i, tallyOf(units.filter((u) => used.get(u.id)?.has(i)))]),
  ) as Record<ContentInstrument, Tally>;
  const materials = Object.fromEntries(
    visitMaterials.map((m) => [m, tallyOf(units.filter((u) => u.data.materials.includes(m)))]),
  ) as Record<VisitMaterial, Tally>;
  const topicKeys = [...new Set(visits.flatMap((v) => v.data.topics))];
  const byTopic = tallyBy(
    units.flatMap((u) => u.data.topics.map((topic) => ({ ...u, topic }))),
    (u) => u.topic,
    topicKeys,
  );
  const topics = topicKeys
    .map((topic) => ({ topic, tally: byTopic[topic] as Tally }))
    .sort((a, b) => b.tally.n - a.tally.n || (a.topic < b.topic ? -1 : 1));
  return { visits: tallyOf(units), instruments, materials, topics };
}
