import { describe, expect, it } from 'vitest';
import { familiesOf, familyOf } from './family-of.ts';

const F = '3f0c1e2a-5b6d-4e7f-8a9b-0c1d2e3f4a5b';

describe('familyOf', () => {
  it('finds the family of each kind of record', () => {
    expect(familyOf({ kind: 'family', id: F, data: {} })).toBe(F);
    expect(familyOf({ kind: 'child', id: 'c', data: { familyId: F } })).toBe(F);
    expect(familyOf({ kind: 'settings', id: 's', data: { schedule: [] } })).toBeNull();
    expect(familyOf({ kind: 'conflict', id: 'x', data: { recordKind: 'family', recordId: F } })).toBe(F);
    expect(familyOf({ kind: 'conflict', id: 'x', data: { recordKind: 'child', theirs: { familyId: F } } })).toBe(F);
    expect(familyOf({ kind: 'conflict', id: 'x', data: { recordKind: 'child', theirs: null, mine: null } })).toBeNull();
  });

  it('lists each family of a page once', () => {
    const page = [
      { kind: 'family', id: F, data: {} },
      { kind: 'child', id: 'c1', data: { familyId: F } },
      { kind: 'visit', id: 'v', data: { familyId: 'other' } },
    ];
    expect([...familiesOf(page)].sort()).toEqual([F, 'other'].sort());
  });
});
