/**
 * Outcome proxies (domain.md §7), from signed visits dated in the period:
 * - change in the assessment levels between a child's 1½- and 3-year visits, per area (for
 *   children whose 3-year visit with assessments falls in the period, against the latest 1½-year
 *   visit with assessments before it; corrections count as they hold now);
 * - EPDS at or above the cut-off, and whether the family was visited again within the follow-up
 *   window (default 14 days; unverified, an option until it is a municipality setting);
 * - ADBB at or above the cut-off, and whether the repeat ADBB fell in its 1–2-week window;
 * - referrals (by target) and notifications (underretninger).
 */
import { addDaysIso } from '../caseload/calendar.ts';
import { type AssessmentArea, assessmentAreas, assessmentLevels, currentObservations } from '../visits/observation.ts';
import { type ReferralTarget, referralTargets } from '../visits/visit.ts';
import { inPeriod, type Period } from './period.ts';
import { type EvaluationRecords, groupBy, signedVisits } from './records.ts';
import { type Tally, tallyBy, tallyOf } from './tally.ts';

export const changeCategories = ['improved', 'unchanged', 'worsened'] as const;
export type ChangeCategory = (typeof changeCategories)[number];
export const followUpCategories = ['in-window', 'late', 'missing', 'pending'] as const;
export type FollowUpCategory = (typeof followUpCategories)[number];

export const DEFAULT_EPDS_FOLLOW_UP_DAYS = 14;

export type OutcomeIndicator = {
  /** Children with both visits assessed; per area the change where both levels are known. */
  compared: Tally;
  assessmentChange: Record<AssessmentArea, Record<ChangeCategory, Tally>>;
  epdsAbove: Tally;
  epdsFollowUp: Record<FollowUpCategory, Tally>;
  adbbAbove: Tally;
  adbbFollowUp: Record<FollowUpCategory, Tally>;
  visits: Tally;
  referrals: Tally;
  referralsByTarget: Record<ReferralTarget, Tally>;
  notifications: Tally;
};

const rank = (level: string) => assessmentLevels.indexOf(level as (typeof assessmentLevels)[number]);

export function outcomeIndicator(
  records: Pick<EvaluationRecords, 'visits' | 'observations' | 'instruments'>,
  period: Period,
  today: string,
  options: { epdsFollowUpDays?: number } = {},
): OutcomeIndicator {
  const signed = signedVisits(records.visits);
  const visitById = new Map(signed.map((v) => [v.id, v.data]));
  const inP = signed.filter((v) => inPeriod(v.data.date, period));
  const unit = <V extends { data: { childId: string; familyId: string } }>(v: V) => ({
    ...v,
    childId: v.data.childId,
    familyId: v.data.familyId,
  });

  // Assessments that hold now, per signed visit.
  const levels = new Map<string, Partial<Record<AssessmentArea, string>>>();
  for (const [visitId, obs] of groupBy(records.observations, (o) => o.data.visitId)) {
    if (!visitById.has(visitId)) continue;
    const current = currentObservations(obs).assessments?.current.data.values;
    if (current?.section !== 'assessments') continue;
    levels.set(visitId, Object.fromEntries(assessmentAreas.map((a) => [a, current.areas[a].level])));
  }
  const assessed = (type: string) =>
    signed.filter((v) => v.data.type === type && levels.has(v.id)).sort((a, b) => (a.data.date < b.data.date ? -1 : 1));
  const earlyByChild = groupBy(assessed('besoeg-1-5-aar'), (v) => v.data.childId);
  const pairs: { childId: string; familyId: string; early: string; late: string }[] = [];
  const seenChild = new Set<string>();
  for (const late of assessed('besoeg-3-aar')) {
    if (!inPeriod(late.data.date, period) || seenChild.has(late.data.childId)) continue;
    const early = (earlyByChild.get(late.data.childId) ?? []).filter((v) => v.data.date < late.data.date).at(-1);
    if (!early) continue;
    seenChild.add(late.data.childId);
    pairs.push({ childId: late.data.childId, familyId: late.data.familyId, early: early.id, late: late.id });
  }
  const assessmentChange = Object.fromEntries(
    assessmentAreas.map((area) => {
      const changes = pairs.flatMap((p) => {
        const a = rank(levels.get(p.early)?.[area] ?? '');
        const b = rank(levels.get(p.late)?.[area] ?? '');
        if (a < 0 || b < 0) return [];
        return [{ ...p, change: (b < a ? 'improved' : b > a ? 'worsened' : 'unchanged') as ChangeCategory }];
      });
      return [area, tallyBy(changes, (c) => c.change, changeCategories)];
    }),
  ) as OutcomeIndicator['assessmentChange'];

  // EPDS: a further signed visit to the family within the window counts as the follow-up.
  const days = options.epdsFollowUpDays ?? DEFAULT_EPDS_FOLLOW_UP_DAYS;
  const visitDatesByFamily = groupBy(signed, (v) => v.data.familyId);
  const responses = records.instruments.filter((r) => {
    const visit = visitById.get(r.data.visitId);
    return visit !== undefined && inPeriod(visit.date, period);
  });
  const follow = (later: string[], from: string, to: string): FollowUpCategory => {
    if (later.some((d) => d >= from && d <= to)) return 'in-window';
    if (later.some((d) => d > to)) return 'late';
    return to < today ? 'missing' : 'pending';
  };
  const epds = responses.flatMap((r) => {
    const visit = visitById.get(r.data.visitId);
    if (r.data.response.instrument !== 'EPDS' || !r.data.response.flags.includes('above-cutoff') || !visit) return [];
    const later = (visitDatesByFamily.get(r.data.familyId) ?? []).map((v) => v.data.date).filter((d) => d > visit.date);
    const category = follow(later, addDaysIso(visit.date, 1), addDaysIso(visit.date, days));
    return [{ childId: r.data.childId, familyId: r.data.familyId, category }];
  });
  const adbbByChild = groupBy(
    records.instruments.filter((r) => r.data.response.instrument === 'ADBB' && visitById.has(r.data.visitId)),
    (r) => r.data.childId,
  );
  const adbb = responses.flatMap((r) => {
    const res = r.data.response;
    if (res.instrument !== 'ADBB' || !res.flags.includes('above-cutoff') || !res.followUpWindow) return [];
    const later = (adbbByChild.get(r.data.childId) ?? [])
      .map((o) => (o.data.response.instrument === 'ADBB' ? o.data.response.visitDate : ''))
      .filter((d) => d > res.visitDate);
    const category = follow(later, res.followUpWindow.from, res.followUpWindow.to);
    return [{ childId: r.data.childId, familyId: r.data.familyId, category }];
  });

  const referred = inP.filter((v) => v.data.referrals.length > 0).map(unit);
  return {
    compared: tallyOf(pairs),
    assessmentChange,
    epdsAbove: tallyOf(epds),
    epdsFollowUp: tallyBy(epds, (e) => e.category, followUpCategories),
    adbbAbove: tallyOf(adbb),
    adbbFollowUp: tallyBy(adbb, (e) => e.category, followUpCategories),
    visits: tallyOf(inP.map(unit)),
    referrals: tallyOf(referred),
    referralsByTarget: Object.fromEntries(
      referralTargets.map((t) => [t, tallyOf(referred.filter((v) => v.data.referrals.includes(t)))]),
    ) as Record<ReferralTarget, Tally>,
    notifications: tallyOf(inP.filter((v) => v.data.notification).map(unit)),
  };
}
