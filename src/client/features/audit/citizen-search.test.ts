import { describe, expect, it } from 'vitest';
import { MAX_HITS, type SearchChild, searchCitizens } from './citizen-search.ts';

const families = [
  { id: 'f1', name: 'Familien Jensen', caregivers: ['Mette Jensen', 'Søren Jensen'], archived: false },
  { id: 'f2', name: 'Familien Ørum', caregivers: ['Åse Ørum'], archived: true },
];
const children: SearchChild[] = [
  { id: 'c1', familyId: 'f1', name: 'Alma Jensen', cpr: '1403254234', archived: false },
  { id: 'c2', familyId: 'f1', name: 'Oskar Jensen', cpr: '0201234567', archived: false },
  { id: 'c3', familyId: 'f2', name: 'Ida Ørum', cpr: '1403244321', archived: true },
];
const caseload = { families, children };
const ids = (query: string) => searchCitizens(query, caseload).map((h) => `${h.kind}:${h.id}`);

describe('finding a citizen on the device', () => {
  it('finds a child by the whole CPR number, with or without the dash, and names the family', () => {
    expect(ids('1403254234')).toEqual(['child:c1']);
    expect(ids('140325-4234')).toEqual(['child:c1']);
    expect(searchCitizens(' 140325 4234 ', caseload)[0]).toMatchObject({ familyName: 'Familien Jensen' });
  });

  it('finds children by the first digits of the CPR number, but not by 1–3 digits', () => {
    expect(ids('1403')).toEqual(['child:c1', 'child:c3']);
    expect(ids('140')).toEqual([]);
    expect(ids('9999')).toEqual([]);
  });

  it('finds children by name and families by their name or a caregiver, ignoring case and accents', () => {
    expect(ids('alma')).toEqual(['child:c1']);
    expect(ids('jensen')).toEqual(['child:c1', 'child:c2', 'family:f1']);
    expect(ids('sore')).toEqual(['family:f1']);
    expect(ids('ORUM')).toEqual(['child:c3', 'family:f2']);
    expect(ids('aase')).toEqual(['family:f2']);
    expect(ids('oskar jensen')).toEqual(['child:c2']);
  });

  it('finds archived citizens too, and nothing for an empty query', () => {
    expect(searchCitizens('ida', caseload)[0]).toMatchObject({ archived: true, familyId: 'f2' });
    expect(ids('   ')).toEqual([]);
  });

  it(`lists at most ${MAX_HITS} hits`, () => {
    const many = Array.from({ length: 30 }, (_, i) => ({
      id: `x${i}`,
      familyId: 'f1',
      name: `Barn ${i}`,
      cpr: `01012${String(i).padStart(2, '0')}400`.slice(0, 10),
      archived: false,
    }));
    expect(searchCitizens('barn', { families, children: many })).toHaveLength(MAX_HITS);
  });
});
