/**
 * The hand-computed caseload of indicators.test.ts (a fixture, not demo data): six families,
 * seven children, their contacts, visits with observations and instruments, and one COS-P course.
 * Every figure the test expects is worked out in the test's comments from what is written here.
 */
import { defaultSettings } from '../caseload/settings.ts';
import { type EvaluationRecords, noRecords } from './records.ts';
import {
  adbb,
  assessments,
  attendance,
  child,
  contact,
  course,
  doneContact,
  enrollment,
  epds,
  family,
  session,
  topi,
  visit,
} from './test-fixtures.ts';

export const Q1 = { from: '2026-01-01', to: '2026-03-31' };
export const TODAY = '2026-04-15';
export const settings = defaultSettings;

// Families. Anne: F1, F2. Birte: F3, F5, F6. No tovholder: F4 (moved away).
const F1 = family('F1', {
  tovholder: 'Anne',
  extraVisitsOffer: { offeredOn: '2026-02-10', answer: 'accepteret', declineReason: '' },
});
const F2 = family('F2', {
  tovholder: 'Anne',
  extraVisitsOffer: { offeredOn: '2026-03-20', answer: 'afslaaet', declineReason: 'tidspres' },
});
const F3 = family('F3', {
  tovholder: ' birte ',
  extraVisitsOffer: { offeredOn: '2025-10-01', answer: 'accepteret', declineReason: '' },
});
const F4 = family('F4', { status: 'fraflyttet', lostToFollowUp: { reason: 'fraflyttet', date: '2026-03-05' } });
const F5 = family('F5', { tovholder: 'Birte' });
const F6 = family('F6', {
  tovholder: 'Birte',
  extraVisitsOffer: { offeredOn: '2026-03-30', answer: '', declineReason: '' },
});

const C1 = child('C1', 'F1', '2024-07-10');
const C2 = child('C2', 'F2', '2025-03-01');
const C3a = child('C3a', 'F3', '2023-03-05');
const C3b = child('C3b', 'F3', '2023-03-05');
const C4 = child('C4', 'F4', '2025-06-01');
const C5 = child('C5', 'F5', '2025-04-15');
const C6 = child('C6', 'F6', '2025-02-10');

const contacts = [
  // C1: six contacts in year 1, the 6th on 2025-01-05 (identified then, before Q1).
  ...['2024-08-01', '2024-09-01', '2024-10-01', '2024-11-01', '2024-12-01', '2025-01-05'].map((d, i) =>
    doneContact(`K1-${i}`, C1, d),
  ),
  // C1's 1½-year visit: window from the settings 2025-12-10..2026-03-10, done 2026-01-12.
  contact('K1', C1, {
    type: 'besoeg-1-5-aar',
    targetDate: '2026-01-10',
    windowFrom: '2025-12-10',
    windowTo: '2026-03-10',
    status: 'gennemfoert',
    doneDate: '2026-01-12',
  }),
  // C2: the 6th contact of year 1 on 2026-02-15 (day 351): identified in Q1.
  ...['2025-04-01', '2025-05-01', '2025-06-01', '2025-07-01', '2025-08-01', '2026-02-15'].map((d, i) =>
    doneContact(`K2-${i}`, C2, d),
  ),
  // C2's 8–11-month visit: window 2025-11-01..2026-02-01, not done: missing; open, so overdue.
  contact('K2', C2, {
    type: 'besoeg-8-11-md',
    targetDate: '2025-12-01',
    windowFrom: '2025-11-01',
    windowTo: '2026-02-01',
  }),
  // A duplicate the health service cancelled: not judged, not open.
  contact('K2x', C2, {
    type: 'besoeg-8-11-md',
    targetDate: '2025-12-01',
    windowFrom: '2025-11-01',
    windowTo: '2026-02-01',
    status: 'aflyst-af-sundhedsplejen',
  }),
  // C3b's 3-year visit, booked for 2026-04-20: planned this month (April), not overdue.
  contact('K3b', C3b, {
    type: 'besoeg-3-aar',
    targetDate: '2026-03-05',
    windowFrom: '2026-01-05',
    windowTo: '2026-05-05',
    plannedDate: '2026-04-20',
  }),
  // C4: an interdisciplinary home visit done 2026-02-02 (cooperation, no tovholder).
  contact('K4', C4, {
    type: 'tvaerfagligt-hjemmebesoeg',
    source: 'manual',
    targetDate: '2026-02-02',
    windowFrom: '2026-02-02',
    windowTo: '2026-02-02',
    status: 'gennemfoert',
    doneDate: '2026-02-02',
  }),
  // C5's 8–11-month visit: the settings give 2025-12-15..2026-03-15 (the stored window is stale);
  // done 2025-12-01: early.
  contact('K5', C5, {
    type: 'besoeg-8-11-md',
    targetDate: '2026-02-15',
    windowFrom: '2026-01-20',
    windowTo: '2026-04-20',
    status: 'gennemfoert',
    doneDate: '2025-12-01',
  }),
  // C6's 8–11-month visit: window 2025-10-10..2026-01-10, done 2026-01-25: late.
  contact('K6', C6, {
    type: 'besoeg-8-11-md',
    targetDate: '2025-11-10',
    windowFrom: '2025-10-10',
    windowTo: '2026-01-10',
    status: 'gennemfoert',
    doneDate: '2026-01-25',
  }),
  // F1: a meeting in daycare done 2026-03-03, carried out by the signed visit V7 (counted once).
  contact('K7', C1, {
    type: 'moede-i-dagtilbud',
    source: 'manual',
    targetDate: '2026-03-03',
    windowFrom: '2026-03-03',
    windowTo: '2026-03-03',
    status: 'gennemfoert',
    doneDate: '2026-03-03',
  }),
];

const V1 = visit('V1', C1, {
  type: 'besoeg-1-5-aar',
  date: '2026-01-12',
  contactId: 'K1',
  materials: ['doegnhjul'],
  topics: ['soevn', 'sprog'],
  referrals: ['egen-laege'],
});
const V2 = visit('V2', C1, { type: 'behovsbesoeg', date: '2026-01-20', topics: ['soevn'] });
const V3 = visit('V3', C3a, {
  type: 'besoeg-3-aar',
  date: '2026-03-01',
  materials: ['alderskort', 'doegnhjul'],
  notification: true,
});
const V4 = visit('V4', C3a, { type: 'besoeg-1-5-aar', date: '2024-09-10' });
const V5 = visit('V5', C2, { type: 'behovsbesoeg', date: '2026-02-20' });
const V6 = visit('V6', C5, {
  type: 'behovsbesoeg',
  date: '2026-02-01',
  status: 'kladde',
  signedBy: '',
  signedById: '',
  signedAt: '',
});
const V7 = visit('V7', C1, { type: 'moede-i-dagtilbud', date: '2026-03-03', contactId: 'K7' });

const observations = [
  assessments('O1', V1, { soevn: 'let-bekymring' }),
  // C3a at 1½ years: søvn problem, netværk not assessed.
  assessments('O4', V4, { soevn: 'problem', netvaerk: '' }),
  // C3a at 3 years: søvn first problem (unchanged), corrected to normal (improved); motorik let bekymring.
  assessments('O3', V3, { soevn: 'problem', motorik: 'let-bekymring' }, { seq: 10 }),
  assessments(
    'O3c',
    V3,
    { soevn: 'normal', motorik: 'let-bekymring' },
    {
      seq: 11,
      amendsId: 'O3',
      amendmentReason: 'Rettet',
      signedBy: 'T',
      signedById: 'u1',
      signedAt: '2026-03-02T10:00:00Z',
    },
  ),
  topi('O5', V3),
  assessments('O6', V6),
];

const instruments = [
  // Every answer 1: total 17, at or above the mother's cut-off 11.
  epds('I1', V1, 'mor', [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]),
  // The father's total 17 ≥ 10, and no later visit to F2.
  epds('I2', V5, 'far', [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]),
  // ADBB total 6 ≥ 5: repeat due 2026-02-27..2026-03-06, never done.
  adbb('I3', V5, C2.data.birthDate, [1, 1, 1, 1, 1, 1, 0, 0]),
];

// COS-P: one course run by Anne, eight sessions 2026-01-07..2026-02-28 (7th, 14th, 21st, 28th of Jan and Feb), chapter n at session n.
const CO1 = course('CO1', { facilitators: ['Anne'] });
const sessions = Array.from({ length: 8 }, (_, i) =>
  session(`S${i + 1}`, 'CO1', i + 1, `2026-0${i < 4 ? 1 : 2}-${String(7 + 7 * (i % 4)).padStart(2, '0')}`),
);
const E1 = enrollment('E1', 'CO1', 'F1', { focusChildId: 'C1', outcome: 'gennemfoert' });
const E2 = enrollment('E2', 'CO1', 'F2', {
  focusChildId: 'C2',
  outcome: 'frafaldet',
  dropoutReason: 'Syg',
  dropoutCategory: 'sygdom',
});
const cospAttendance = [
  ...sessions.map((s) => attendance(s.id, 'E1', 'moedt')),
  attendance('S1', 'E2', 'moedt'),
  attendance('S2', 'E2', 'moedt'),
  attendance('S3', 'E2', 'afbud'),
  attendance('S4', 'E2', 'udeblevet'),
];

export const fixture: EvaluationRecords = {
  ...noRecords(),
  families: [F1, F2, F3, F4, F5, F6],
  children: [C1, C2, C3a, C3b, C4, C5, C6],
  contacts,
  visits: [V1, V2, V3, V4, V5, V6, V7],
  observations,
  instruments,
  courses: [CO1],
  sessions,
  enrollments: [E1, E2],
  attendance: cospAttendance,
};
