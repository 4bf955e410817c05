/**
 * A fast-check generator of small random caseloads for the property tests: families of three
 * nurses (one name written two ways, and families without a tovholder), children, plan and manual
 * contacts, signed and draft visits with observations and instruments, and COS-P courses. Dates
 * fall in 2022–2026 so every indicator sees events inside and outside the tested periods.
 */
import fc from 'fast-check';
import { addDaysIso } from '../caseload/calendar.ts';
import { contactStatuses } from '../caseload/contact.ts';
import { defaultSettings } from '../caseload/settings.ts';
import { attendanceStatuses } from '../cosp/attendance.ts';
import { dropoutCategories, enrollmentOutcomes } from '../cosp/enrollment.ts';
import { declineReasons, lostReasons } from '../schemas/family.ts';
import { assessmentAreas, assessmentLevels } from '../visits/observation.ts';
import { referralTargets, visitMaterials, visitTypes } from '../visits/visit.ts';
import { type EvaluationRecords, noRecords } from './records.ts';
import {
  adbb,
  assessments,
  attendance,
  child,
  contact,
  course,
  enrollment,
  epds,
  family,
  session,
  visit,
} from './test-fixtures.ts';

const START = '2022-01-01';
/**
 * A day from 2022-01-01 to about mid-2026, half of them in a busy stretch around the turn of 2026,
 * so events often fall on a period's first or last day (where off-by-one mistakes show).
 */
export const day = fc.oneof(
  fc.integer({ min: 0, max: 1650 }).map((n) => addDaysIso(START, n)),
  fc.integer({ min: 0, max: 90 }).map((n) => addDaysIso('2025-12-01', n)),
);
const maybeDay = fc.option(day, { nil: '' });
const nurses = ['Anne', ' anne', 'Birte', ''];
const topics = ['soevn', 'sprog', 'motorik'];

const familySpec = fc.record({
  tovholder: fc.constantFrom(...nurses),
  status: fc.constantFrom('aktiv', 'afsluttet', 'fraflyttet'),
  offeredOn: maybeDay,
  answer: fc.constantFrom('', 'accepteret', 'afslaaet'),
  declineReason: fc.constantFrom(...declineReasons),
  lost: fc.option(fc.record({ reason: fc.constantFrom(...lostReasons), date: day }), { nil: null }),
  children: fc.array(
    fc.record({
      birth: fc.integer({ min: 0, max: 1500 }).map((n) => addDaysIso(START, n)),
      contacts: fc.array(
        fc.record({
          entry: fc.integer({ min: -1, max: defaultSettings.schedule.length - 1 }),
          status: fc.constantFrom(...contactStatuses),
          done: day,
          nurse: fc.constantFrom('', ...nurses),
        }),
        { maxLength: 8 },
      ),
      visits: fc.array(
        fc.record({
          type: fc.constantFrom(...visitTypes),
          date: day,
          signed: fc.boolean(),
          materials: fc.subarray([...visitMaterials]),
          topics: fc.subarray(topics),
          referrals: fc.subarray([...referralTargets]),
          notification: fc.boolean(),
          levels: fc.option(fc.array(fc.constantFrom('', ...assessmentLevels), { minLength: 10, maxLength: 10 }), {
            nil: null,
          }),
          epds: fc.option(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 10, maxLength: 10 }), { nil: null }),
          adbb: fc.option(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 8, maxLength: 8 }), { nil: null }),
        }),
        { maxLength: 4 },
      ),
    }),
    { minLength: 1, maxLength: 2 },
  ),
});

const courseSpec = fc.record({
  facilitator: fc.constantFrom(...nurses.filter(Boolean)),
  status: fc.constantFrom('planlagt', 'i-gang', 'afsluttet', 'aflyst'),
  sessions: fc.array(fc.record({ date: day, status: fc.constantFrom('planlagt', 'afholdt', 'aflyst') }), {
    maxLength: 8,
  }),
  participants: fc.array(
    fc.record({
      enrolledOn: day,
      outcome: fc.constantFrom('', ...enrollmentOutcomes),
      category: fc.constantFrom('', ...dropoutCategories),
      marks: fc.array(fc.option(fc.constantFrom(...attendanceStatuses), { nil: null }), { maxLength: 8 }),
    }),
    { maxLength: 3 },
  ),
});

export const caseloadArbitrary: fc.Arbitrary<EvaluationRecords> = fc
  .record({
    families: fc.array(familySpec, { minLength: 1, maxLength: 7 }),
    courses: fc.array(courseSpec, { maxLength: 2 }),
  })
  .map(({ families, courses }) => {
    const out = noRecords() as { -readonly [K in keyof EvaluationRecords]: EvaluationRecords[K][number][] };
    families.forEach((spec, f) => {
      const F = family(`F${f}`, {
        tovholder: spec.tovholder,
        status: spec.status as 'aktiv',
        extraVisitsOffer:
          spec.offeredOn === ''
            ? { offeredOn: '', answer: '', declineReason: '' }
            : {
                offeredOn: spec.offeredOn,
                answer: spec.answer as '',
                declineReason: spec.answer === 'afslaaet' ? spec.declineReason : '',
              },
        lostToFollowUp: spec.lost ?? { reason: '', date: '' },
      });
      out.families.push(F);
      spec.children.forEach((c, k) => {
        const C = child(`C${f}-${k}`, F.id, c.birth);
        out.children.push(C);
        c.contacts.forEach((k2, i) => {
          const entry = defaultSettings.schedule[k2.entry];
          const done = k2.status === 'gennemfoert' ? k2.done : '';
          out.contacts.push(
            entry
              ? contact(`${C.id}-K${i}`, C, { type: entry.type, status: k2.status, doneDate: done, nurse: k2.nurse })
              : contact(`${C.id}-K${i}`, C, {
                  type: 'behovsbesoeg',
                  source: 'manual',
                  status: k2.status,
                  doneDate: done,
                  targetDate: k2.done,
                  windowFrom: k2.done,
                  windowTo: k2.done,
                  nurse: k2.nurse,
                }),
          );
        });
        c.visits.forEach((v, i) => {
          const V = visit(`${C.id}-V${i}`, C, {
            type: v.type,
            date: v.date,
            status: v.signed ? 'underskrevet' : 'kladde',
            materials: v.materials,
            topics: v.topics,
            referrals: v.referrals,
            notification: v.notification,
          });
          out.visits.push(V);
          if (v.levels) {
            const levels = Object.fromEntries(assessmentAreas.map((a, j) => [a, v.levels?.[j] ?? '']));
            out.observations.push(assessments(`${V.id}-O`, V, levels));
          }
          if (v.epds) out.instruments.push(epds(`${V.id}-E`, V, 'mor', v.epds));
          if (v.adbb) out.instruments.push(adbb(`${V.id}-A`, V, c.birth, v.adbb));
        });
      });
    });
    courses.forEach((spec, k) => {
      const CO = course(`CO${k}`, { facilitators: [spec.facilitator], status: spec.status as 'afsluttet' });
      out.courses.push(CO);
      const sessions = spec.sessions.map((s, i) =>
        session(`${CO.id}-S${i}`, CO.id, i + 1, s.date, { status: s.status as 'afholdt', chapters: [(i % 8) + 1] }),
      );
      out.sessions.push(...sessions);
      spec.participants.forEach((p, i) => {
        const familyId = `F${i % families.length}`;
        const E = enrollment(`${CO.id}-E${i}`, CO.id, familyId, {
          enrolledOn: p.enrolledOn,
          outcome: p.outcome as '',
          dropoutCategory: p.outcome === 'frafaldet' ? (p.category as '') : '',
          dropoutReason: p.outcome === 'frafaldet' ? 'x' : '',
        });
        out.enrollments.push(E);
        p.marks.forEach((mark, j) => {
          const s = sessions[j];
          if (mark && s) out.attendance.push(attendance(s.id, E.id, mark));
        });
      });
    });
    return out;
  });
