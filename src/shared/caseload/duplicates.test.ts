import { describe, expect, it } from 'vitest';
import { findDuplicateChild, normaliseName } from './duplicates.ts';

const existing = [
  { id: 'a', cpr: '1403254123', firstName: 'Anne-Sofie', lastName: 'Østergård', birthDate: '2025-03-14' },
  { id: 'b', cpr: '', firstName: 'Emil', lastName: 'Hansen', birthDate: '2025-03-14' },
  { id: 'c', cpr: '', firstName: 'Emil', lastName: 'Hansen', birthDate: '2025-03-15' },
  { id: 'd', cpr: '', firstName: 'José', lastName: 'Pérez', birthDate: '2024-11-02' },
];

describe('normaliseName', () => {
  it('ignores case, accents, hyphens and extra spaces', () => {
    expect(normaliseName('  Anne-Sofie   Østergård ')).toBe('anne sofie ostergard');
    expect(normaliseName('ÆBLE Ærø')).toBe('aeble aero');
  });
});

describe('findDuplicateChild', () => {
  it('matches the same CPR number, with or without the dash', () => {
    const candidate = { cpr: '140325-4123', firstName: 'Alma', lastName: '', birthDate: '2025-03-14' };
    expect(findDuplicateChild(candidate, existing)).toEqual([{ id: 'a', reason: 'cpr' }]);
  });

  it('matches the same birth date and name written loosely alike', () => {
    const emil = { cpr: '', firstName: ' emil ', lastName: 'HANSEN', birthDate: '2025-03-14' };
    expect(findDuplicateChild(emil, existing)).toEqual([{ id: 'b', reason: 'name-and-birthdate' }]);
    const jose = { cpr: '', firstName: 'Jose', lastName: 'Perez', birthDate: '2024-11-02' };
    expect(findDuplicateChild(jose, existing)).toEqual([{ id: 'd', reason: 'name-and-birthdate' }]);
    const anne = { cpr: '', firstName: 'anne sofie', lastName: 'Ostergard', birthDate: '2025-03-14' };
    expect(findDuplicateChild(anne, existing)).toEqual([{ id: 'a', reason: 'name-and-birthdate' }]);
  });

  it('lists CPR matches before name matches and never the record itself', () => {
    const candidate = { id: 'x', cpr: '1403254123', firstName: 'Emil', lastName: 'Hansen', birthDate: '2025-03-14' };
    expect(findDuplicateChild(candidate, existing)).toEqual([
      { id: 'a', reason: 'cpr' },
      { id: 'b', reason: 'name-and-birthdate' },
    ]);
    expect(findDuplicateChild({ ...existing[1], id: 'b' } as (typeof existing)[number], existing)).toEqual([]);
  });

  it('does not match empty CPR numbers or other birth dates', () => {
    const candidate = { cpr: '', firstName: 'Emil', lastName: 'Hansen', birthDate: '2025-03-16' };
    expect(findDuplicateChild(candidate, existing)).toEqual([]);
  });
});
