import { describe, expect, it } from 'vitest';
import { matches, searchIndex } from './search.ts';

describe('caseload search', () => {
  const entry = searchIndex('1', ['Familien Sørensen', 'Åvej 3, Ålborg', 'Ida', '1403254123']);

  it('matches every typed word, ignoring case and Danish letters', () => {
    expect(matches(entry, 'sørensen')).toBe(true);
    expect(matches(entry, 'sorensen')).toBe(true);
    expect(matches(entry, 'SØR ida')).toBe(true);
    expect(matches(entry, 'aalborg')).toBe(true);
    expect(matches(entry, 'jensen')).toBe(false);
  });

  it('finds a CPR number typed with a dash', () => {
    expect(matches(entry, '140325-4123')).toBe(true);
    expect(matches(entry, '140325')).toBe(true);
  });

  it('matches everything on an empty query', () => {
    expect(matches(entry, '  ')).toBe(true);
  });
});
