/**
 * FICTIONAL activity for the demo caseload (demo-data.ts), so the leader's overview has something
 * to count: signed visits for most completed contacts of the last 18 months (material, topics,
 * rarely a referral or a notification), assessments at the 1½- and 3-year visits, EPDS for the
 * mother at the 2-month visit, ADBB and TOPI at some 4–11-month visits, and one finished COS-P
 * group course with attendance. Deterministic for a seed and a day, like the caseload; every
 * document is valid for its kind's schema. Kept apart from the caseload so the benchmarks built
 * on `demoDocuments` keep their data.
 */
import { scoreAdbb } from '../instruments/adbb.ts';
import { scoreEpds } from '../instruments/epds.ts';
import type { KindData } from '../schemas/kinds.ts';
import {
  type AssessmentsValues,
  assessmentAreas,
  type ObservationSection,
  type ObservationValues,
} from '../visits/observation.ts';
import { requiredSections } from '../visits/templates.ts';
import { defaultVisitTopics, visitMaterials } from '../visits/visit.ts';
import { addDaysIso } from './calendar.ts';
import { consentState } from './consent.ts';
import { DEMO_SEED, type DemoCaseload, type DemoDocument, makeRandom, type Random } from './demo-data.ts';
import { defaultSettings } from './settings.ts';

export type DemoActivity = {
  visits: DemoDocument<'visit'>[];
  observations: DemoDocument<'observation'>[];
  instrumentResponses: DemoDocument<'instrumentResponse'>[];
  courses: DemoDocument<'cospCourse'>[];
  sessions: DemoDocument<'cospSession'>[];
  enrollments: DemoDocument<'cospEnrollment'>[];
  attendance: DemoDocument<'cospAttendance'>[];
};

export type DemoSigner = { id: string; displayName: string };

const referralTargets = ['egen-laege', 'psykolog-psykiater', 'ppr', 'tale-hoere', 'sygehus'] as const;

function assessmentValues(r: Random): AssessmentsValues {
  const areas = Object.fromEntries(
    assessmentAreas.map((area) => {
      const level = r.weighted({ normal: 82, 'let-bekymring': 14, problem: 4 });
      return [area, { level, reason: '' as const, note: '' }];
    }),
  ) as AssessmentsValues['areas'];
  return { section: 'assessments', areas, note: '' };
}

/** WHO-like medians by age in months (weight g, length cm, head cm): enough for a fictional chart. */
const growthMedians: [months: number, weight: number, length: number, head: number][] = [
  [0, 3400, 50, 34.5],
  [1, 4400, 54.5, 37],
  [2, 5400, 58, 39],
  [4, 6600, 63, 41.5],
  [6, 7600, 66.5, 43],
  [9, 8600, 71, 44.5],
  [12, 9400, 75, 45.8],
  [18, 10800, 81.5, 47],
  [24, 12000, 87, 48],
  [36, 14100, 96, 49.3],
];

function median(months: number): [number, number, number] {
  const upper = growthMedians.findIndex(([m]) => m >= months);
  if (upper <= 0) {
    const [, w, l, h] = growthMedians[upper === 0 ? 0 : growthMedians.length - 1] as (typeof growthMedians)[number];
    return [w, l, h];
  }
  const [m0, w0, l0, h0] = growthMedians[upper - 1] as (typeof growthMedians)[number];
  const [m1, w1, l1, h1] = growthMedians[upper] as (typeof growthMedians)[number];
  const f = (months - m0) / (m1 - m0);
  return [w0 + f * (w1 - w0), l0 + f * (l1 - l0), h0 + f * (h1 - h0)];
}

function measurementValues(r: Random, child: { birthDate: string }, date: string): ObservationValues {
  const months = Math.max(0, (Date.parse(date) - Date.parse(child.birthDate)) / (30.4375 * 86_400_000));
  const [weight, length, head] = median(months);
  const z = (r.int(0, 40) - 20) / 100; // within about ±1 SD
  return {
    section: 'measurements',
    weightGrams: Math.round(weight * (1 + 0.11 * z)),
    weightReason: '',
    // Measured to the nearest 0.5 cm (domain.md §2).
    lengthCm: Math.round(length * (1 + 0.035 * z) * 2) / 2,
    lengthPosition: months < 24 ? 'liggende' : 'staaende',
    lengthReason: '',
    headCircumferenceCm: Math.round(head * (1 + 0.03 * z) * 2) / 2,
    headReason: '',
  };
}

function feedingValues(r: Random, child: { birthDate: string }, date: string): ObservationValues {
  const days = (Date.parse(date) - Date.parse(child.birthDate)) / 86_400_000;
  const category =
    days < 120
      ? r.weighted({ fuldamning: 60, 'ammes-primaert': 20, 'modermaelkserstatning-overgangskost': 20 })
      : days < 365
        ? r.weighted({ 'ammes-som-supplement': 45, 'modermaelkserstatning-overgangskost': 55 })
        : 'udelukkende-familiens-mad';
  return { section: 'feeding', category, periodFrom: '', periodTo: '', reason: '', note: '' };
}

/** The values of one required section at a fictional visit; null for a section the demo leaves out. */
function requiredValues(
  r: Random,
  section: ObservationSection,
  child: { birthDate: string },
  date: string,
): ObservationValues | null {
  switch (section) {
    case 'measurements':
      return measurementValues(r, child, date);
    case 'assessments':
      return assessmentValues(r);
    case 'feeding':
      return feedingValues(r, child, date);
    case 'tobacco': {
      const exposed = r.chance(0.06);
      return { section: 'tobacco', exposed, who: exposed ? ['far'] : [], whoOther: '', reason: '' };
    }
    case 'language': {
      const resultGroup = r.weighted({ generel: 80, fokuseret: 15, 'saerlig-indsats': 5 });
      return { section: 'language', done: true, resultGroup, source: 'foraeldre', reason: '' };
    }
    default:
      return null;
  }
}

/** The activity of the caseload up to `today`, signed by `signer` (the demo user). */
export function generateDemoActivity(
  caseload: DemoCaseload,
  options: { today: string; signer: DemoSigner; seed?: number },
): DemoActivity {
  const { today, signer } = options;
  const r = makeRandom((options.seed ?? DEMO_SEED) + 31);
  const out: DemoActivity = {
    visits: [],
    observations: [],
    instrumentResponses: [],
    courses: [],
    sessions: [],
    enrollments: [],
    attendance: [],
  };
  const children = new Map(caseload.children.map((c) => [c.id, c.data]));
  const mothers = new Map<string, string>();
  for (const c of caseload.caregivers)
    if (c.data.relation === 'mor' && !mothers.has(c.data.familyId)) mothers.set(c.data.familyId, c.id);
  // The extra visits reach back three years, so 3-year visits can be compared with the 1½-year one.
  const from = addDaysIso(today, -540);
  const extraFrom = addDaysIso(today, -1100);
  const signedAt = (date: string) => `${date}T11:15:00.000Z`;

  for (const contact of caseload.contacts) {
    const c = contact.data;
    const extra = c.type === 'besoeg-1-5-aar' || c.type === 'besoeg-3-aar';
    if (c.status !== 'gennemfoert' || c.doneDate < (extra ? extraFrom : from) || c.doneDate > today) continue;
    if (!r.chance(extra ? 0.9 : 0.75)) continue;
    const child = children.get(c.childId);
    if (!child) continue;
    const visitId = r.uuid();
    const referred = r.chance(0.05);
    const data: KindData['visit'] = {
      childId: c.childId,
      familyId: c.familyId,
      contactId: contact.id,
      type: c.type,
      contactMode: c.type === 'moede-i-dagtilbud' ? 'fremmoede' : 'hjemmebesoeg',
      date: c.doneDate,
      startTime: '10:00',
      endTime: '11:00',
      participants: [{ role: 'sundhedsplejerske', name: c.nurse }],
      status: 'underskrevet',
      materials: visitMaterials.filter((m) => m !== 'andet' && r.chance(0.25)),
      materialOther: '',
      topics: defaultVisitTopics.filter(() => r.chance(0.15)),
      topicsNote: '',
      agreements: '',
      nextContact: '',
      referrals: referred ? [r.pick(referralTargets)] : [],
      notification: r.chance(0.01),
      author: '',
      authorId: '',
      signedBy: signer.displayName,
      signedById: signer.id,
      signedAt: signedAt(c.doneDate),
      // Stamped by the server when the visit is signed (write-rules.ts).
      serverSignedAt: '',
      recordedAt: '',
    };
    out.visits.push({ kind: 'visit', id: visitId, data });
    const owner = { visitId, childId: c.childId, familyId: c.familyId };
    const unsigned = {
      amendsId: '',
      amendmentReason: '',
      signedBy: '',
      signedById: '',
      signedAt: '',
      serverSignedAt: '',
      recordedAt: '',
    };
    // What the visit's template requires before it can be signed (templates.ts): the server checks it.
    for (const section of requiredSections(c.type)) {
      const values = requiredValues(r, section, child, c.doneDate);
      if (values) out.observations.push({ kind: 'observation', id: r.uuid(), data: { ...owner, values, ...unsigned } });
    }
    const mother = mothers.get(c.familyId);
    if (c.type === 'besoeg-2-md' && mother) {
      // Mostly low scores; about one in eight at or above the mother's cut-off.
      const high = r.chance(0.12);
      const answers = Array.from({ length: 10 }, (_, i) => {
        const raw = high ? r.int(1, 3) : r.int(0, 1);
        // Items 3 and 5–10 are reverse-scored: the answer index runs the other way.
        return [0, 1, 3].includes(i) ? raw : 3 - raw;
      });
      const response = scoreEpds({ role: 'mor', answers }, defaultSettings.epdsCutoffs).response;
      out.instrumentResponses.push({
        kind: 'instrumentResponse',
        id: r.uuid(),
        data: { ...owner, caregiverId: mother, response, recordedAt: '' },
      });
      // Most mothers above the cut-off get a need-based visit within two weeks (the follow-up).
      if (response.flags.includes('above-cutoff') && r.chance(0.8))
        followUp(out, data, addDaysIso(c.doneDate, r.int(3, 13)), today, r.uuid());
    }
    if ((c.type === 'besoeg-4-6-md' || c.type === 'besoeg-8-11-md') && r.chance(0.3)) {
      const answers = Array.from({ length: 8 }, () => (r.chance(0.1) ? r.int(1, 3) : r.int(0, 1)));
      const response = scoreAdbb({ answers, visitDate: c.doneDate, birthDate: child.birthDate }).response;
      out.instrumentResponses.push({
        kind: 'instrumentResponse',
        id: r.uuid(),
        data: { ...owner, caregiverId: '', response, recordedAt: '' },
      });
      // Above the cut-off the ADBB is repeated 1–2 weeks later, mostly in time.
      if (response.flags.includes('above-cutoff') && r.chance(0.75)) {
        const date = addDaysIso(c.doneDate, r.int(7, 16));
        const repeatId = followUp(out, data, date, today, r.uuid());
        if (repeatId) {
          const again = answers.map(() => r.int(0, 1));
          const repeat = scoreAdbb({ answers: again, visitDate: date, birthDate: child.birthDate }).response;
          const repeatOwner = { visitId: repeatId, childId: c.childId, familyId: c.familyId };
          out.instrumentResponses.push({
            kind: 'instrumentResponse',
            id: r.uuid(),
            data: { ...repeatOwner, caregiverId: '', response: repeat, recordedAt: '' },
          });
        }
      }
    }
    if (c.type === 'besoeg-8-11-md' && r.chance(0.6)) {
      const judgement = r.weighted({ groen: 85, gul: 12, roed: 3 });
      out.observations.push({
        kind: 'observation',
        id: r.uuid(),
        data: {
          ...owner,
          values: { section: 'topi', instrument: 'TOPI', version: 'TOPI-DK-1', judgement, note: '' },
          ...unsigned,
        },
      });
    }
  }
  demoCourse(r, caseload, today, signer, out);
  return out;
}

/** A signed need-based visit after `visit` on `date` (none after today); its id, or null. */
function followUp(out: DemoActivity, visit: KindData['visit'], date: string, today: string, id: string): string | null {
  if (date > today) return null;
  out.visits.push({
    kind: 'visit',
    id,
    data: {
      ...visit,
      contactId: '',
      type: 'behovsbesoeg',
      date,
      materials: [],
      topics: ['foraeldretrivsel'],
      referrals: [],
      notification: false,
      signedAt: `${date}T11:15:00.000Z`,
    },
  });
  return id;
}

/** One group course of eight weekly sessions that ended about a month ago, with consenting families. */
function demoCourse(r: Random, caseload: DemoCaseload, today: string, signer: DemoSigner, out: DemoActivity) {
  const start = addDaysIso(today, -90);
  const families = caseload.families.filter(
    (f) =>
      consentState(
        caseload.consents.filter((c) => c.data.familyId === f.id).map((c) => c.data),
        'deltagelse-i-cos-p',
        start,
      ) === 'active',
  );
  const caregivers = families
    .map((f) => caseload.caregivers.find((c) => c.data.familyId === f.id))
    .filter((c) => c !== undefined)
    .slice(0, 7);
  if (caregivers.length < 3) return;
  const courseId = r.uuid();
  out.courses.push({
    kind: 'cospCourse',
    id: courseId,
    data: {
      form: 'gruppe',
      title: 'Tryghedscirklen (demo)',
      facilitators: [signer.displayName],
      coFacilitators: [{ name: 'Pædagog (demo)', role: 'pædagog' }],
      venue: 'Sundhedsplejens mødelokale',
      plannedSessions: 8,
      startDate: start,
      status: 'afsluttet',
      chapterTitles: [],
    },
  });
  const sessions = Array.from({ length: 8 }, (_, i) => ({
    id: r.uuid(),
    date: addDaysIso(start, 7 * i),
    number: i + 1,
  }));
  for (const s of sessions)
    out.sessions.push({
      kind: 'cospSession',
      id: s.id,
      data: {
        courseId,
        number: s.number,
        date: s.date,
        startTime: '09:00',
        endTime: '10:30',
        place: 'Sundhedsplejens mødelokale',
        status: 'afholdt',
        facilitatorsPresent: [signer.displayName],
        chapters: [s.number],
        deviations: '',
      },
    });
  caregivers.forEach((caregiver, index) => {
    const enrollmentId = r.uuid();
    const dropsOut = index === caregivers.length - 1;
    const child = caseload.children.find((c) => c.data.familyId === caregiver.data.familyId);
    out.enrollments.push({
      kind: 'cospEnrollment',
      id: enrollmentId,
      data: {
        courseId,
        familyId: caregiver.data.familyId,
        caregiverId: caregiver.id,
        focusChildId: child?.id ?? '',
        enrolledOn: addDaysIso(start, -7),
        outcome: dropsOut ? 'frafaldet' : 'gennemfoert',
        dropoutReason: dropsOut ? 'Nyt arbejde med skiftende vagter.' : '',
        dropoutCategory: dropsOut ? 'arbejde-uddannelse' : '',
      },
    });
    sessions.forEach((s, i) => {
      if (dropsOut && i > 2) return;
      const status = r.weighted({ moedt: 86, afbud: 10, udeblevet: 4 });
      out.attendance.push({ kind: 'cospAttendance', id: r.uuid(), data: { sessionId: s.id, enrollmentId, status } });
    });
  });
}

/** The activity's documents in creation order (visits before what belongs to them). */
export function demoActivityDocuments(activity: DemoActivity): DemoDocument[] {
  return [
    ...activity.visits,
    ...activity.observations,
    ...activity.instrumentResponses,
    ...activity.courses,
    ...activity.sessions,
    ...activity.enrollments,
    ...activity.attendance,
  ];
}

/** A change of the demo activity as a tablet would push it. */
export type DemoChange = {
  kind: DemoDocument['kind'];
  id: string;
  op: 'create' | 'update';
  data: Record<string, unknown>;
};

/** Changes pushed at one moment of the fictional past (`at`, the server's clock for that push). */
export type DemoStep = { at: string; changes: DemoChange[] };

const signatureFields = ['status', 'signedBy', 'signedById', 'signedAt'] as const;

/**
 * The activity as the nurse would have recorded it, in time order, so the server keeps every
 * journal rule for it (write-rules.ts): on the visit's day the draft visit with its sections and
 * instruments, and after the visit the signature (the server stamps author, recording and signing
 * time). The COS-P course is recorded the day after its last session.
 */
export function demoActivitySteps(activity: DemoActivity): DemoStep[] {
  const byDay = new Map<string, { open: DemoChange[]; sign: DemoChange[] }>();
  const day = (date: string) => {
    const entry = byDay.get(date) ?? { open: [], sign: [] };
    byDay.set(date, entry);
    return entry;
  };
  const dayOfVisit = new Map<string, string>();
  for (const visit of activity.visits) {
    const { date } = visit.data;
    dayOfVisit.set(visit.id, date);
    const draft = { ...visit.data, status: 'kladde' as const, signedBy: '', signedById: '', signedAt: '' };
    day(date).open.push({ kind: 'visit', id: visit.id, op: 'create', data: draft });
    const patch = Object.fromEntries(signatureFields.map((field) => [field, visit.data[field]]));
    day(date).sign.push({ kind: 'visit', id: visit.id, op: 'update', data: patch });
  }
  for (const doc of [...activity.observations, ...activity.instrumentResponses]) {
    const date = dayOfVisit.get(doc.data.visitId);
    if (date) day(date).open.push({ kind: doc.kind, id: doc.id, op: 'create', data: doc.data });
  }
  const steps: DemoStep[] = [];
  for (const [date, { open, sign }] of byDay) {
    steps.push({ at: `${date}T09:30:00.000Z`, changes: open });
    steps.push({ at: `${date}T11:20:00.000Z`, changes: sign });
  }
  const course = [...activity.courses, ...activity.sessions, ...activity.enrollments, ...activity.attendance].map(
    (doc): DemoChange => ({ kind: doc.kind, id: doc.id, op: 'create', data: doc.data }),
  );
  const last = activity.sessions
    .map((session) => session.data.date)
    .sort()
    .at(-1);
  if (last && course.length > 0) steps.push({ at: `${addDaysIso(last, 1)}T08:00:00.000Z`, changes: course });
  return steps.sort((a, b) => a.at.localeCompare(b.at));
}
