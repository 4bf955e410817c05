/**
 * Cooperation with daycare (domain.md §1, §5, §7): interdisciplinary home visits, extra meetings in
 * daycare, handovers (with the parents' consent or by a legal exception), talks to daycare staff
 * (with their participants) and competence-forum meetings. The indicator reads a small event list
 * so it does not depend on how each kind is stored: today only the first two kinds exist (as
 * contacts and visits, see cooperationEventsFrom); handovers, talks and the competence forum
 * become events when their record kinds land, and `captured` says which kinds the app records yet.
 */
import { inPeriod, type Period } from './period.ts';
import { type EvaluationRecords, normaliseNurse, signedVisits } from './records.ts';
import { type Tally, tallyBy } from './tally.ts';

export const cooperationKinds = [
  'tvaerfagligt-hjemmebesoeg',
  'moede-i-dagtilbud',
  'overlevering',
  'oplaeg-i-dagtilbud',
  'kompetenceforum',
] as const;
export type CooperationKind = (typeof cooperationKinds)[number];

/** The legal basis of a handover (domain.md §5): consent (§ 43, stk. 1), or an exception. */
export const legalBases = ['samtykke', 'undtagelse', 'ikke-angivet'] as const;
export type LegalBasis = (typeof legalBases)[number];

export type CooperationEvent = {
  kind: CooperationKind;
  date: string;
  /** The nurse it belongs to (the family's tovholder; the nurse who took part when no family). */
  nurse: string;
  familyId?: string;
  childId?: string;
  /** Handovers only. */
  legalBasis?: LegalBasis;
  /** Talks: the number of staff who attended. */
  participants?: number;
};

export type CooperationIndicator = {
  byKind: Record<CooperationKind, Tally>;
  handoversByBasis: Record<LegalBasis, Tally>;
  talkParticipants: number;
  /** Kinds the app records; a figure of a kind not captured is "not recorded", not zero. */
  captured: Record<CooperationKind, boolean>;
};

/** The kinds today's records can give. */
export const capturedToday: Record<CooperationKind, boolean> = {
  'tvaerfagligt-hjemmebesoeg': true,
  'moede-i-dagtilbud': true,
  overlevering: false,
  'oplaeg-i-dagtilbud': false,
  kompetenceforum: false,
};

export function cooperationIndicator(
  events: readonly CooperationEvent[],
  period: Period,
  options: { nurse?: string; captured?: Record<CooperationKind, boolean> } = {},
): CooperationIndicator {
  const who = options.nurse === undefined ? undefined : normaliseNurse(options.nurse);
  const inScope = events.filter(
    (e) => inPeriod(e.date, period) && (who === undefined || normaliseNurse(e.nurse) === who),
  );
  const handovers = inScope.filter((e) => e.kind === 'overlevering');
  return {
    byKind: tallyBy(inScope, (e) => e.kind, cooperationKinds),
    handoversByBasis: tallyBy(handovers, (e) => e.legalBasis ?? 'ikke-angivet', legalBases),
    talkParticipants: inScope
      .filter((e) => e.kind === 'oplaeg-i-dagtilbud')
      .reduce((sum, e) => sum + (e.participants ?? 0), 0),
    captured: options.captured ?? capturedToday,
  };
}

/**
 * Today's cooperation events: completed contacts of the two cooperation types (on their done date)
 * and signed visits of those types that carry out no such contact (ad hoc), each once.
 */
export function cooperationEventsFrom(
  records: Pick<EvaluationRecords, 'families' | 'contacts' | 'visits'>,
): CooperationEvent[] {
  const tovholder = new Map(records.families.map((f) => [f.id, f.data.tovholder]));
  const isKind = (type: string): type is 'tvaerfagligt-hjemmebesoeg' | 'moede-i-dagtilbud' =>
    type === 'tvaerfagligt-hjemmebesoeg' || type === 'moede-i-dagtilbud';
  const events: CooperationEvent[] = [];
  const counted = new Set<string>();
  for (const c of records.contacts) {
    if (!isKind(c.data.type) || c.data.status !== 'gennemfoert') continue;
    counted.add(c.id);
    const { childId, familyId } = c.data;
    events.push({ kind: c.data.type, date: c.data.doneDate, nurse: tovholder.get(familyId) ?? '', childId, familyId });
  }
  for (const v of signedVisits(records.visits)) {
    if (!isKind(v.data.type) || counted.has(v.data.contactId)) continue;
    const { childId, familyId } = v.data;
    events.push({ kind: v.data.type, date: v.data.date, nurse: tovholder.get(familyId) ?? '', childId, familyId });
  }
  return events;
}
