import { describe, expect, it } from 'vitest';
import type { Stored } from '../journal/signature.ts';
import type { Observation, ObservationValuesInput } from './observation.ts';
import { observationSchema } from './observation.ts';
import {
  defaultVisitTemplates,
  formSections,
  requiredSections,
  sectionsFor,
  type VisitTemplates,
  visitSignProblems,
} from './templates.ts';
import { visitTypes } from './visit.ts';

const ids = {
  visit: '2d5e7c5a-0c6b-4e5b-9f3a-5b6c7d8e9fa0',
  child: '1c4d6b4f-9b5a-4d4a-8e2f-4a5b6c7d8e9f',
  family: '0b3c5a3e-8a4f-4c39-9d1e-3f4f5a6b7c8d',
};

const sectionKeys = (type: (typeof visitTypes)[number]) => sectionsFor(type).map((s) => s.section);

const stored = (id: string, values: ObservationValuesInput, seq?: number): Stored<Observation> => ({
  id,
  seq: seq ?? null,
  data: observationSchema.parse({ visitId: ids.visit, childId: ids.child, familyId: ids.family, values }),
});
const notMeasured = {
  section: 'measurements',
  weightReason: 'barnet-ikke-til-stede',
  lengthReason: 'barnet-ikke-til-stede',
  headReason: 'barnet-ikke-til-stede',
} as const;

describe('observation templates', () => {
  it('has a template for every visit type, each section at most once', () => {
    // The handover to daycare is a contact of the plan carried out by its own record, never a visit.
    expect(sectionKeys('overlevering')).toEqual([]);
    for (const type of visitTypes.filter((t) => t !== 'overlevering')) {
      const keys = sectionKeys(type);
      expect(keys.length, type).toBeGreaterThan(0);
      expect(new Set(keys).size, type).toBe(keys.length);
      for (const key of keys) expect(formSections).toContain(key);
    }
  });

  it('makes the 1½-year visit cover measurements, assessments, feeding, smoke, TOPI and the instruments', () => {
    expect(sectionKeys('besoeg-1-5-aar')).toEqual([
      'measurements',
      'assessments',
      'feeding',
      'tobacco',
      'topi',
      'epds',
      'adbb',
    ]);
    expect(requiredSections('besoeg-1-5-aar')).toEqual(['measurements', 'assessments', 'feeding', 'tobacco']);
  });

  it('adds the language assessment at the 3-year visit, required, and leaves out ADBB (2–24 months)', () => {
    const keys = sectionKeys('besoeg-3-aar');
    expect(keys).toEqual(expect.arrayContaining(['measurements', 'assessments', 'feeding', 'tobacco', 'topi', 'epds']));
    expect(keys).toContain('language');
    expect(keys).not.toContain('adbb');
    expect(requiredSections('besoeg-3-aar')).toEqual(['measurements', 'assessments', 'feeding', 'tobacco', 'language']);
  });

  it('shows the language assessment only where the daycare may have done one', () => {
    const withLanguage = visitTypes.filter((type) => sectionKeys(type).includes('language'));
    expect(withLanguage).toEqual(['besoeg-3-aar', 'tvaerfagligt-hjemmebesoeg', 'moede-i-dagtilbud']);
  });

  it('covers most sections at the 1½- and 3-year visits, more than at any first-year visit', () => {
    const count = (type: (typeof visitTypes)[number]) => sectionKeys(type).length;
    for (const type of ['besoeg-2-md', 'besoeg-4-6-md', 'etableringsbesoeg'] as const) {
      expect(count('besoeg-1-5-aar')).toBeGreaterThanOrEqual(count(type));
      expect(count('besoeg-3-aar')).toBeGreaterThanOrEqual(count(type));
    }
    expect(count('besoeg-1-5-aar') / formSections.length).toBeGreaterThan(0.5);
  });

  it('never requires an instrument or a section on a need-based visit', () => {
    for (const type of visitTypes) {
      for (const spec of sectionsFor(type))
        if (spec.section === 'epds' || spec.section === 'adbb') expect(spec.required).toBe(false);
    }
    expect(requiredSections('behovsbesoeg')).toEqual([]);
  });

  it('takes a municipality table instead of the defaults', () => {
    const custom: VisitTemplates = {
      ...defaultVisitTemplates,
      behovsbesoeg: [{ section: 'measurements', required: true }],
    };
    expect(sectionsFor('behovsbesoeg', custom)).toEqual([{ section: 'measurements', required: true }]);
    expect(requiredSections('behovsbesoeg', custom)).toEqual(['measurements']);
  });
});

describe('visitSignProblems', () => {
  it('lists the required sections without a record; a section not collected (with reasons) counts', () => {
    expect(visitSignProblems({ type: 'besoeg-1-5-aar' }, [])).toEqual([
      { section: 'measurements', problem: 'missing' },
      { section: 'assessments', problem: 'missing' },
      { section: 'feeding', problem: 'missing' },
      { section: 'tobacco', problem: 'missing' },
    ]);
    const records = [
      stored('a0000000-0000-4000-8000-000000000001', notMeasured, 1),
      stored('a0000000-0000-4000-8000-000000000002', { section: 'feeding', reason: 'ukendt' }, 2),
    ];
    expect(visitSignProblems({ type: 'besoeg-1-5-aar' }, records).map((p) => p.section)).toEqual([
      'assessments',
      'tobacco',
    ]);
  });

  it('reports a section recorded twice (two devices offline)', () => {
    const records = [
      stored('a0000000-0000-4000-8000-000000000001', notMeasured, 4),
      stored('a0000000-0000-4000-8000-000000000002', { ...notMeasured, weightReason: 'ukendt' }),
    ];
    expect(visitSignProblems({ type: 'behovsbesoeg' }, records)).toEqual([
      { section: 'measurements', problem: 'duplicate' },
    ]);
  });
});
