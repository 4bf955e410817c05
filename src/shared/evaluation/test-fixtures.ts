/**
 * Builders for the evaluation tests: complete records with sensible defaults and readable ids
 * ("F1", "C1"), so a test writes down only what its hand-computed answer depends on.
 */
import type { Contact } from '../caseload/contact.ts';
import type { AttendanceEntry, AttendanceStatus } from '../cosp/attendance.ts';
import type { Course } from '../cosp/course.ts';
import type { Enrollment } from '../cosp/enrollment.ts';
import type { Session } from '../cosp/session.ts';
import { scoreAdbb } from '../instruments/adbb.ts';
import { type EpdsRole, scoreEpds } from '../instruments/epds.ts';
import type { Child } from '../schemas/child.ts';
import type { Family } from '../schemas/family.ts';
import type { InstrumentRecord } from '../visits/instrument-record.ts';
import { type AssessmentArea, assessmentAreas, type Observation } from '../visits/observation.ts';
import type { Visit } from '../visits/visit.ts';
import type { Rec, SeqRec } from './records.ts';

export const family = (id: string, patch: Partial<Family> = {}): Rec<Family> => ({
  id,
  data: {
    name: `Familien ${id}`,
    status: 'aktiv',
    inclusionDate: '2024-01-01',
    inclusionReason: 'mange-besoeg',
    tovholder: '',
    address: '',
    notes: '',
    extraVisitsOffer: { offeredOn: '', answer: '', declineReason: '' },
    lostToFollowUp: { reason: '', date: '' },
    ...patch,
  },
});

export const child = (id: string, familyId: string, birthDate: string, patch: Partial<Child> = {}): Rec<Child> => ({
  id,
  data: {
    familyId,
    firstName: `Barn ${id}`,
    lastName: '',
    cpr: '',
    sex: 'pige',
    birthDate,
    gestationalAgeWeeks: 40,
    gestationalAgeDays: 0,
    birthWeightGrams: null,
    birthLengthCm: null,
    birthHeadCircumferenceCm: null,
    childcareType: 'ingen',
    childcarePlace: '',
    institutionId: '',
    childcareStart: '',
    ...patch,
  },
});

/** A contact; a plan contact's key is its type unless given. */
export const contact = (id: string, of: Rec<Child>, patch: Partial<Contact> & Pick<Contact, 'type'>): Rec<Contact> => ({
  id,
  data: {
    childId: of.id,
    familyId: of.data.familyId,
    source: 'plan',
    scheduleKey: patch.source === 'manual' ? '' : patch.type,
    targetDate: '2000-01-01',
    windowFrom: '2000-01-01',
    windowTo: '2000-01-01',
    plannedDate: '',
    status: 'planlagt',
    doneDate: '',
    nurse: '',
    note: '',
    ...patch,
  },
});

/** A manual need-based contact done on a date (counts towards the extra-visits rule). */
export const doneContact = (id: string, of: Rec<Child>, date: string): Rec<Contact> =>
  contact(id, of, {
    type: 'behovsbesoeg',
    source: 'manual',
    targetDate: date,
    windowFrom: date,
    windowTo: date,
    status: 'gennemfoert',
    doneDate: date,
  });

export const visit = (
  id: string,
  of: Rec<Child>,
  patch: Partial<Visit> & Pick<Visit, 'type' | 'date'>,
): Rec<Visit> => ({
  id,
  data: {
    childId: of.id,
    familyId: of.data.familyId,
    contactId: '',
    contactMode: 'hjemmebesoeg',
    startTime: '10:00',
    endTime: '11:00',
    participants: [],
    status: 'underskrevet',
    materials: [],
    materialOther: '',
    topics: [],
    topicsNote: '',
    agreements: '',
    nextContact: '',
    referrals: [],
    notification: false,
    author: 'Test',
    authorId: 'u1',
    signedBy: 'Test',
    signedById: 'u1',
    signedAt: `${patch.date}T12:00:00.000Z`,
    serverSignedAt: `${patch.date}T12:00:00.000Z`,
    recordedAt: `${patch.date}T10:00:00.000Z`,
    ...patch,
  },
});

const unsigned = {
  amendsId: '',
  amendmentReason: '',
  signedBy: '',
  signedById: '',
  signedAt: '',
  serverSignedAt: '',
  recordedAt: '',
};

/** An assessments observation: every area normal unless given; '' = not assessed (reason ukendt). */
export const assessments = (
  id: string,
  of: Rec<Visit>,
  levels: Partial<Record<AssessmentArea, 'normal' | 'let-bekymring' | 'problem' | ''>> = {},
  patch: Partial<Observation> & { seq?: number } = {},
): SeqRec<Observation> => {
  const { seq, ...rest } = patch;
  const areas = Object.fromEntries(
    assessmentAreas.map((area) => {
      const level = levels[area] ?? 'normal';
      return [area, { level, reason: level === '' ? 'ukendt' : '', note: '' }];
    }),
  ) as Extract<Observation['values'], { section: 'assessments' }>['areas'];
  return {
    id,
    seq: seq ?? null,
    data: {
      visitId: of.id,
      childId: of.data.childId,
      familyId: of.data.familyId,
      values: { section: 'assessments', areas, note: '' },
      ...unsigned,
      ...rest,
    },
  };
};

export const topi = (id: string, of: Rec<Visit>): SeqRec<Observation> => ({
  id,
  data: {
    visitId: of.id,
    childId: of.data.childId,
    familyId: of.data.familyId,
    values: { section: 'topi', instrument: 'TOPI', version: 'TOPI-DK-1', judgement: 'groen', note: '' },
    ...unsigned,
  },
});

export const epds = (id: string, of: Rec<Visit>, role: EpdsRole, answers: number[]): Rec<InstrumentRecord> => ({
  id,
  data: {
    visitId: of.id,
    childId: of.data.childId,
    familyId: of.data.familyId,
    caregiverId: `${of.data.familyId}-${role}`,
    response: scoreEpds({ role, answers }).response,
    recordedAt: '',
  },
});

export const adbb = (id: string, of: Rec<Visit>, birthDate: string, answers: number[]): Rec<InstrumentRecord> => ({
  id,
  data: {
    visitId: of.id,
    childId: of.data.childId,
    familyId: of.data.familyId,
    caregiverId: '',
    response: scoreAdbb({ answers, visitDate: of.data.date, birthDate }).response,
    recordedAt: '',
  },
});

export const course = (id: string, patch: Partial<Course> = {}): Rec<Course> => ({
  id,
  data: {
    form: 'gruppe',
    title: `Kursus ${id}`,
    facilitators: [],
    coFacilitators: [],
    venue: '',
    plannedSessions: 8,
    startDate: '2026-01-01',
    status: 'afsluttet',
    chapterTitles: [],
    ...patch,
  },
});

export const session = (id: string, courseId: string, number: number, date: string, patch: Partial<Session> = {}) => ({
  id,
  data: {
    courseId,
    number,
    date,
    startTime: '',
    endTime: '',
    place: '',
    status: 'afholdt' as const,
    facilitatorsPresent: [],
    chapters: [number],
    deviations: '',
    ...patch,
  } satisfies Session,
});

export const enrollment = (id: string, courseId: string, familyId: string, patch: Partial<Enrollment> = {}) => ({
  id,
  data: {
    courseId,
    familyId,
    caregiverId: `${familyId}-mor`,
    focusChildId: '',
    enrolledOn: '2026-01-01',
    outcome: '',
    dropoutReason: '',
    dropoutCategory: '',
    ...patch,
  } satisfies Enrollment,
});

let attendanceSeq = 0;
export const attendance = (sessionId: string, enrollmentId: string, status: AttendanceStatus): AttendanceEntry => {
  attendanceSeq += 1;
  return { id: `A${attendanceSeq}`, seq: attendanceSeq, sessionId, enrollmentId, status };
};
