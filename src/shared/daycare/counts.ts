/**
 * The daycare-cooperation indicator (domain.md §7), computable from the records alone, no free
 * text: interdisciplinary home visits and meetings in daycare (by legal basis), handovers (with
 * consent or under an exception), talks in daycare (and their participants) and competence-forum
 * meetings, within a period (inclusive dates). Only signed originals count: a draft disclosed
 * nothing and an addition is part of the handover it adds to. For the evaluation overview.
 */
import type { Activity } from './activity.ts';
import type { Handover } from './handover.ts';
import type { Meeting } from './meeting.ts';

export type Period = { from: string; to: string };

export type CooperationCounts = {
  interdisciplinaryHomeVisits: number;
  meetingsInDaycare: number;
  /** Meetings of either type held under the barnets lov exception rather than consent. */
  meetingsUnderException: number;
  handovers: number;
  handoversWithConsent: number;
  handoversUnderException: number;
  talks: number;
  talkParticipants: number;
  competenceForums: number;
};

type Signed = Pick<Handover, 'status' | 'amendsId' | 'date' | 'legalBasis'>;

const inPeriod = (date: string, period: Period) => date >= period.from && date <= period.to;
const countable = <T extends Signed>(list: readonly T[], period: Period) =>
  list.filter((r) => r.status === 'underskrevet' && r.amendsId === '' && inPeriod(r.date, period));

export function cooperationCounts(
  input: {
    handovers: readonly Signed[];
    meetings: readonly (Signed & Pick<Meeting, 'type'>)[];
    activities: readonly Pick<Activity, 'type' | 'date' | 'participantsCount'>[];
  },
  period: Period,
): CooperationCounts {
  const handovers = countable(input.handovers, period);
  const meetings = countable(input.meetings, period);
  const activities = input.activities.filter((a) => inPeriod(a.date, period));
  const talks = activities.filter((a) => a.type === 'oplaeg');
  return {
    interdisciplinaryHomeVisits: meetings.filter((m) => m.type === 'tvaerfagligt-hjemmebesoeg').length,
    meetingsInDaycare: meetings.filter((m) => m.type === 'moede-i-dagtilbud').length,
    meetingsUnderException: meetings.filter((m) => m.legalBasis === 'undtagelse').length,
    handovers: handovers.length,
    handoversWithConsent: handovers.filter((h) => h.legalBasis === 'samtykke').length,
    handoversUnderException: handovers.filter((h) => h.legalBasis === 'undtagelse').length,
    talks: talks.length,
    talkParticipants: talks.reduce((sum, a) => sum + (a.participantsCount ?? 0), 0),
    competenceForums: activities.filter((a) => a.type === 'kompetenceforum').length,
  };
}
