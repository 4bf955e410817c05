import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  differsFromSaved,
  draftOf,
  draftSchema,
  draftToResume,
  instrumentDraftKey,
  journalDraftKey,
  mergeDraft,
  observationDraftKey,
  visitDraftKey,
} from './draft.ts';
import { observationSections, observationValuesSchema, sectionDefaults } from './observation.ts';

const visitId = '2d5e7c5a-0c6b-4e5b-9f3a-5b6c7d8e9fa0';
const familyId = '0b3c5a3e-8a4f-4c39-9d1e-3f4f5a6b7c8d';

const defaults = {
  agreements: '',
  startTime: '',
  materials: [] as string[],
  participants: [{ role: 'sundhedsplejerske', name: 'Anna' }],
  weightGrams: null as number | null,
  headCircumferenceCm: 45.5,
  exposed: null as boolean | null,
  done: false,
  areas: { soevn: { level: '', reason: '' }, motorik: { level: '', reason: '' } },
};

describe('draft keys and records', () => {
  it('names forms by record and section, and every key is valid', () => {
    const keys = [visitDraftKey(visitId), observationDraftKey(visitId, 'measurements'), journalDraftKey(visitId)];
    expect(keys).toEqual([`visit:${visitId}`, `observation:${visitId}:measurements`, `journal:${visitId}`]);
    for (const formKey of keys) {
      const draft = draftOf(formKey, defaults, new Date('2025-05-14T08:00:00Z'), { familyId });
      expect(draftSchema.parse(draft)).toEqual(draft);
    }
  });

  it('stores the values as JSON (undefined dropped)', () => {
    const draft = draftOf('visit:x', { a: undefined, b: 1, c: [undefined] }, new Date('2025-05-14T08:00:00Z'));
    expect(draft.data).toEqual({ b: 1, c: [null] });
    expect(draft).toMatchObject({ familyId: '', childId: '', updatedAt: '2025-05-14T08:00:00.000Z' });
  });
});

describe('draftToResume', () => {
  const me = 'device-a';
  const draft = (id: string, deviceId: string, seq?: number) => ({ id, ...(seq ? { seq } : {}), data: { deviceId } });

  it("resumes this device's own draft, even when another device committed one later", () => {
    const picked = draftToResume([draft('mine', me, 3), draft('theirs', 'device-b', 9)], me);
    expect(picked).toEqual({ draft: expect.objectContaining({ id: 'mine' }), own: true });
  });

  it('takes over the draft another device committed last when this device has none', () => {
    const drafts = [draft('late', 'device-c', 12), draft('early', 'device-b', 4)];
    expect(draftToResume(drafts, me)).toEqual({ draft: expect.objectContaining({ id: 'late' }), own: false });
    expect(draftToResume([], me)).toBeNull();
  });

  it('counts a draft without a device (older app) as its own; an unsynced draft is the newest', () => {
    expect(draftToResume([draft('legacy', '', 2)], me)?.own).toBe(true);
    const picked = draftToResume([draft('unsynced', 'device-b'), draft('synced', 'device-c', 50)], me);
    expect(picked?.draft.id).toBe('unsynced');
  });

  it('names instrument drafts per parent, and they are valid keys', () => {
    const keys = [instrumentDraftKey(visitId, 'epds', familyId), instrumentDraftKey(visitId, 'adbb')];
    for (const formKey of keys) expect(draftSchema.safeParse(draftOf(formKey, {}, new Date())).success).toBe(true);
    expect(new Set(keys).size).toBe(2);
  });
});

describe('mergeDraft', () => {
  it('gives the defaults when there is no draft, as a copy', () => {
    const merged = mergeDraft(defaults, null);
    expect(merged).toEqual({ values: defaults, dropped: [] });
    expect(merged.values.areas).not.toBe(defaults.areas);
  });

  it('lays drafted values over the defaults, recursively for objects, whole for arrays', () => {
    const { values, dropped } = mergeDraft(defaults, {
      agreements: 'Ring fredag',
      materials: ['film'],
      participants: [],
      weightGrams: 10950,
      exposed: true,
      areas: { soevn: { level: 'normal' } },
    });
    expect(dropped).toEqual([]);
    expect(values).toEqual({
      ...defaults,
      agreements: 'Ring fredag',
      materials: ['film'],
      participants: [],
      weightGrams: 10950,
      exposed: true,
      areas: { soevn: { level: 'normal', reason: '' }, motorik: { level: '', reason: '' } },
    });
  });

  it('lets a number be cleared, and drops values of another shape or fields the form no longer has', () => {
    const { values, dropped } = mergeDraft(defaults, {
      headCircumferenceCm: null,
      startTime: 9,
      materials: 'film',
      done: 'ja',
      areas: { soevn: 'normal', netvaerk: { level: 'problem' } },
      oldField: 'x',
    });
    expect(values).toEqual({ ...defaults, headCircumferenceCm: null });
    expect(dropped.sort()).toEqual(['areas.netvaerk', 'areas.soevn', 'done', 'materials', 'oldField', 'startTime']);
  });

  it('never changes its inputs and is idempotent (property)', () => {
    const json = fc.jsonValue();
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...Object.keys(defaults), 'extra'), json), (generated) => {
        // A draft is stored as JSON, where -0 is 0 (fast-check's jsonValue may produce -0).
        const draft = JSON.parse(JSON.stringify(generated)) as typeof generated;
        const before = structuredClone(draft);
        const defaultsBefore = structuredClone(defaults);
        const once = mergeDraft(defaults, draft as Record<string, never>);
        expect(draft).toEqual(before);
        expect(defaults).toEqual(defaultsBefore);
        expect(mergeDraft(defaults, JSON.parse(JSON.stringify(once.values))).values).toEqual(once.values);
      }),
    );
  });
});

describe('differsFromSaved', () => {
  it('compares as JSON regardless of key order', () => {
    expect(differsFromSaved({ a: 1, b: { c: 2, d: 3 } }, { b: { d: 3, c: 2 }, a: 1 })).toBe(false);
    expect(differsFromSaved({ a: 1 }, { a: 2 })).toBe(true);
    expect(differsFromSaved({ a: [1, 2] }, { a: [2, 1] })).toBe(true);
  });
});

describe('a section form from its defaults and a draft', () => {
  it('is not valid data until filled in, and valid once the draft fills it', () => {
    const defaults = sectionDefaults('measurements');
    expect(observationValuesSchema.safeParse(defaults).success).toBe(false);
    const { values, dropped } = mergeDraft(defaults, {
      weightGrams: 10950,
      lengthCm: 81,
      lengthPosition: 'liggende',
      headReason: 'barnet-ikke-til-stede',
    });
    expect(dropped).toEqual([]);
    expect(observationValuesSchema.safeParse(values).success).toBe(true);
  });

  it('has defaults for every section, with nothing preselected', () => {
    for (const section of observationSections) {
      const defaults = sectionDefaults(section);
      expect(defaults.section).toBe(section);
      expect(observationValuesSchema.safeParse(defaults).success, section).toBe(false);
    }
  });
});
