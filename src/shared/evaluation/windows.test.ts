import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysIso } from '../caseload/calendar.ts';
import { correctionDays, planEntry } from '../caseload/schedule.ts';
import { defaultSettings } from '../caseload/settings.ts';
import { completedContactsInFirstDays } from '../caseload/worklist.ts';
import { identifiedOn } from './reach.ts';
import { windowFor } from './windows.ts';

const birth = fc.integer({ min: 0, max: 4000 }).map((n) => addDaysIso('2018-01-01', n));

describe('windows from the settings', () => {
  it('are the windows the visit plan computes (planEntry), preterm children included', () => {
    const settings = {
      ...defaultSettings,
      schedule: defaultSettings.schedule.map((e, i) => ({ ...e, ageBasis: i % 2 ? 'korrigeret' : 'foedsel' }) as const),
    };
    fc.assert(
      fc.property(
        birth,
        fc.option(fc.integer({ min: 24, max: 42 }), { nil: null }),
        fc.integer({ min: 0, max: 6 }),
        (birthDate, weeks, days) => {
          const child = { birthDate, gestationalAgeWeeks: weeks, gestationalAgeDays: days };
          for (const entry of settings.schedule) {
            const base =
              entry.ageBasis === 'korrigeret'
                ? addDaysIso(birthDate, correctionDays(child, settings.correctedAgeBelowWeeks))
                : birthDate;
            const planned = planEntry(entry, base);
            expect(windowFor(entry, child, settings)).toEqual({ from: planned.windowFrom, to: planned.windowTo });
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('identify a child on the day the extra-visits rule is met (the count of extraVisitsEligible)', () => {
    const rule = defaultSettings.extraVisitsRule;
    fc.assert(
      fc.property(birth, fc.array(fc.integer({ min: -30, max: 500 }), { maxLength: 12 }), (birthDate, offsets) => {
        const contacts = offsets.map((o, i) => {
          const date = addDaysIso(birthDate, o);
          return { id: `k${i}`, data: { status: 'gennemfoert', doneDate: date, plannedDate: '', targetDate: date } };
        });
        const on = identifiedOn(birthDate, contacts, rule);
        const eligible =
          completedContactsInFirstDays(
            birthDate,
            contacts.map((c) => c.data as never),
            rule.withinDays,
          ) > rule.moreThan;
        expect(on !== null).toBe(eligible);
      }),
      { numRuns: 300 },
    );
  });
});
