import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { familyReflectionSchema, newReflection } from '../cosp/family-reflection.ts';
import { msg } from '../schemas/fields.ts';
import { type JournalNote, journalNoteSchema, newNote } from '../visits/journal.ts';
import { FinalRecordError, journalMsg, type Stored, signatureTimesDiffer } from './signature.ts';
import { amendNote, canEdit, noteHistory, signNote } from './signed-note.ts';

const familyId = '0b3c5a3e-8a4f-4c39-9d1e-3f4f5a6b7c8d';
const childId = '1c4d6b4f-9b5a-4d4a-8e2f-4a5b6c7d8e9f';
const visitId = '2d5e7c5a-0c6b-4e5b-9f3a-5b6c7d8e9fa0';
const courseId = '3e6f8d6b-1d7c-4f6c-8a4b-6c7d8e9fa0b1';
const sessionId = '4f7a9e7c-2e8d-4a7d-9b5c-7d8e9fa0b1c2';
const anna = { id: 'u-anna', displayName: 'Anna Sørensen' };
const bo = { id: 'u-bo', displayName: 'Bo Madsen' };
const at = (iso: string) => new Date(iso);

const uuid = (n: number) => `a0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const stored = (id: string, data: JournalNote, seq: number | null = null): Stored<JournalNote> => ({ id, seq, data });

/** Deep-freezes, so a rule that mutates its input throws in strict mode. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

const draft = () => newNote({ familyId, childId, visitId }, anna, 'Mor fortæller om dårlig søvn.');
const signedOriginal = () => deepFreeze(stored(uuid(1), signNote(draft(), anna, at('2025-05-14T09:00:00.000Z')), 10));
const issue = (data: unknown, path: string) =>
  journalNoteSchema.safeParse(data).error?.issues.find((i) => i.path.join('.') === path)?.message;

describe('signed note schema (journal notes and COS-P reflections share it)', () => {
  it('a new note is a valid draft by its author', () => {
    const note = draft();
    expect(journalNoteSchema.parse(note)).toEqual(note);
    expect(note).toMatchObject({ status: 'kladde', author: 'Anna Sørensen', authorId: 'u-anna', amendsId: '' });
    const reflection = newReflection({ familyId, courseId, sessionId }, anna, 'Mor øvede "at være med".');
    expect(familyReflectionSchema.parse(reflection)).toEqual(reflection);
  });

  it('a signed note has text and a signature; a draft has none; only a correction has a reason', () => {
    const signed = signNote(draft(), anna, at('2025-05-14T09:00:00.000Z'));
    expect(journalNoteSchema.parse(signed)).toEqual(signed);
    expect(issue({ ...signed, text: '  ' }, 'text')).toBe(msg.required);
    expect(issue({ ...signed, signedAt: '' }, 'signedAt')).toBe(msg.required);
    expect(issue({ ...draft(), signedBy: 'Anna' }, 'signedBy')).toBe(journalMsg.notApplicable);
    expect(issue({ ...draft(), serverSignedAt: '2025-05-14T09:00:00.000Z' }, 'serverSignedAt')).toBe(
      journalMsg.notApplicable,
    );
    expect(issue({ ...draft(), amendmentReason: 'fordi' }, 'amendmentReason')).toBe(journalMsg.notApplicable);
    expect(issue({ ...draft(), childId: 'barn' }, 'childId')).toBe(msg.invalidChoice);
  });

  it('still reads a reflection signed before ids and reasons were kept (nothing signed is hidden)', () => {
    const legacy = {
      familyId,
      courseId,
      sessionId,
      author: 'Mette Holm',
      text: 'Mor fortalte om puttetid.',
      status: 'underskrevet',
      signedBy: 'Mette Holm',
      signedAt: '2025-09-04T11:02:00+02:00',
      amendsId: uuid(9),
    };
    expect(familyReflectionSchema.safeParse(legacy).success).toBe(true);
  });

  it('a family-level note has no child', () => {
    expect(journalNoteSchema.safeParse(newNote({ familyId }, anna, 'Familiemøde')).success).toBe(true);
  });
});

describe('signed note rules', () => {
  it('only a draft can be edited; signing returns new data and leaves the draft', () => {
    const before = deepFreeze(draft());
    expect(canEdit(before)).toBe(true);
    const signed = signNote(before, bo, at('2025-05-14T09:30:00.000Z'));
    expect(signed).toEqual({
      ...before,
      status: 'underskrevet',
      signedBy: 'Bo Madsen',
      signedById: 'u-bo',
      signedAt: '2025-05-14T09:30:00.000Z',
    });
    expect(canEdit(signed)).toBe(false);
    expect(() => signNote(signed, anna, new Date())).toThrow(FinalRecordError);
  });

  it('a correction is a new note, signed when made, pointing to the original, which stays unchanged', () => {
    const original = signedOriginal();
    const snapshot = structuredClone(original);
    const when = at('2025-05-15T08:00:00.000Z');
    const correction = amendNote(original, 'Søvnen er god; det var lillebror.', 'Forveksling af børn', bo, when);
    expect(original).toEqual(snapshot);
    expect(correction).toEqual({
      familyId,
      childId,
      visitId,
      text: 'Søvnen er god; det var lillebror.',
      status: 'underskrevet',
      author: 'Bo Madsen',
      authorId: 'u-bo',
      signedBy: 'Bo Madsen',
      signedById: 'u-bo',
      signedAt: '2025-05-15T08:00:00.000Z',
      serverSignedAt: '',
      recordedAt: '',
      amendsId: original.id,
      amendmentReason: 'Forveksling af børn',
    });
    expect(journalNoteSchema.safeParse(correction).success).toBe(true);
  });

  it('amending a correction still points to the original; a draft cannot be amended', () => {
    const original = signedOriginal();
    const first = stored(uuid(2), amendNote(original, 'A', 'r1', anna, at('2025-05-15T08:00:00Z')), 11);
    expect(amendNote(first, 'B', 'r2', bo, new Date()).amendsId).toBe(original.id);
    expect(() => amendNote(stored(uuid(3), draft()), 'x', 'y', anna, new Date())).toThrow(FinalRecordError);
  });

  it('a correction does not inherit the original server times', () => {
    const original = stored(uuid(1), {
      ...signNote(draft(), anna, at('2025-05-14T09:00:00Z')),
      serverSignedAt: '2025-05-14T09:05:00.000Z',
      recordedAt: '2025-05-14T09:05:00.000Z',
    });
    const correction = amendNote(original, 'x', 'r', bo, new Date());
    expect(correction.serverSignedAt).toBe('');
    expect(correction.recordedAt).toBe('');
  });

  it('shows both times when the device and the server differ by more than a day', () => {
    const signed = signNote(draft(), anna, at('2025-05-14T09:00:00Z'));
    expect(signatureTimesDiffer(signed)).toBe(false);
    expect(signatureTimesDiffer({ ...signed, serverSignedAt: '2025-05-14T20:00:00.000Z' })).toBe(false);
    expect(signatureTimesDiffer({ ...signed, serverSignedAt: '2025-05-15T09:00:01.000Z' })).toBe(true);
  });
});

describe('noteHistory', () => {
  it('groups each original with its corrections in order, threads by their original', () => {
    const o1 = signedOriginal();
    const o2 = stored(
      uuid(2),
      signNote(newNote({ familyId }, bo, 'Telefonsamtale'), bo, at('2025-05-16T10:00:00Z')),
      12,
    );
    const a1 = stored(uuid(3), amendNote(o1, 'Rettelse 1', 'r1', anna, at('2025-05-17T08:00:00Z')), 20);
    const a2 = stored(uuid(4), amendNote(o1, 'Rettelse 2', 'r2', bo, at('2025-05-18T08:00:00Z')), 14);
    const history = noteHistory([a2, o2, a1, o1]);
    expect(history.map((t) => t.originalId)).toEqual([o1.id, o2.id]);
    expect(history[0]?.original).toBe(o1);
    expect(history[0]?.amendments.map((a) => a.id)).toEqual([a1.id, a2.id]);
    expect(history[1]?.amendments).toEqual([]);
  });

  it("orders by the server's time of signing when it has one, not by a device clock", () => {
    const o = signedOriginal();
    // A device clock set to 2099 signed first; the server received it before the second correction.
    const wrongClock = stored(uuid(3), {
      ...amendNote(o, 'x', 'r', anna, at('2099-01-01T00:00:00Z')),
      serverSignedAt: '2025-05-17T08:00:00.000Z',
    });
    const second = stored(uuid(4), {
      ...amendNote(o, 'y', 'r', bo, at('2025-05-18T08:00:00Z')),
      serverSignedAt: '2025-05-18T08:00:00.000Z',
    });
    expect(noteHistory([o, second, wrongClock])[0]?.amendments.map((a) => a.id)).toEqual([uuid(3), uuid(4)]);
  });

  it('keeps a correction whose original is not on the device, in a thread without an original', () => {
    const a = stored(uuid(3), amendNote(signedOriginal(), 'R', 'r', anna, at('2025-05-17T08:00:00Z')), 3);
    expect(noteHistory([a])).toEqual([{ originalId: uuid(1), original: null, amendments: [a] }]);
  });

  it('breaks ties in the time of signing by server seq, then id', () => {
    const time = at('2025-05-17T08:00:00Z');
    const o = signedOriginal();
    const later = stored(uuid(3), amendNote(o, 'x', 'r', anna, time), 30);
    const earlier = stored(uuid(4), amendNote(o, 'y', 'r', anna, time), 29);
    const unsynced = stored(uuid(2), amendNote(o, 'z', 'r', anna, time));
    expect(noteHistory([o, later, unsynced, earlier])[0]?.amendments.map((a) => a.id)).toEqual([
      uuid(4),
      uuid(3),
      uuid(2),
    ]);
  });

  it('property: amending any number of times never changes the original, and every correction hangs on it', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            text: fc.string({ minLength: 1, maxLength: 40 }),
            reason: fc.string({ minLength: 1, maxLength: 40 }),
            /** Amend the original or the latest correction. */
            ofLatest: fc.boolean(),
            minutes: fc.integer({ min: 1, max: 100_000 }),
          }),
          { maxLength: 25 },
        ),
        (steps) => {
          const original = signedOriginal();
          const snapshot = structuredClone(original);
          const notes: Stored<JournalNote>[] = [original];
          let latest = original;
          steps.forEach((step, i) => {
            const base = step.ofLatest ? latest : original;
            const when = new Date(Date.parse('2025-05-14T09:00:00Z') + step.minutes * 60_000);
            const note = deepFreeze(
              stored(uuid(100 + i), amendNote(base, step.text, step.reason, i % 2 ? anna : bo, when), 100 + i),
            );
            notes.push(note);
            latest = note;
          });
          expect(original).toEqual(snapshot);
          const history = noteHistory(notes);
          expect(history).toHaveLength(1);
          expect(history[0]?.original).toEqual(snapshot);
          expect(history[0]?.amendments).toHaveLength(steps.length);
          for (const a of history[0]?.amendments ?? []) expect(a.data.amendsId).toBe(original.id);
        },
      ),
    );
  });
});
