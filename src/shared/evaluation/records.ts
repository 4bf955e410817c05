/**
 * What the evaluation reads: the team's records as stored (id + data; `seq` where commit order
 * matters), and how they are put in scope. Every indicator about families and children is
 * attributed to ONE nurse, the family's tovholder (compared trimmed and case-insensitively, as the
 * worklist compares nurses), so a nurse's figures add up to the team's; families without a
 * tovholder form their own group (''). COS-P courses belong to their facilitators instead.
 * Consents are not read: no indicator needs them until handovers (with consent or by exception)
 * become records of their own; the overview then reads the handovers' legal basis.
 */
import type { Contact } from '../caseload/contact.ts';
import type { MunicipalitySettings } from '../caseload/settings.ts';
import type { AttendanceEntry } from '../cosp/attendance.ts';
import type { Course } from '../cosp/course.ts';
import type { Enrollment } from '../cosp/enrollment.ts';
import type { Session } from '../cosp/session.ts';
import type { Child } from '../schemas/child.ts';
import type { Family } from '../schemas/family.ts';
import type { InstrumentRecord } from '../visits/instrument-record.ts';
import type { Observation } from '../visits/observation.ts';
import type { Visit } from '../visits/visit.ts';
import type { Period } from './period.ts';

export type Rec<T> = { id: string; data: T };
/** Records whose "current" version depends on commit order (observations: corrections). */
export type SeqRec<T> = Rec<T> & { seq?: number | null };

export type EvaluationRecords = {
  families: readonly Rec<Family>[];
  children: readonly Rec<Child>[];
  contacts: readonly Rec<Contact>[];
  visits: readonly Rec<Visit>[];
  observations: readonly SeqRec<Observation>[];
  instruments: readonly Rec<InstrumentRecord>[];
  courses: readonly Rec<Course>[];
  enrollments: readonly Rec<Enrollment>[];
  sessions: readonly Rec<Session>[];
  attendance: readonly AttendanceEntry[];
};

export const noRecords = (): EvaluationRecords => ({
  families: [],
  children: [],
  contacts: [],
  visits: [],
  observations: [],
  instruments: [],
  courses: [],
  enrollments: [],
  sessions: [],
  attendance: [],
});

export type EvaluationSettings = Pick<
  MunicipalitySettings,
  'schedule' | 'correctedAgeBelowWeeks' | 'extraVisitsRule' | 'cospCompletion'
>;

export type EvaluationOptions = {
  period: Period;
  /** The day the figures are computed ("not done yet" vs "missing" depends on it). */
  today: string;
  settings: EvaluationSettings;
  /** One nurse (a tovholder's name); undefined for the whole team; '' for families without one. */
  nurse?: string;
  /** Days after an EPDS at or above the cut-off within which a follow-up counts (default 14). */
  epdsFollowUpDays?: number;
};

export const normaliseNurse = (name: string): string => name.trim().toLowerCase();

/** Records limited to one nurse's families (and COS-P courses she facilitates); all for the team. */
export function scopeRecords(records: EvaluationRecords, nurse: string | undefined): EvaluationRecords {
  if (nurse === undefined) return records;
  const who = normaliseNurse(nurse);
  const families = records.families.filter((f) => normaliseNurse(f.data.tovholder) === who);
  const ids = new Set(families.map((f) => f.id));
  const own = <T extends { familyId: string }>(list: readonly Rec<T>[]) => list.filter((r) => ids.has(r.data.familyId));
  const courses = records.courses.filter((c) => c.data.facilitators.some((f) => normaliseNurse(f) === who));
  const courseIds = new Set(courses.map((c) => c.id));
  const enrollments = records.enrollments.filter((e) => courseIds.has(e.data.courseId));
  const sessions = records.sessions.filter((s) => courseIds.has(s.data.courseId));
  const sessionIds = new Set(sessions.map((s) => s.id));
  return {
    families,
    children: own(records.children),
    contacts: own(records.contacts),
    visits: own(records.visits),
    observations: records.observations.filter((o) => ids.has(o.data.familyId)),
    instruments: own(records.instruments),
    courses,
    enrollments,
    sessions,
    attendance: records.attendance.filter((a) => sessionIds.has(a.sessionId)),
  };
}

/** The tovholders in the records, each once (first spelling seen), sorted; '' last when present. */
export function nursesOf(records: Pick<EvaluationRecords, 'families'>): string[] {
  const seen = new Map<string, string>();
  for (const f of records.families) {
    const key = normaliseNurse(f.data.tovholder);
    if (!seen.has(key)) seen.set(key, f.data.tovholder.trim());
  }
  const named = [...seen].filter(([k]) => k !== '').map(([, v]) => v);
  named.sort((a, b) => a.localeCompare(b, 'da'));
  return seen.has('') ? [...named, ''] : named;
}

/** Groups records by a key (e.g. children by family). */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** Signed visits only: a draft may still change, so it is not yet an event of the evaluation. */
export const signedVisits = (visits: readonly Rec<Visit>[]) => visits.filter((v) => v.data.status === 'underskrevet');
