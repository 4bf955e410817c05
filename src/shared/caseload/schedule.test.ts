import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysIso } from './calendar.ts';
import type { Contact, ContactStatus } from './contact.ts';
import {
  contactFromPlan,
  hasPlanChanges,
  type PlanChanges,
  type PlannedContact,
  planContacts,
  reconcilePlan,
} from './schedule.ts';
import { defaultSettings, type ScheduleEntry } from './settings.ts';

const owner = { childId: '1c4d6b4f-9b5a-4d4a-8e2f-4a5b6c7d8e9f', familyId: '0b3c5a3e-8a4f-4c39-9d1e-3f4f5a6b7c8d' };
type Stored = Contact & { id: string };

const monthEntry = (key: string, target: number, from: number, to: number): ScheduleEntry => ({
  key,
  type: 'behovsbesoeg',
  label: key,
  extraVisit: false,
  ageBasis: 'foedsel',
  unit: 'maaneder',
  targetAgeMonths: target,
  windowFromMonths: from,
  windowToMonths: to,
});
const dayEntry = (key: string, target: number, before: number, after: number): ScheduleEntry => ({
  key,
  type: 'behovsbesoeg',
  label: key,
  extraVisit: false,
  ageBasis: 'foedsel',
  unit: 'dage',
  targetAgeDays: target,
  windowBeforeDays: before,
  windowAfterDays: after,
});
const settingsWith = (schedule: ScheduleEntry[]) => ({ schedule, correctedAgeBelowWeeks: 37 });

const store = (plan: PlannedContact[], prefix = 'c') =>
  plan.map((p, i): Stored => ({ id: `${prefix}${String(i).padStart(2, '0')}`, ...contactFromPlan(p, owner) }));

/** What a device does with the result: create, update and cancel records (never delete). */
function apply(contacts: Stored[], changes: PlanChanges, prefix = 'n'): Stored[] {
  const byId = new Map(contacts.map((c) => [c.id, c]));
  for (const u of [...changes.update, ...changes.cancel]) {
    const c = byId.get(u.id);
    if (c) byId.set(u.id, { ...c, ...u.changes });
  }
  const added = changes.add.map((p, i) => ({ id: `${prefix}${i}`, ...contactFromPlan(p, owner) }));
  return [...byId.values(), ...added];
}

const isoDateArb = fc
  .date({ min: new Date(2000, 0, 1), max: new Date(2040, 11, 31), noInvalidDate: true })
  .map(
    (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`,
  );

describe('planContacts', () => {
  it('plans the default year-1 visits, and the 1½- and 3-year visits only for families who qualify', () => {
    const child = { birthDate: '2025-03-14' };
    const plan = planContacts(child, defaultSettings, { extraVisits: false });
    expect(plan.map((p) => p.scheduleKey)).toEqual([
      'barselsbesoeg',
      'etableringsbesoeg',
      'besoeg-inden-1-md',
      'besoeg-2-md',
      'besoeg-4-6-md',
      'besoeg-8-11-md',
    ]);
    expect(plan[0]).toEqual({
      type: 'barselsbesoeg',
      scheduleKey: 'barselsbesoeg',
      targetDate: '2025-03-18',
      windowFrom: '2025-03-15',
      windowTo: '2025-03-21',
    });
    expect(plan[3]).toMatchObject({ targetDate: '2025-05-14', windowFrom: '2025-04-28', windowTo: '2025-05-28' });
    expect(plan[4]).toMatchObject({ targetDate: '2025-08-14', windowFrom: '2025-07-14', windowTo: '2025-09-14' });
    const extra = planContacts(child, defaultSettings, { extraVisits: true });
    expect(extra.slice(6)).toEqual([
      {
        type: 'besoeg-1-5-aar',
        scheduleKey: 'besoeg-1-5-aar',
        targetDate: '2026-09-14',
        windowFrom: '2026-08-14',
        windowTo: '2026-11-14',
      },
      {
        type: 'besoeg-3-aar',
        scheduleKey: 'besoeg-3-aar',
        targetDate: '2028-03-14',
        windowFrom: '2028-01-14',
        windowTo: '2028-05-14',
      },
    ]);
  });

  it('clamps month-based dates at month ends like ageInMonths', () => {
    const settings = settingsWith([monthEntry('en-md', 1, 0, 2)]);
    expect(planContacts({ birthDate: '2025-01-31' }, settings, { extraVisits: false })[0]).toMatchObject({
      targetDate: '2025-02-28',
      windowFrom: '2025-01-31',
      windowTo: '2025-03-31',
    });
    expect(planContacts({ birthDate: '2024-01-31' }, settings, { extraVisits: false })[0]?.targetDate).toBe(
      '2024-02-29',
    );
  });

  it('plans a leap-day birth: 18 months = 29 Aug, 36 months = 28 Feb', () => {
    const plan = planContacts({ birthDate: '2024-02-29' }, defaultSettings, { extraVisits: true });
    const at = (key: string) => plan.find((p) => p.scheduleKey === key);
    expect(at('besoeg-1-5-aar')).toMatchObject({
      targetDate: '2025-08-29',
      windowFrom: '2025-07-29',
      windowTo: '2025-10-29',
    });
    expect(at('besoeg-3-aar')).toMatchObject({
      targetDate: '2027-02-28',
      windowFrom: '2026-12-29',
      windowTo: '2027-04-29',
    });
    expect(
      planContacts({ birthDate: '2024-02-29' }, settingsWith([monthEntry('aar', 12, 12, 12)]), {
        extraVisits: false,
      })[0]?.targetDate,
    ).toBe('2025-02-28');
  });

  it('uses the corrected age for preterm children only on entries that ask for it', () => {
    const settings = settingsWith([
      { ...monthEntry('korrigeret', 5, 4, 6), ageBasis: 'korrigeret' },
      monthEntry('foedsel', 5, 4, 6),
    ]);
    // Born at 32+3 weeks: 280 − 227 = 53 days early.
    const preterm = { birthDate: '2025-03-14', gestationalAgeWeeks: 32, gestationalAgeDays: 3 };
    const [corrected, actual] = planContacts(preterm, settings, { extraVisits: false });
    expect(corrected?.targetDate).toBe('2025-10-06');
    expect(actual?.targetDate).toBe('2025-08-14');
    const term = { birthDate: '2025-03-14', gestationalAgeWeeks: 37, gestationalAgeDays: 0 };
    expect(planContacts(term, settings, { extraVisits: false })[0]?.targetDate).toBe('2025-08-14');
    const unknown = { birthDate: '2025-03-14', gestationalAgeWeeks: null };
    expect(planContacts(unknown, settings, { extraVisits: false })[0]?.targetDate).toBe('2025-08-14');
  });

  it('always puts the target inside its window, and is deterministic', () => {
    const entryArb = fc.oneof(
      fc
        .tuple(fc.integer({ min: -280, max: 1100 }), fc.nat(365), fc.nat(365))
        .map(([t, b, a]) => dayEntry('d', t, b, a)),
      fc
        .tuple(fc.nat(72), fc.nat(72), fc.nat(72))
        .map((xs) => xs.toSorted((a, b) => a - b))
        .map(([from = 0, target = 0, to = 0]) => monthEntry('m', target, from, to)),
    );
    fc.assert(
      fc.property(isoDateArb, entryArb, (birthDate, entry) => {
        const settings = settingsWith([entry]);
        const [p] = planContacts({ birthDate }, settings, { extraVisits: false });
        expect(p && p.windowFrom <= p.targetDate && p.targetDate <= p.windowTo).toBe(true);
        expect(planContacts({ birthDate }, settings, { extraVisits: false })).toEqual([p]);
      }),
    );
  });

  it('gives targets in schedule order for a monotonic schedule', () => {
    const ascending = (max: number) =>
      fc.array(fc.nat(max), { maxLength: 12 }).map((xs) => xs.toSorted((a, b) => a - b));
    const monotonic = (targets: PlannedContact[]) =>
      targets.every((p, i) => i === 0 || (targets[i - 1]?.targetDate ?? '') <= p.targetDate);
    fc.assert(
      fc.property(isoDateArb, ascending(1100), ascending(72), (birthDate, daysAges, monthAges) => {
        const byDays = settingsWith(daysAges.map((d, i) => dayEntry(`d${i}`, d, 0, 0)));
        const byMonths = settingsWith(monthAges.map((m, i) => monthEntry(`m${i}`, m, m, m)));
        expect(monotonic(planContacts({ birthDate }, byDays, { extraVisits: false }))).toBe(true);
        expect(monotonic(planContacts({ birthDate }, byMonths, { extraVisits: false }))).toBe(true);
        expect(monotonic(planContacts({ birthDate }, defaultSettings, { extraVisits: true }))).toBe(true);
      }),
    );
  });
});

describe('reconcilePlan', () => {
  const plan = (birthDate: string, extraVisits = false) =>
    planContacts({ birthDate }, defaultSettings, { extraVisits });

  it('creates the whole plan from nothing, skipping windows already closed when asked', () => {
    const created = reconcilePlan([], plan('2025-03-14'));
    expect(created.add).toEqual(plan('2025-03-14'));
    const late = reconcilePlan([], plan('2025-03-14'), { addFrom: '2025-06-01' });
    expect(late.skipped).toEqual(['barselsbesoeg', 'etableringsbesoeg', 'besoeg-inden-1-md', 'besoeg-2-md']);
    expect(late.add.map((p) => p.scheduleKey)).toEqual(['besoeg-4-6-md', 'besoeg-8-11-md']);
  });

  it('shifts only untouched planned contacts when the birth date is corrected', () => {
    const contacts = store(plan('2025-03-14'));
    const set = (i: number, patch: Partial<Stored>) => {
      contacts[i] = { ...(contacts[i] as Stored), ...patch };
    };
    set(0, { status: 'gennemfoert', doneDate: '2025-03-18' });
    set(1, { status: 'aflyst-af-familien' });
    set(3, { plannedDate: '2025-05-20' });
    const manual: Stored = {
      ...(contacts[2] as Stored),
      id: 'm1',
      source: 'manual',
      scheduleKey: '',
      type: 'behovsbesoeg',
    };
    const before = structuredClone([...contacts, manual]);

    const changes = reconcilePlan([...contacts, manual], plan('2025-03-10'));

    expect(changes.add).toEqual([]);
    expect(changes.cancel).toEqual([]);
    expect(changes.update).toEqual([
      { id: 'c02', changes: { targetDate: '2025-03-31', windowFrom: '2025-03-24', windowTo: '2025-04-09' } },
      { id: 'c04', changes: { targetDate: '2025-08-10', windowFrom: '2025-07-10', windowTo: '2025-09-10' } },
      { id: 'c05', changes: { targetDate: '2025-12-10', windowFrom: '2025-11-10', windowTo: '2026-02-10' } },
    ]);
    expect(changes.review).toEqual([{ id: 'c03', reason: 'plan-changed', planned: plan('2025-03-10')[3] }]);
    expect([...contacts, manual]).toEqual(before);
  });

  it('a birth date corrected into the past does not leave long-closed visits overdue: they are cancelled', () => {
    // Typed 500 days ahead by mistake, then corrected to 12 months ago (today 2026-05-12).
    const today = '2026-05-12';
    const addFrom = addDaysIso(today, -60);
    const wrong = reconcilePlan([], plan('2027-09-24', true), { addFrom });
    const contacts = apply([], wrong);
    expect(contacts).toHaveLength(8);
    const changes = reconcilePlan(contacts, plan('2025-05-12', true), { addFrom });
    const corrected = apply(contacts, changes);
    const open = corrected.filter((c) => c.status === 'planlagt');
    // Only the visits whose windows are still open or ahead stay planned, as for a child added today.
    expect(open.map((c) => c.scheduleKey).sort()).toEqual(['besoeg-1-5-aar', 'besoeg-3-aar', 'besoeg-8-11-md']);
    expect(open.every((c) => c.windowTo >= addFrom)).toBe(true);
    // The cancelled ones sit where the corrected plan puts them (the timeline shows them there).
    const byKey = new Map(plan('2025-05-12', true).map((p) => [p.scheduleKey, p]));
    for (const c of corrected.filter((c) => c.status !== 'planlagt')) {
      expect(c).toMatchObject({ status: 'aflyst-af-sundhedsplejen', windowTo: byKey.get(c.scheduleKey)?.windowTo });
    }
    expect(changes.cancel.map((c) => c.reason)).toEqual(Array(5).fill('window-passed'));
    expect(corrected).toHaveLength(8);
    // Applying the result and reconciling again changes nothing.
    expect(hasPlanChanges(reconcilePlan(corrected, plan('2025-05-12', true), { addFrom }))).toBe(false);
  });

  it('adds new schedule entries and cancels removed ones that are still planned, never deleting', () => {
    const contacts = store(plan('2025-03-14'));
    contacts[5] = { ...(contacts[5] as Stored), plannedDate: '2025-12-01' };
    contacts[0] = { ...(contacts[0] as Stored), status: 'gennemfoert', doneDate: '2025-03-18' };
    const withoutEarlyAndLate = plan('2025-03-14', true).filter(
      (p) => !['barselsbesoeg', 'besoeg-4-6-md', 'besoeg-8-11-md'].includes(p.scheduleKey),
    );
    const changes = reconcilePlan(contacts, withoutEarlyAndLate);
    expect(changes.add.map((p) => p.scheduleKey)).toEqual(['besoeg-1-5-aar', 'besoeg-3-aar']);
    expect(changes.cancel).toEqual([
      { id: 'c04', reason: 'removed-from-schedule', changes: { status: 'aflyst-af-sundhedsplejen' } },
    ]);
    expect(changes.review).toEqual([{ id: 'c05', reason: 'removed-from-schedule', planned: null }]);
    expect(changes.update).toEqual([]);
  });

  it('updates the type when a schedule entry changes type', () => {
    const contacts = store(plan('2025-03-14'));
    const schedule = defaultSettings.schedule.map((e) =>
      e.key === 'besoeg-inden-1-md' ? { ...e, type: 'behovsbesoeg' as const } : e,
    );
    const changes = reconcilePlan(
      contacts,
      planContacts({ birthDate: '2025-03-14' }, settingsWith(schedule), {
        extraVisits: false,
      }),
    );
    expect(changes.update).toEqual([{ id: 'c02', changes: { type: 'behovsbesoeg' } }]);
  });

  it('cancels duplicates made by two devices, keeping a booked or completed one', () => {
    const a = store(plan('2025-03-14'), 'a');
    const b = store(plan('2025-03-14'), 'b');
    a[1] = { ...(a[1] as Stored), status: 'gennemfoert', doneDate: '2025-03-21' };
    b[2] = { ...(b[2] as Stored), plannedDate: '2025-04-02' };
    const changes = reconcilePlan([...b, ...a], plan('2025-03-14'));
    expect(changes.cancel.map((c) => [c.id, c.reason])).toEqual([
      ['a02', 'duplicate'],
      ['b00', 'duplicate'],
      ['b01', 'duplicate'],
      ['b03', 'duplicate'],
      ['b04', 'duplicate'],
      ['b05', 'duplicate'],
    ]);
    expect(changes.add).toEqual([]);
    expect(changes.update).toEqual([]);
  });

  it('does not re-plan an entry the family cancelled', () => {
    const contacts = store(plan('2025-03-14'));
    contacts[3] = { ...(contacts[3] as Stored), status: 'aflyst-af-familien' };
    expect(hasPlanChanges(reconcilePlan(contacts, plan('2025-03-14')))).toBe(false);
  });

  it('is idempotent, order-independent and leaves history alone (property)', () => {
    const statuses: ContactStatus[] = [
      'planlagt',
      'gennemfoert',
      'aflyst-af-familien',
      'udeblevet',
      'aflyst-af-sundhedsplejen',
    ];
    const stateArb = fc.record({
      status: fc.constantFrom(...statuses),
      booked: fc.boolean(),
      copies: fc.integer({ min: 0, max: 2 }),
    });
    fc.assert(
      fc.property(
        isoDateArb,
        fc.integer({ min: -40, max: 40 }),
        fc.array(stateArb, { minLength: 8, maxLength: 8 }),
        fc.subarray(defaultSettings.schedule.map((e) => e.key)),
        fc.boolean(),
        (birthDate, shift, states, kept, extraVisits) => {
          const original = planContacts({ birthDate }, defaultSettings, { extraVisits: true });
          const contacts: Stored[] = original.flatMap((p, i) => {
            const s = states[i] ?? { status: 'planlagt', booked: false, copies: 1 };
            return Array.from({ length: s.copies }, (_, copy) => ({
              id: `k${i}-${copy}`,
              ...contactFromPlan(p, owner),
              status: s.status,
              plannedDate: s.booked ? p.targetDate : '',
            }));
          });
          const schedule = defaultSettings.schedule.filter((e) => kept.includes(e.key));
          const next = planContacts({ birthDate: addDaysIso(birthDate, shift) }, settingsWith(schedule), {
            extraVisits,
          });

          const changes = reconcilePlan(contacts, next);
          expect(reconcilePlan(contacts.toReversed(), next)).toEqual(changes);
          const touched = new Set([...changes.update, ...changes.cancel].map((c) => c.id));
          for (const c of contacts) {
            if (c.status !== 'planlagt' || c.plannedDate !== '') expect(touched.has(c.id)).toBe(false);
          }
          const after = apply(contacts, changes);
          expect(after.length).toBe(contacts.length + changes.add.length);
          expect(hasPlanChanges(reconcilePlan(after, next))).toBe(false);
        },
      ),
    );
  });
});
