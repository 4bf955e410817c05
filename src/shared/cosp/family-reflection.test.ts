import { describe, expect, it } from 'vitest';
import {
  amend,
  amendmentsOf,
  canEdit,
  type FamilyReflection,
  familyReflectionSchema,
  sign,
} from './family-reflection.ts';
import { ids, sessionId } from './test-fixtures.ts';

const originalId = '8dbed2d0-0121-4eb1-9f90-000000000001';
const draft: FamilyReflection = {
  familyId: ids.family,
  courseId: ids.course,
  sessionId: sessionId(3),
  author: 'Mette Holm',
  text: 'Mor fortalte om at "være med" ved puttetid.',
  status: 'kladde',
  signedBy: '',
  signedAt: '',
  amendsId: '',
};
const signed = { ...draft, id: originalId, ...sign(draft, 'Mette Holm', '2025-09-04T11:02:00+02:00') };

describe('family reflection', () => {
  it('a draft can be edited and signed; a signed note is read-only', () => {
    expect(canEdit(draft)).toBe(true);
    expect(familyReflectionSchema.parse(signed)).toMatchObject({ status: 'underskrevet', signedBy: 'Mette Holm' });
    expect(canEdit(signed)).toBe(false);
    expect(() => sign(signed, 'Lars', '2025-09-05T10:00:00+02:00')).toThrow();
  });

  it('an amendment is a new draft pointing to the original, which is left unchanged', () => {
    const before = structuredClone(signed);
    const correction = amend(signed, 'Rettelse: det var far, der fortalte.', 'Lars Berg');
    expect(signed).toEqual(before);
    expect(correction).toEqual({
      familyId: ids.family,
      courseId: ids.course,
      sessionId: sessionId(3),
      author: 'Lars Berg',
      text: 'Rettelse: det var far, der fortalte.',
      status: 'kladde',
      signedBy: '',
      signedAt: '',
      amendsId: originalId,
    });
    expect(familyReflectionSchema.safeParse(correction).success).toBe(true);
  });

  it('a correction of a correction still points to the first note', () => {
    const first = { ...amend(signed, 'Rettelse 1', 'Lars Berg'), id: '8dbed2d0-0121-4eb1-9f90-000000000002' };
    const firstSigned = { ...first, ...sign(first, 'Lars Berg', '2025-09-05T09:00:00+02:00') };
    expect(amend(firstSigned, 'Rettelse 2', 'Mette Holm').amendsId).toBe(originalId);
  });

  it('a draft is edited, not amended', () => {
    expect(() => amend({ ...draft, id: originalId }, 'x', 'Lars Berg')).toThrow();
  });

  it('lists corrections in server order, unsent ones last, ignoring clocks', () => {
    const correction = (n: number, seq: number | null, signedAt = '') => ({
      ...amend(signed, `Rettelse ${n}`, 'Lars Berg'),
      id: `8dbed2d0-0121-4eb1-9f90-00000000001${n}`,
      seq,
      signedAt,
    });
    const notes = [
      correction(1, null),
      correction(2, 30, '2020-01-01T00:00:00Z'),
      correction(3, 12, '2030-01-01T00:00:00Z'),
      { ...signed, seq: 5 },
    ];
    expect(amendmentsOf(notes, originalId).map((n) => n.text)).toEqual(['Rettelse 3', 'Rettelse 2', 'Rettelse 1']);
    expect(amendmentsOf(notes.toReversed(), originalId).map((n) => n.text)).toEqual([
      'Rettelse 3',
      'Rettelse 2',
      'Rettelse 1',
    ]);
  });
});
