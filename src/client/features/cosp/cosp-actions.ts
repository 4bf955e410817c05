/**
 * What the COS-P screens write: one tap of attendance (resolved per participant by the server's
 * commit order, never overwriting a colleague's tap silently), enrolment behind the consent gate,
 * a facilitator's own group note, and family reflections that are signed and then only amended.
 */
import type { ConsentRefusal } from '../../../shared/caseload/consent.ts';
import { type AttendanceStatus, attendanceFor, attendanceWrites } from '../../../shared/cosp/attendance.ts';
import { enrolmentGate } from '../../../shared/cosp/enrollment.ts';
import { type FamilyReflection, newReflection } from '../../../shared/cosp/family-reflection.ts';
import { localToday } from '../../../shared/domain/age.ts';
import type { Signer } from '../../../shared/journal/signature.ts';
import { amendNote, signNote } from '../../../shared/journal/signed-note.ts';
import type { RecordView } from '../../db/reader.ts';
import { records } from '../../db/store.ts';
import { writer } from '../../db/write-store.ts';
import type { NoteActions } from '../../forms/signed-notes.tsx';

export const attendanceEntries = (rows: RecordView<'cospAttendance'>[]) =>
  rows.map((r) => ({ id: r.id, seq: r.seq, pending: r.sync !== 'synced', ...r.data }));

export async function tapAttendance(
  sessionId: string,
  enrollmentId: string,
  status: AttendanceStatus,
  rows: RecordView<'cospAttendance'>[],
): Promise<void> {
  const current = attendanceFor({ id: sessionId }, { id: enrollmentId }, attendanceEntries(rows));
  for (const write of attendanceWrites(current, sessionId, enrollmentId, status)) {
    if (write.op === 'create') await writer.create('cospAttendance', write.data);
    else if (write.op === 'update') {
      const row = rows.find((r) => r.id === write.id);
      if (row) await writer.update('cospAttendance', write.id, { ...row.data, ...write.data });
    } else await writer.remove('cospAttendance', write.id);
  }
}

export type EnrolOutcome = { ok: true } | { ok: false; reason: ConsentRefusal | 'already' };

export async function enrol(
  courseId: string,
  choice: { familyId: string; caregiverId: string; focusChildId: string },
): Promise<EnrolOutcome> {
  const [consents, enrollments] = await Promise.all([
    records.ofFamily('consent', choice.familyId),
    records.byIndex('cospEnrollment', 'courseId', courseId),
  ]);
  const today = localToday();
  const gate = enrolmentGate(
    consents.map((c) => c.data),
    choice.familyId,
    today,
  );
  if (!gate.ok) return { ok: false, reason: gate.reason };
  if (enrollments.some((e) => e.data.caregiverId === choice.caregiverId)) return { ok: false, reason: 'already' };
  await writer.create('cospEnrollment', { courseId, ...choice, enrolledOn: today, outcome: '', dropoutReason: '' });
  return { ok: true };
}

export async function saveGroupNote(sessionId: string, author: string, text: string, id?: string): Promise<void> {
  if (id) await writer.update('cospGroupNote', id, { sessionId, author, text });
  else await writer.create('cospGroupNote', { sessionId, author, text });
}

type ReflectionRefs = { familyId: string; courseId: string; sessionId: string };

/** Saves a family's reflection as its author's draft (a new one, or the draft `id`), signed when `sign`. */
export async function saveReflection(
  refs: ReflectionRefs,
  author: Signer,
  text: string,
  sign: boolean,
  id?: string,
): Promise<string> {
  const current = id ? await records.get('cospFamilyReflection', id) : undefined;
  const data = { ...(current?.data ?? newReflection(refs, author)), text };
  const next = sign ? signNote(data, author, new Date()) : data;
  if (current) {
    await writer.update('cospFamilyReflection', current.id, next);
    return current.id;
  }
  return writer.create('cospFamilyReflection', next);
}

/** The journal's actions on reflections: edit or sign a draft, correct a signed one. */
export const reflectionActions = (me: Signer): NoteActions<FamilyReflection> => ({
  me,
  onEdit: async (note, text, sign) => {
    const data = { ...note.data, text };
    await writer.update('cospFamilyReflection', note.id, sign ? signNote(data, me, new Date()) : data);
  },
  onAmend: async (original, text, reason) => {
    await writer.create('cospFamilyReflection', amendNote(original, text, reason, me, new Date()));
  },
});
