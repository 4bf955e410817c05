/**
 * The indicators on a caseload written down by hand (fixture.ts), for Q1 2026 computed on
 * 2026-04-15 with the default settings. Each expected figure is worked out in the comments.
 */
import { describe, expect, it } from 'vitest';
import { caseloadByNurse } from './caseload.ts';
import { fixture, Q1, settings, TODAY } from './fixture.ts';
import { computeIndicators } from './indicators.ts';
import type { Tally } from './tally.ts';

const team = computeIndicators(fixture, { period: Q1, today: TODAY, settings });
/** n, children, families of a tally, for compact expectations. */
const c = (t: Tally) => [t.n, t.children.length, t.families.length];

describe('reach of the extra visits, Q1 2026', () => {
  const r = team.reach;
  it('identified: only C2 met "more than 5 contacts in year 1" in Q1 (6th on 2026-02-15; C1 in 2025)', () => {
    expect(r.identified.children).toEqual(['C2']);
    expect(c(r.identified)).toEqual([1, 1, 1]);
  });
  it('offered in Q1: F1 (accepted), F2 (declined, tidspres), F6 (no answer); F3 was offered in 2025', () => {
    expect(r.offered.families).toEqual(['F1', 'F2', 'F6']);
    expect(r.offered.children).toEqual(['C1', 'C2', 'C6']);
    expect(c(r.accepted)).toEqual([1, 1, 1]);
    expect(c(r.declined)).toEqual([1, 1, 1]);
    expect(c(r.unanswered)).toEqual([1, 1, 1]);
    expect(r.declinedByReason.tidspres.families).toEqual(['F2']);
    expect(r.declinedByReason['intet-behov'].n).toBe(0);
  });
  it('completed: C1 at 1½ years (contact K1 and visit V1, once); C3a at 3 years (signed visit V3)', () => {
    expect(r.completed['besoeg-1-5-aar'].children).toEqual(['C1']);
    expect(r.completed['besoeg-3-aar'].children).toEqual(['C3a']);
  });
  it('lost to follow-up: F4 moved on 2026-03-05, with C4', () => {
    expect(r.lost.families).toEqual(['F4']);
    expect(r.lost.children).toEqual(['C4']);
    expect(r.lostByReason.fraflyttet.n).toBe(1);
    expect(r.lostByReason['ingen-kontakt'].n).toBe(0);
  });
});

describe('timeliness against the windows in the settings', () => {
  it('judges the four visits whose window closes in Q1: K1 in window, K5 early, K6 late, K2 missing', () => {
    // K1: 2026-01-12 within 2025-12-10..2026-03-10. K5: done 2025-12-01 before 2025-12-15 (the
    // stored window 2026-01-20..2026-04-20 is stale and would leave K5 out of Q1). K6: 2026-01-25
    // after 2026-01-10. K2: not done, window closed 2026-02-01. K2x was cancelled by the service.
    const t = team.timeliness.total;
    expect([t.judged.n, t['in-window'].n, t.early.n, t.late.n, t.missing.n]).toEqual([4, 1, 1, 1, 1]);
    expect(t.early.children).toEqual(['C5']);
    expect(t.late.children).toEqual(['C6']);
    expect(t.missing.children).toEqual(['C2']);
    expect(team.timeliness.byVisit.map((row) => [row.key, row.judged.n])).toEqual([
      ['besoeg-8-11-md', 3],
      ['besoeg-1-5-aar', 1],
    ]);
  });
});

describe('content of the signed visits in Q1', () => {
  it('counts V1, V2, V3, V5 and V7 (V4 is from 2024, V6 a draft), their instruments, materials and topics', () => {
    const k = team.content;
    expect(c(k.visits)).toEqual([5, 3, 3]);
    expect(k.instruments.EPDS.n).toBe(2); // V1 (mother), V5 (father)
    expect(k.instruments.ADBB.n).toBe(1); // V5
    expect(k.instruments.TOPI.n).toBe(1); // V3
    expect(k.materials.doegnhjul.n).toBe(2); // V1, V3
    expect(k.materials.alderskort.n).toBe(1); // V3
    expect(k.topics.map((t) => [t.topic, t.tally.n])).toEqual([
      ['soevn', 2],
      ['sprog', 1],
    ]);
  });
});

describe('COS-P in Q1', () => {
  it('one course started and completed with 8 sessions; E1 completes, E2 dropped out (sygdom)', () => {
    const p = team.cosp;
    expect([p.coursesStarted, p.coursesCompleted, p.sessionsHeld]).toEqual([1, 1, 8]);
    // E1 mødt at 8 sessions; E2 mødt at S1, S2, afbud S3, udeblevet S4, nothing at S5–S8.
    expect([p.attendance.moedt.n, p.attendance.afbud.n, p.attendance.udeblevet.n]).toEqual([10, 1, 1]);
    expect(p.attendance.unrecorded.n).toBe(4);
    expect(c(p.participants)).toEqual([2, 2, 2]);
    expect(p.completers.families).toEqual(['F1']); // 8 distinct chapters ≥ 6
    expect(p.dropouts.families).toEqual(['F2']); // 2 chapters, dropped out
    expect(p.dropoutsByReason.sygdom.n).toBe(1);
    expect(p.notStarted.n + p.belowThreshold.n).toBe(0);
  });
});

describe('cooperation with daycare in Q1', () => {
  it('counts K4 (interdisciplinary home visit) and K7 (meeting in daycare, its visit V7 not twice)', () => {
    const k = team.cooperation;
    expect(k.byKind['tvaerfagligt-hjemmebesoeg'].families).toEqual(['F4']);
    expect(k.byKind['moede-i-dagtilbud'].n).toBe(1);
    expect(k.byKind.overlevering.n).toBe(0);
    expect(k.captured.overlevering).toBe(false);
  });
});

describe('outcome proxies in Q1', () => {
  const o = team.outcomes;
  it('compares C3a at 1½ (V4) and 3 years (V3 as corrected): søvn improved, motorik worsened', () => {
    expect(o.compared.children).toEqual(['C3a']);
    // søvn: problem → normal (the correction O3c holds now; the first record, problem, would read unchanged).
    expect(o.assessmentChange.soevn.improved.n).toBe(1);
    expect(o.assessmentChange.motorik.worsened.n).toBe(1);
    // netværk was not assessed at 1½ years: not comparable, in no category.
    expect(Object.values(o.assessmentChange.netvaerk).map((t) => t.n)).toEqual([0, 0, 0]);
    // The other seven areas were normal both times.
    const unchanged = Object.values(o.assessmentChange).filter((a) => a.unchanged.n === 1).length;
    expect(unchanged).toBe(7);
  });
  it('EPDS above the cut-off twice: F1 visited again 8 days later (V2), F2 never: missing', () => {
    expect(o.epdsAbove.n).toBe(2);
    expect(o.epdsFollowUp['in-window'].families).toEqual(['F1']);
    expect(o.epdsFollowUp.missing.families).toEqual(['F2']);
  });
  it('ADBB above the cut-off once (C2), repeat window 2026-02-27..03-06 closed without a repeat', () => {
    expect(o.adbbAbove.n).toBe(1);
    expect(o.adbbFollowUp.missing.children).toEqual(['C2']);
  });
  it('one referral (V1: egen læge) and one notification (V3)', () => {
    expect(o.referrals.n).toBe(1);
    expect(o.referralsByTarget['egen-laege'].children).toEqual(['C1']);
    expect(o.notifications.families).toEqual(['F3']);
  });
});

describe('one nurse', () => {
  it("Anne's figures are those of F1, F2 and her course; Birte's (written ' birte ') F3, F5, F6", () => {
    const anne = computeIndicators(fixture, { period: Q1, today: TODAY, settings, nurse: 'anne' });
    expect(anne.reach.offered.families).toEqual(['F1', 'F2']);
    expect(anne.timeliness.total.judged.n).toBe(2); // K1, K2
    expect(anne.cosp.sessionsHeld).toBe(8);
    const birte = computeIndicators(fixture, { period: Q1, today: TODAY, settings, nurse: 'Birte' });
    expect(birte.reach.offered.families).toEqual(['F6']);
    expect(birte.outcomes.notifications.n).toBe(1);
    expect(birte.cosp.sessionsHeld).toBe(0);
    const none = computeIndicators(fixture, { period: Q1, today: TODAY, settings, nurse: '' });
    expect(none.reach.lost.families).toEqual(['F4']);
  });
});

describe('caseload per nurse on 2026-04-15', () => {
  it('active families and children by tovholder, April contacts and overdue by the worklist', () => {
    const { rows, team: total } = caseloadByNurse(fixture, TODAY);
    const byName = Object.fromEntries(
      rows.map((r) => [r.nurse, [r.families.n, r.children.n, r.plannedThisMonth.n, r.overdue.n]]),
    );
    // Anne: F1, F2 with C1, C2; K2 overdue. Birte: F3, F5, F6 with C3a, C3b, C5, C6; K3b on 04-20.
    expect(byName).toEqual({ Anne: [2, 2, 0, 1], birte: [3, 4, 1, 0] });
    // F4 moved: not active, and has no open contact, so no row.
    expect([total.families.n, total.children.n, total.plannedThisMonth.n, total.overdue.n]).toEqual([5, 6, 1, 1]);
  });
});
