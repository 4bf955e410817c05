/**
 * Reach of the extra visits at 1½ and 3 years (domain.md §7), children and families counted apart.
 * Every figure counts events dated in the period, so adjacent periods add up (per child, and per
 * family for the family-level events):
 * - identified: children who met the municipality's rule in the period (e.g. the 6th completed
 *   contact in year 1 under "more than 5"); their families;
 * - offered: families offered the visits in the period, with the children the offer concerns; of
 *   those, accepted, declined (by reason) and not answered yet (the three add up to offered);
 * - completed: children whose 1½- (3-)year visit was first done in the period (a completed contact
 *   or a signed visit of that type); their families;
 * - lost to follow-up: families lost in the period, by reason (moved, no contact).
 */
import { type DeclineReason, declineReasons, type LostReason, lostReasons } from '../schemas/family.ts';
import { addDaysFast } from './dates.ts';
import { inPeriod, type Period } from './period.ts';
import { type EvaluationRecords, type EvaluationSettings, groupBy, signedVisits } from './records.ts';
import { type Tally, tallier, tallyBy, tallyOf } from './tally.ts';
import { concernedChildren, type ExtraVisitType, extraVisitTypes } from './windows.ts';

export type ReachIndicator = {
  identified: Tally;
  offered: Tally;
  accepted: Tally;
  declined: Tally;
  unanswered: Tally;
  declinedByReason: Record<DeclineReason, Tally>;
  completed: Record<ExtraVisitType, Tally>;
  lost: Tally;
  lostByReason: Record<LostReason, Tally>;
};

type Dated = { id: string; data: { status: string; doneDate: string; plannedDate: string; targetDate: string } };

/**
 * The day a child met the rule: the date of the (moreThan + 1)-th completed contact within the
 * child's first `withinDays` days (as extraVisitsEligible counts them), or null.
 */
export function identifiedOn(
  birthDate: string,
  contacts: readonly Dated[],
  rule: EvaluationSettings['extraVisitsRule'],
): string | null {
  // Day 0 is the birth date; day withinDays is the first day outside (ISO dates compare as strings).
  const end = addDaysFast(birthDate, rule.withinDays);
  const days = contacts
    .filter((c) => c.data.status === 'gennemfoert')
    .map((c) => c.data.doneDate || c.data.plannedDate || c.data.targetDate)
    .filter((date) => date >= birthDate && date < end)
    .sort();
  return days[rule.moreThan] ?? null;
}

/** The first day each child's extra visit of `type` was done: completed contacts and signed visits. */
export function extraVisitDone(records: Pick<EvaluationRecords, 'contacts' | 'visits'>, type: ExtraVisitType) {
  const first = new Map<string, { date: string; familyId: string }>();
  const note = (childId: string, familyId: string, date: string) => {
    const seen = first.get(childId);
    if (date !== '' && (!seen || date < seen.date)) first.set(childId, { date, familyId });
  };
  for (const c of records.contacts)
    if (c.data.type === type && c.data.status === 'gennemfoert') note(c.data.childId, c.data.familyId, c.data.doneDate);
  for (const v of signedVisits(records.visits))
    if (v.data.type === type) note(v.data.childId, v.data.familyId, v.data.date);
  return first;
}

export function reachIndicator(
  records: EvaluationRecords,
  period: Period,
  settings: EvaluationSettings,
): ReachIndicator {
  const contactsByChild = groupBy(records.contacts, (c) => c.data.childId);
  const childrenByFamily = groupBy(records.children, (c) => c.data.familyId);

  const identified = tallier();
  for (const child of records.children) {
    const on = identifiedOn(child.data.birthDate, contactsByChild.get(child.id) ?? [], settings.extraVisitsRule);
    if (on !== null && inPeriod(on, period)) identified.add({ childId: child.id, familyId: child.data.familyId });
  }

  const offers = records.families
    .filter((f) => inPeriod(f.data.extraVisitsOffer.offeredOn, period))
    .map((f) => ({
      familyId: f.id,
      offer: f.data.extraVisitsOffer,
      childIds: concernedChildren(childrenByFamily.get(f.id) ?? [], f.data.extraVisitsOffer.offeredOn, settings).map(
        (c) => c.id,
      ),
    }));
  const declined = offers.filter((o) => o.offer.answer === 'afslaaet');

  const completed = Object.fromEntries(
    extraVisitTypes.map((type) => {
      const done = [...extraVisitDone(records, type)].filter(([, d]) => inPeriod(d.date, period));
      return [type, tallyOf(done.map(([childId, d]) => ({ childId, familyId: d.familyId })))];
    }),
  ) as Record<ExtraVisitType, Tally>;

  const lostUnits = records.families
    .filter((f) => f.data.lostToFollowUp.reason !== '' && inPeriod(f.data.lostToFollowUp.date, period))
    .map((f) => ({
      familyId: f.id,
      reason: f.data.lostToFollowUp.reason as LostReason,
      childIds: concernedChildren(childrenByFamily.get(f.id) ?? [], f.data.lostToFollowUp.date, settings).map(
        (c) => c.id,
      ),
    }));

  return {
    identified: identified.done(),
    offered: tallyOf(offers),
    accepted: tallyOf(offers.filter((o) => o.offer.answer === 'accepteret')),
    declined: tallyOf(declined),
    unanswered: tallyOf(offers.filter((o) => o.offer.answer === '')),
    declinedByReason: tallyBy(declined, (o) => (o.offer.declineReason || null) as DeclineReason | null, declineReasons),
    completed,
    lost: tallyOf(lostUnits),
    lostByReason: tallyBy(lostUnits, (u) => u.reason, lostReasons),
  };
}
