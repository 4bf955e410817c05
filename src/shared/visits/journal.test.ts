import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { msg } from '../schemas/fields.ts';
import { FinalRecordError, type Stored, visitsMsg } from './common.ts';
import {
  amend,
  canEdit,
  type JournalNote,
  journalHistory,
  journalNoteSchema,
  journalNoteWriteProblem,
  newNote,
  sign,
} from './journal.ts';

const familyId = '0b3c5a3e-8a4f-4c39-9d1e-3f4f5a6b7c8d';
const childId = '1c4d6b4f-9b5a-4d4a-8e2f-4a5b6c7d8e9f';
const visitId = '2d5e7c5a-0c6b-4e5b-9f3a-5b6c7d8e9fa0';
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
const signedOriginal = () => deepFreeze(stored(uuid(1), sign(draft(), anna, at('2025-05-14T09:00:00.000Z')), 10));

describe('journal note schema', () => {
  it('a new note is a valid draft by its author', () => {
    const note = draft();
    expect(journalNoteSchema.parse(note)).toEqual(note);
    expect(note).toMatchObject({ status: 'kladde', author: 'Anna Sørensen', authorId: 'u-anna', amendsId: '' });
  });

  it('a signed note has text and a signature; a draft has no signature', () => {
    const signed = sign(draft(), anna, at('2025-05-14T09:00:00.000Z'));
    expect(journalNoteSchema.parse(signed)).toEqual(signed);
    const issue = (data: unknown, path: string) =>
      journalNoteSchema.safeParse(data).error?.issues.find((i) => i.path.join('.') === path)?.message;
    expect(issue({ ...signed, text: '  ' }, 'text')).toBe(msg.required);
    expect(issue({ ...signed, signedAt: '' }, 'signedAt')).toBe(msg.required);
    expect(issue({ ...draft(), signedBy: 'Anna' }, 'signedBy')).toBe(visitsMsg.notApplicable);
    expect(issue({ ...draft(), author: '' }, 'author')).toBe(msg.required);
    expect(issue({ ...draft(), amendsId: uuid(1) }, 'amendmentReason')).toBe(msg.required);
    expect(issue({ ...draft(), amendmentReason: 'fordi' }, 'amendmentReason')).toBe(visitsMsg.notApplicable);
    expect(issue({ ...draft(), childId: 'barn' }, 'childId')).toBe(msg.invalidChoice);
  });

  it('a family-level note has no child', () => {
    expect(journalNoteSchema.safeParse(newNote({ familyId }, anna, 'Familiemøde')).success).toBe(true);
  });
});

describe('journal rules', () => {
  it('only a draft can be edited', () => {
    expect(canEdit(draft())).toBe(true);
    expect(canEdit(signedOriginal().data)).toBe(false);
    expect(journalNoteWriteProblem(draft())).toBeNull();
    expect(journalNoteWriteProblem(signedOriginal().data)).toBe(visitsMsg.signedReadOnly);
  });

  it('signing returns the signed data and leaves the draft as it was', () => {
    const before = deepFreeze(draft());
    const signed = sign(before, bo, at('2025-05-14T09:30:00.000Z'));
    expect(signed).toEqual({
      ...before,
      status: 'underskrevet',
      signedBy: 'Bo Madsen',
      signedById: 'u-bo',
      signedAt: '2025-05-14T09:30:00.000Z',
    });
    expect(before.status).toBe('kladde');
  });

  it('a signed note is final: signing again throws', () => {
    expect(() => sign(signedOriginal().data, anna, new Date())).toThrow(FinalRecordError);
  });

  it('an amendment is a new draft pointing to the original, which stays unchanged', () => {
    const original = signedOriginal();
    const snapshot = structuredClone(original);
    const correction = amend(original, 'Søvnen er god; det var lillebror.', 'Forveksling af børn', bo);
    expect(original).toEqual(snapshot);
    expect(correction).toEqual({
      familyId,
      childId,
      visitId,
      text: 'Søvnen er god; det var lillebror.',
      status: 'kladde',
      author: 'Bo Madsen',
      authorId: 'u-bo',
      signedBy: '',
      signedById: '',
      signedAt: '',
      amendsId: original.id,
      amendmentReason: 'Forveksling af børn',
    });
    expect(journalNoteSchema.safeParse(correction).success).toBe(true);
    expect(canEdit(correction)).toBe(true);
  });

  it('amending a correction still points to the original; a draft cannot be amended', () => {
    const original = signedOriginal();
    const first = stored(uuid(2), sign(amend(original, 'A', 'r1', anna), anna, at('2025-05-15T08:00:00Z')), 11);
    expect(amend(first, 'B', 'r2', bo).amendsId).toBe(original.id);
    expect(() => amend(stored(uuid(3), draft()), 'x', 'y', anna)).toThrow(FinalRecordError);
  });
});

describe('journalHistory', () => {
  it('groups each original with its amendments in order, threads by their original', () => {
    const o1 = signedOriginal();
    const o2 = stored(uuid(2), sign(newNote({ familyId }, bo, 'Telefonsamtale'), bo, at('2025-05-16T10:00:00Z')), 12);
    const a1 = stored(uuid(3), sign(amend(o1, 'Rettelse 1', 'r1', anna), anna, at('2025-05-17T08:00:00Z')), 20);
    const a2 = stored(uuid(4), sign(amend(o1, 'Rettelse 2', 'r2', bo), bo, at('2025-05-18T08:00:00Z')), 14);
    const draftAmendment = stored(uuid(5), amend(o1, 'Kladde', 'r3', anna));
    const history = journalHistory([draftAmendment, a2, o2, a1, o1]);
    expect(history.map((t) => t.originalId)).toEqual([o1.id, o2.id]);
    expect(history[0]?.original).toBe(o1);
    // Display order is signedAt as recorded; the unsigned correction comes last.
    expect(history[0]?.amendments.map((a) => a.id)).toEqual([a1.id, a2.id, draftAmendment.id]);
    expect(history[1]?.amendments).toEqual([]);
  });

  it('keeps a correction whose original is not on the device, in a thread without an original', () => {
    const a = stored(uuid(3), sign(amend(signedOriginal(), 'R', 'r', anna), anna, at('2025-05-17T08:00:00Z')), 3);
    expect(journalHistory([a])).toEqual([{ originalId: uuid(1), original: null, amendments: [a] }]);
  });

  it('breaks ties in signedAt by server seq, then id', () => {
    const time = at('2025-05-17T08:00:00Z');
    const o = signedOriginal();
    const later = stored(uuid(3), sign(amend(o, 'x', 'r', anna), anna, time), 30);
    const earlier = stored(uuid(4), sign(amend(o, 'y', 'r', anna), anna, time), 29);
    const unsynced = stored(uuid(2), sign(amend(o, 'z', 'r', anna), anna, time));
    expect(journalHistory([o, later, unsynced, earlier])[0]?.amendments.map((a) => a.id)).toEqual([
      uuid(4),
      uuid(3),
      uuid(2),
    ]);
  });

  it('property: amending any number of times never changes the original, and every amendment hangs on it', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            text: fc.string({ minLength: 1, maxLength: 40 }),
            reason: fc.string({ minLength: 1, maxLength: 40 }),
            /** Amend the original or the latest correction. */
            ofLatest: fc.boolean(),
            signIt: fc.boolean(),
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
            const data = amend(base, step.text, step.reason, i % 2 ? anna : bo);
            const when = new Date(Date.parse('2025-05-14T09:00:00Z') + step.minutes * 60_000);
            const note = deepFreeze(stored(uuid(100 + i), step.signIt ? sign(data, anna, when) : data, 100 + i));
            notes.push(note);
            if (step.signIt) latest = note;
          });
          expect(original).toEqual(snapshot);
          const history = journalHistory(notes);
          expect(history).toHaveLength(1);
          expect(history[0]?.original).toEqual(snapshot);
          expect(history[0]?.amendments).toHaveLength(steps.length);
          for (const a of history[0]?.amendments ?? []) expect(a.data.amendsId).toBe(original.id);
        },
      ),
    );
  });
});
