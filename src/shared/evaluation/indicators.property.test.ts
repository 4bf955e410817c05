/**
 * Property tests of the indicators on random caseloads (arbitrary.ts): no count exceeds its
 * denominator and parts add up to their whole; two adjacent periods add up to the period they make
 * (for the figures that count dated events once); and the nurses' figures add up to the team's
 * (everything attributed to a family's tovholder, i.e. all but COS-P, which belongs to the
 * course's facilitators: a course with two facilitators counts for both).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysIso } from '../caseload/calendar.ts';
import { defaultSettings } from '../caseload/settings.ts';
import { caseloadArbitrary, day } from './arbitrary.ts';
import { caseloadByNurse } from './caseload.ts';
import { computeIndicators, type Indicators } from './indicators.ts';
import { nursesOf } from './records.ts';
import type { Tally } from './tally.ts';

const settings = defaultSettings;
const TODAY = '2026-04-15';
const isTally = (v: unknown): v is Tally =>
  typeof v === 'object' && v !== null && 'n' in v && 'children' in v && 'families' in v;

/** Every tally of the indicators by a stable path (rows and topics keyed by their key, not position). */
function tallies(value: unknown, path = '', out = new Map<string, Tally>()): Map<string, Tally> {
  if (isTally(value)) out.set(path, value);
  else if (Array.isArray(value))
    for (const item of value) {
      const key = (item as { key?: string; topic?: string }).key ?? (item as { topic?: string }).topic;
      tallies(key === undefined ? item : { ...item, key: undefined, topic: undefined }, `${path}.${key}`, out);
    }
  else if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) if (k !== 'captured') tallies(v, path ? `${path}.${k}` : k, out);
  return out;
}

/** Days from the first to the last day (at least 1 in the generated periods). */
const dayCount = (p: { from: string; to: string }) => Math.round((Date.parse(p.to) - Date.parse(p.from)) / 86_400_000);
const sum = (ts: Tally[]) => ts.reduce((s, t) => s + t.n, 0);
const period = fc
  .tuple(day, fc.oneof(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 20 })))
  .map(([from, length]) => ({ from, to: addDaysIso(from, length) }));

function checkBounds(ind: Indicators) {
  const { reach: r, timeliness, content, cosp, outcomes: o, cooperation } = ind;
  expect(sum([r.accepted, r.declined, r.unanswered])).toBe(r.offered.n);
  expect(sum(Object.values(r.declinedByReason))).toBe(r.declined.n);
  expect(sum(Object.values(r.lostByReason))).toBe(r.lost.n);
  // Family-level events: one unit per family.
  for (const t of [r.offered, r.accepted, r.declined, r.unanswered, r.lost]) expect(t.families.length).toBe(t.n);
  for (const row of [...timeliness.byVisit, timeliness.total])
    expect(sum([row['in-window'], row.early, row.late, row.missing])).toBe(row.judged.n);
  expect(sum(timeliness.byVisit.map((row) => row.judged))).toBe(timeliness.total.judged.n);
  const parts = [
    ...Object.values(content.instruments),
    ...Object.values(content.materials),
    ...content.topics.map((t) => t.tally),
  ];
  for (const t of parts) {
    expect(t.n).toBeLessThanOrEqual(content.visits.n);
    expect(t.children.every((id) => content.visits.children.includes(id))).toBe(true);
  }
  expect(sum([cosp.completers, cosp.dropouts, cosp.notStarted, cosp.belowThreshold])).toBe(cosp.participants.n);
  expect(sum(Object.values(cosp.dropoutsByReason))).toBe(cosp.dropouts.n);
  for (const area of Object.values(o.assessmentChange))
    expect(sum(Object.values(area))).toBeLessThanOrEqual(o.compared.n);
  expect(sum(Object.values(o.epdsFollowUp))).toBe(o.epdsAbove.n);
  expect(sum(Object.values(o.adbbFollowUp))).toBe(o.adbbAbove.n);
  expect(o.referrals.n).toBeLessThanOrEqual(o.visits.n);
  expect(o.notifications.n).toBeLessThanOrEqual(o.visits.n);
  for (const t of Object.values(o.referralsByTarget)) expect(t.n).toBeLessThanOrEqual(o.referrals.n);
  expect(sum(Object.values(cooperation.handoversByBasis))).toBe(cooperation.byKind.overlevering.n);
  // No tally counts more distinct children or families than units, except family units (children behind).
  for (const [path, t] of tallies(ind)) {
    expect(t.families.length, path).toBeLessThanOrEqual(t.n);
    if (!path.startsWith('reach.') || path.startsWith('reach.identified') || path.startsWith('reach.completed'))
      expect(t.children.length, path).toBeLessThanOrEqual(t.n);
  }
}

/** Figures that are not a count of dated events: the comparison takes each child's first 3-year visit. */
const notAdditive = (path: string) =>
  path.startsWith('outcomes.compared') || path.startsWith('outcomes.assessmentChange');

describe('indicator properties on random caseloads', () => {
  it('counts never exceed their denominators and parts add up, for the team and each nurse', () => {
    fc.assert(
      fc.property(caseloadArbitrary, period, (records, p) => {
        const options = { period: p, today: TODAY, settings };
        checkBounds(computeIndicators(records, options));
        for (const nurse of nursesOf(records)) checkBounds(computeIndicators(records, { ...options, nurse }));
      }),
      { numRuns: 150 },
    );
  });

  it('two adjacent periods add up to the whole (units; distinct families at most)', () => {
    fc.assert(
      fc.property(caseloadArbitrary, period, fc.integer({ min: 1, max: 400 }), (records, whole, cut) => {
        // The second part starts on a day after the first day and not after the last.
        const at = addDaysIso(whole.from, 1 + (cut % dayCount(whole)));
        const first = { from: whole.from, to: addDaysIso(at, -1) };
        const second = { from: at, to: whole.to };
        const [all, a, b] = [whole, first, second].map((q) =>
          tallies(computeIndicators(records, { period: q, today: TODAY, settings })),
        ) as [Map<string, Tally>, Map<string, Tally>, Map<string, Tally>];
        for (const [path, t] of all) {
          if (notAdditive(path)) continue;
          const parts = [a.get(path), b.get(path)].filter((x): x is Tally => x !== undefined);
          expect(sum(parts), path).toBe(t.n);
          expect(t.families.length, path).toBeLessThanOrEqual(parts.reduce((s, x) => s + x.families.length, 0));
        }
        const started = [first, second].map(
          (q) => computeIndicators(records, { period: q, today: TODAY, settings }).cosp,
        );
        const total = computeIndicators(records, { period: whole, today: TODAY, settings }).cosp;
        expect(started.reduce((s, c) => s + c.sessionsHeld, 0)).toBe(total.sessionsHeld);
        expect(started.reduce((s, c) => s + c.coursesStarted, 0)).toBe(total.coursesStarted);
      }),
      { numRuns: 150 },
    );
  });

  it("the nurses' figures (families without a tovholder included) add up to the team's, COS-P apart", () => {
    fc.assert(
      fc.property(caseloadArbitrary, period, (records, p) => {
        const options = { period: p, today: TODAY, settings };
        const team = tallies(computeIndicators(records, options));
        const byNurse = nursesOf(records).map((nurse) => tallies(computeIndicators(records, { ...options, nurse })));
        for (const [path, t] of team) {
          if (path.startsWith('cosp.')) continue;
          expect(sum(byNurse.map((m) => m.get(path)).filter((x): x is Tally => x !== undefined)), path).toBe(t.n);
        }
        const load = caseloadByNurse(records, TODAY);
        for (const key of ['families', 'children', 'plannedThisMonth', 'overdue'] as const)
          expect(sum(load.rows.map((r) => r[key])), key).toBe(load.team[key].n);
      }),
      { numRuns: 150 },
    );
  });
});
