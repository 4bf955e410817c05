import { describe, expect, it } from 'vitest';
import { sectionsFor } from '../../../shared/visits/templates.ts';
import { sectionEntries, type VisitFacts } from './section-states.ts';

const facts = (patch: Partial<VisitFacts> = {}): VisitFacts => ({
  signed: false,
  recordDraft: false,
  sections: sectionsFor('besoeg-1-5-aar'),
  saved: new Set(),
  drafts: new Set(),
  notes: 0,
  ...patch,
});
const states = (f: VisitFacts) => Object.fromEntries(sectionEntries(f, String).map((e) => [e.id, e.state]));

describe('sectionEntries', () => {
  it('lists the record, the template sections in order and the journal', () => {
    expect(sectionEntries(facts(), String).map((e) => e.id)).toEqual([
      'visit',
      'measurements',
      'assessments',
      'feeding',
      'tobacco',
      'topi',
      'epds',
      'adbb',
      'journal',
    ]);
  });

  it('says missing for an empty required section, empty for an optional one', () => {
    expect(states(facts())).toMatchObject({ measurements: 'missing', topi: 'empty', journal: 'empty' });
  });

  it('says not saved while typing waits in a draft, even over a saved section', () => {
    const s = states(facts({ saved: new Set(['measurements', 'epds']), drafts: new Set(['measurements']) }));
    expect(s).toMatchObject({ measurements: 'draft', epds: 'saved', assessments: 'missing' });
    expect(states(facts({ recordDraft: true })).visit).toBe('draft');
  });

  it('marks a signed visit signed and its empty sections empty, not missing', () => {
    expect(states(facts({ signed: true, notes: 2 }))).toMatchObject({
      visit: 'signed',
      measurements: 'empty',
      journal: 'saved',
    });
  });
});
