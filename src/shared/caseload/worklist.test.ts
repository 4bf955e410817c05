import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysIso } from './calendar.ts';
import type { ContactStatus } from './contact.ts';
import { defaultSettings } from './settings.ts';
import { extraVisitsEligible, timelinePosition, type WorklistContact, worklist, worklistBucket } from './worklist.ts';

const contact = (patch: Partial<WorklistContact> = {}): WorklistContact => ({
  id: 'c1',
  status: 'planlagt',
  targetDate: '2025-05-14',
  windowFrom: '2025-04-28',
  windowTo: '2025-05-28',
  plannedDate: '',
  nurse: 'Hanne',
  ...patch,
});

const isoDateArb = fc.integer({ min: 0, max: 20 * 366 }).map((n) => addDaysIso('2020-01-01', n));

describe('worklistBucket', () => {
  it('is not overdue on the last day of the window, and overdue the day after', () => {
    expect(worklistBucket(contact(), '2025-05-28')).not.toBe('overdue');
    expect(worklistBucket(contact(), '2025-05-29')).toBe('overdue');
  });

  it('puts the target day and an agreed day under today', () => {
    expect(worklistBucket(contact(), '2025-05-14')).toBe('today');
    expect(worklistBucket(contact({ plannedDate: '2025-05-02' }), '2025-05-02')).toBe('today');
    expect(worklistBucket(contact({ plannedDate: '2025-05-02' }), '2025-05-14')).toBe('overdue');
  });

  it('uses the ISO week, Monday to Sunday', () => {
    const target = (targetDate: string) =>
      contact({ targetDate, windowFrom: addDaysIso(targetDate, -7), windowTo: addDaysIso(targetDate, 14) });
    // Sunday 16 March 2025: tomorrow is next week.
    expect(worklistBucket(target('2025-03-16'), '2025-03-16')).toBe('today');
    expect(worklistBucket(target('2025-03-17'), '2025-03-16')).toBe('upcoming');
    // Monday 17 March 2025: the week runs to Sunday 23 March.
    expect(worklistBucket(target('2025-03-23'), '2025-03-17')).toBe('this-week');
    expect(worklistBucket(target('2025-03-24'), '2025-03-17')).toBe('upcoming');
    expect(worklistBucket(contact({ plannedDate: '2025-03-23' }), '2025-03-17')).toBe('this-week');
    expect(worklistBucket(contact({ plannedDate: '2025-03-24' }), '2025-03-17')).toBe('upcoming');
  });

  it('counts a target already passed in an open window as due this week', () => {
    expect(worklistBucket(contact(), '2025-05-20')).toBe('this-week');
  });

  it('separates upcoming from later by when the window opens', () => {
    expect(worklistBucket(contact(), '2025-03-29')).toBe('upcoming');
    expect(worklistBucket(contact(), '2025-03-28')).toBe('later');
    expect(worklistBucket(contact(), '2025-03-28', 31)).toBe('upcoming');
  });

  it('judges an agreed date outside the window by that date', () => {
    const late = contact({ plannedDate: '2025-06-10' });
    expect(worklistBucket(late, '2025-06-02')).toBe('upcoming');
    expect(worklistBucket(late, '2025-06-09')).toBe('this-week');
    expect(worklistBucket(late, '2025-06-11')).toBe('overdue');
  });

  it('is overdue exactly when the date to act by has passed (property)', () => {
    fc.assert(
      fc.property(
        isoDateArb,
        fc.nat(60),
        fc.nat(60),
        fc.option(fc.integer({ min: -90, max: 90 })),
        isoDateArb,
        (target, before, after, plannedOffset, today) => {
          const c = contact({
            targetDate: target,
            windowFrom: addDaysIso(target, -before),
            windowTo: addDaysIso(target, after),
            plannedDate: plannedOffset === null ? '' : addDaysIso(target, plannedOffset),
          });
          const actBy = c.plannedDate === '' ? addDaysIso(c.windowTo, 1) : addDaysIso(c.plannedDate, 1);
          expect(worklistBucket(c, today) === 'overdue').toBe(today >= actBy);
        },
      ),
    );
  });
});

describe('worklist', () => {
  const contacts = [
    contact({ id: 'later', targetDate: '2025-09-01', windowFrom: '2025-08-15', windowTo: '2025-09-15' }),
    contact({ id: 'done', status: 'gennemfoert' as ContactStatus }),
    contact({ id: 'overdue', targetDate: '2025-03-01', windowFrom: '2025-02-20', windowTo: '2025-03-10' }),
    contact({ id: 'week', targetDate: '2025-03-14', windowFrom: '2025-03-10', windowTo: '2025-03-30' }),
    contact({
      id: 'today',
      targetDate: '2025-03-12',
      windowFrom: '2025-03-10',
      windowTo: '2025-03-30',
      nurse: ' hanne ',
    }),
    contact({ id: 'other', targetDate: '2025-03-12', windowFrom: '2025-03-10', windowTo: '2025-03-30', nurse: 'Lise' }),
    contact({ id: 'soon', targetDate: '2025-04-14', windowFrom: '2025-04-01', windowTo: '2025-04-30' }),
    contact({
      id: 'booked',
      plannedDate: '2025-03-13',
      windowFrom: '2025-03-20',
      windowTo: '2025-04-10',
      targetDate: '2025-03-25',
    }),
  ];

  it('lists open contacts most urgent first', () => {
    const list = worklist(contacts, '2025-03-12');
    expect(list.map((i) => [i.contact.id, i.bucket])).toEqual([
      ['overdue', 'overdue'],
      ['other', 'today'],
      ['today', 'today'],
      ['booked', 'this-week'],
      ['week', 'this-week'],
      ['soon', 'upcoming'],
      ['later', 'later'],
    ]);
    expect(list.find((i) => i.contact.id === 'booked')).toMatchObject({ dueDate: '2025-03-13', outsideWindow: true });
    expect(list.find((i) => i.contact.id === 'week')?.outsideWindow).toBe(false);
  });

  it('gives each item the deadline it is judged by: overdue exactly when that deadline has passed', () => {
    const list = worklist(contacts, '2025-03-20');
    // A 1½-year-like visit past its target but inside its window: the deadline is the window's end.
    expect(list.find((i) => i.contact.id === 'week')).toMatchObject({ bucket: 'this-week', deadline: '2025-03-30' });
    expect(list.find((i) => i.contact.id === 'overdue')).toMatchObject({ bucket: 'overdue', deadline: '2025-03-10' });
    // A booked visit is due on the agreed day.
    expect(list.find((i) => i.contact.id === 'booked')).toMatchObject({ bucket: 'overdue', deadline: '2025-03-13' });
    fc.assert(
      fc.property(isoDateArb, (today) => {
        for (const item of worklist(contacts, today)) expect(item.bucket === 'overdue').toBe(item.deadline < today);
      }),
    );
  });

  it('filters by nurse, ignoring case and spaces', () => {
    const ids = worklist(contacts, '2025-03-12', { nurse: 'HANNE' }).map((i) => i.contact.id);
    expect(ids).toContain('today');
    expect(ids).not.toContain('other');
  });
});

describe('timelinePosition', () => {
  it('maps days since birth onto 0–1000', () => {
    expect(timelinePosition('2025-03-14', '2025-03-14')).toEqual({ day: 0, fraction: 0, ageDays: 0, outside: null });
    expect(timelinePosition('2025-03-14', addDaysIso('2025-03-14', 500))).toMatchObject({ day: 500, fraction: 0.5 });
    expect(timelinePosition('2025-03-14', addDaysIso('2025-03-14', 1000))).toMatchObject({ day: 1000, outside: null });
    expect(timelinePosition('2025-03-14', '2025-01-01')).toMatchObject({ day: 0, ageDays: -72, outside: 'before' });
    expect(timelinePosition('2025-03-14', '2028-03-14')).toMatchObject({ day: 1000, fraction: 1, outside: 'after' });
  });
});

describe('extraVisitsEligible', () => {
  const rule = defaultSettings.extraVisitsRule;
  const done = (day: number, status: ContactStatus = 'gennemfoert') => ({
    status,
    doneDate: status === 'gennemfoert' ? addDaysIso('2024-03-01', day) : '',
    plannedDate: '',
    targetDate: addDaysIso('2024-03-01', day),
  });

  it('needs more than five completed contacts in the first 365 days', () => {
    const five = [4, 7, 21, 61, 150].map((d) => done(d));
    expect(extraVisitsEligible('2024-03-01', five, rule)).toBe(false);
    expect(extraVisitsEligible('2024-03-01', [...five, done(364)], rule)).toBe(true);
    expect(extraVisitsEligible('2024-03-01', [...five, done(365)], rule)).toBe(false);
    expect(extraVisitsEligible('2024-03-01', [...five, done(-10)], rule)).toBe(false);
    expect(extraVisitsEligible('2024-03-01', [...five, done(200, 'udeblevet')], rule)).toBe(false);
  });
});
