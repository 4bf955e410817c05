/**
 * Attendance (domain.md §4: mødt, afbud, udeblevet): one record per tap, keyed by (session,
 * enrolment) in its data, with a random id like every other record. Two tablets that tap the same
 * participant offline create two records; both reach the server (new ids never conflict), so no
 * tap is lost, and every device resolves them the same way with `attendanceFor`: the latest
 * write in the server's commit order decides, records still on their way to the server count as
 * later than anything pulled, and device clocks play no part. When the live records disagree the
 * result is `disputed`, so the UI asks a person instead of silently overwriting; answering writes
 * the chosen status on every record of the pair (`attendanceWrites`). See docs/decisions/0009-cosp.md.
 */
import * as z from 'zod/mini';
import { choice } from '../schemas/fields.ts';

export const attendanceStatuses = ['moedt', 'afbud', 'udeblevet'] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];

export const attendanceSchema = z.object({
  sessionId: z.uuid(),
  enrollmentId: z.uuid(),
  status: choice(attendanceStatuses),
});

export type Attendance = z.output<typeof attendanceSchema>;
export type AttendanceInput = z.input<typeof attendanceSchema>;

/** An attendance record as the rules read it: its data plus the envelope's id and server order. */
export type AttendanceEntry = Attendance & {
  id: string;
  /** The server's commit sequence of the record's last accepted write; null if the server never had it. */
  seq: number | null;
  /** Local changes the server has not acknowledged yet: they will commit after everything pulled. */
  pending?: boolean;
  /** Soft-deleted records do not count. */
  deleted?: boolean;
};

export type AttendanceResolution<T extends AttendanceEntry = AttendanceEntry> = {
  /** The status that counts; null when nothing is recorded. */
  status: AttendanceStatus | null;
  /** The record that decides (the latest in server order), or null. */
  record: T | null;
  /** Every live record of the pair, latest first. */
  records: T[];
  /** The live records disagree (two facilitators tapped differently): a person must decide. */
  disputed: boolean;
};

const rank = (entry: AttendanceEntry) => (entry.pending ? 1 : 0);
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Server order, latest first: unacknowledged local records, then by the server's `seq`, descending.
 * Ties (two local records, or one record given twice) fall back to the id and the status, so the
 * order is total and the result never depends on the order of the input. No clock is read.
 */
export function compareLatestFirst(a: AttendanceEntry, b: AttendanceEntry): number {
  return (
    rank(b) - rank(a) || (b.seq ?? -1) - (a.seq ?? -1) || compareText(b.id, a.id) || compareText(b.status, a.status)
  );
}

const resolve = <T extends AttendanceEntry>(live: T[]): AttendanceResolution<T> => {
  const records = live.toSorted(compareLatestFirst);
  const record = records[0] ?? null;
  return {
    status: record?.status ?? null,
    record,
    records,
    disputed: records.some((r) => r.status !== record?.status),
  };
};

export const pairKey = (sessionId: string, enrollmentId: string) => `${sessionId}|${enrollmentId}`;

/** The attendance of one participant at one session. */
export function attendanceFor<T extends AttendanceEntry>(
  session: { id: string },
  enrollment: { id: string },
  records: readonly T[],
): AttendanceResolution<T> {
  return resolve(records.filter((r) => !r.deleted && r.sessionId === session.id && r.enrollmentId === enrollment.id));
}

/** Every recorded pair resolved at once, keyed by `pairKey(sessionId, enrollmentId)`. */
export function resolveAttendance<T extends AttendanceEntry>(
  records: readonly T[],
): Map<string, AttendanceResolution<T>> {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    if (record.deleted) continue;
    const key = pairKey(record.sessionId, record.enrollmentId);
    const group = groups.get(key);
    if (group) group.push(record);
    else groups.set(key, [record]);
  }
  return new Map([...groups].map(([key, group]) => [key, resolve(group)]));
}

export type AttendanceWrite =
  | { op: 'create'; data: Attendance }
  | { op: 'update'; id: string; data: { status: AttendanceStatus } }
  | { op: 'delete'; id: string };

/**
 * The writes for a tap (or for settling a dispute): create when nothing is recorded, otherwise set
 * the status on every live record of the pair that differs, so the pair agrees again. `null`
 * clears the pair (soft deletes). The caller gives a create a new random id and each write the
 * record's current rev as base; a concurrent change of the same record becomes a server conflict.
 */
export function attendanceWrites(
  current: AttendanceResolution,
  sessionId: string,
  enrollmentId: string,
  status: AttendanceStatus | null,
): AttendanceWrite[] {
  if (status === null) return current.records.map((r) => ({ op: 'delete', id: r.id }));
  if (current.records.length === 0) return [{ op: 'create', data: { sessionId, enrollmentId, status } }];
  return current.records.filter((r) => r.status !== status).map((r) => ({ op: 'update', id: r.id, data: { status } }));
}
