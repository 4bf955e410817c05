import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FinalRecordError, type Stored } from '../journal/signature.ts';
import { visitsMsg } from './common.ts';
import { instrumentWriteProblem } from './instrument-record.ts';
import {
  amendObservation,
  canEditObservation,
  currentObservations,
  type Observation,
  type ObservationValuesInput,
  observationSchema,
  observationWriteProblem,
} from './observation.ts';
import {
  canEditVisit,
  contactCompletion,
  signVisit,
  type Visit,
  visitFromContact,
  visitSchema,
  visitWriteProblem,
} from './visit.ts';

const familyId = '0b3c5a3e-8a4f-4c39-9d1e-3f4f5a6b7c8d';
const childId = '1c4d6b4f-9b5a-4d4a-8e2f-4a5b6c7d8e9f';
const visitId = '2d5e7c5a-0c6b-4e5b-9f3a-5b6c7d8e9fa0';
const contactId = '4f7a9e7c-2e8d-4a7d-9b5c-7d8e9fa0b1c2';
const anna = { id: 'u-anna', displayName: 'Anna Sørensen' };
const uuid = (n: number) => `a0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const draftVisit: Visit = visitSchema.parse({
  childId,
  familyId,
  contactId,
  type: 'besoeg-1-5-aar',
  date: '2025-05-14',
  startTime: '09:00',
  endTime: '10:00',
});
const signedVisit = signVisit(draftVisit, anna, new Date('2025-05-14T08:30:00Z'));

const weight = (grams: number): ObservationValuesInput => ({
  section: 'measurements',
  weightGrams: grams,
  lengthReason: 'ikke-maalt',
  headReason: 'ikke-maalt',
});
const original = (id: string, values: ObservationValuesInput, seq: number | null = null): Stored<Observation> => ({
  id,
  seq,
  data: observationSchema.parse({ visitId, childId, familyId, values }),
});

describe('visit rules', () => {
  it('signing makes the visit final and valid', () => {
    expect(canEditVisit(draftVisit)).toBe(true);
    expect(signedVisit).toMatchObject({ status: 'underskrevet', signedBy: 'Anna Sørensen', signedById: 'u-anna' });
    expect(visitSchema.parse(signedVisit)).toEqual(signedVisit);
    expect(canEditVisit(signedVisit)).toBe(false);
    expect(() => signVisit(signedVisit, anna, new Date())).toThrow(FinalRecordError);
    expect(visitWriteProblem(draftVisit)).toBeNull();
    expect(visitWriteProblem(signedVisit)).toBe(visitsMsg.signedReadOnly);
    expect(draftVisit.status).toBe('kladde');
  });

  it('a visit carries out a planned contact and completes it', () => {
    const contact = { id: contactId, data: { childId, familyId, type: 'besoeg-3-aar' as const } };
    const input = visitFromContact(contact, '2026-01-10', anna);
    expect(visitSchema.parse(input)).toMatchObject({
      contactId,
      type: 'besoeg-3-aar',
      date: '2026-01-10',
      participants: [{ role: 'sundhedsplejerske', name: 'Anna Sørensen' }],
    });
    expect(contactCompletion(draftVisit, { status: 'planlagt', doneDate: '' })).toEqual({
      status: 'gennemfoert',
      doneDate: '2025-05-14',
    });
    expect(contactCompletion(draftVisit, { status: 'gennemfoert', doneDate: '2025-05-14' })).toBeNull();
    expect(contactCompletion({ ...draftVisit, contactId: '' }, { status: 'planlagt', doneDate: '' })).toBeNull();
  });
});

describe('observation corrections', () => {
  it('a section is edited while the visit is a draft; after signing only corrected', () => {
    const o = original(uuid(1), weight(10950), 5);
    expect(canEditObservation(draftVisit, o.data)).toBe(true);
    expect(canEditObservation(signedVisit, o.data)).toBe(false);
    expect(() => amendObservation(draftVisit, o, weight(10590), 'tastefejl', anna, new Date())).toThrow(
      FinalRecordError,
    );
    expect(() =>
      amendObservation(signedVisit, o, { section: 'feeding', reason: 'ukendt' }, 'forkert sektion', anna, new Date()),
    ).toThrow(FinalRecordError);
  });

  it('a correction is a new, signed record pointing to the original, which is unchanged', () => {
    const o = original(uuid(1), weight(10950), 5);
    const snapshot = structuredClone(o);
    const data = observationSchema.parse(
      amendObservation(signedVisit, o, weight(10590), 'Tastefejl', anna, new Date('2025-05-15T07:00:00Z')),
    );
    expect(o).toEqual(snapshot);
    expect(data).toMatchObject({
      amendsId: o.id,
      amendmentReason: 'Tastefejl',
      signedBy: 'Anna Sørensen',
      signedAt: '2025-05-15T07:00:00.000Z',
      values: { weightGrams: 10590 },
    });
    expect(canEditObservation(signedVisit, data)).toBe(false);
    const second = amendObservation(signedVisit, { id: uuid(2), data }, weight(10600), 'Igen', anna, new Date());
    expect(second.amendsId).toBe(o.id);
  });

  it('what holds is the last correction in commit order (server seq), not by device clock', () => {
    const o = original(uuid(1), weight(10950), 5);
    const fix = (id: string, grams: number, seq: number | null, when: string) => ({
      id,
      seq,
      data: observationSchema.parse(amendObservation(signedVisit, o, weight(grams), 'r', anna, new Date(when))),
    });
    // Written on a device with a clock far ahead, but committed first.
    const early = fix(uuid(2), 10500, 7, '2030-01-01T00:00:00Z');
    const late = fix(uuid(3), 10590, 9, '2025-05-15T07:00:00Z');
    const unsynced = fix(uuid(4), 10600, null, '2025-05-15T06:00:00Z');
    const views = currentObservations([late, o, early]);
    expect(views.measurements?.current.id).toBe(late.id);
    expect(views.measurements?.original.id).toBe(o.id);
    expect(views.measurements?.amendments.map((a) => a.id)).toEqual([early.id, late.id]);
    expect(currentObservations([unsynced, late, o, early]).measurements?.current.id).toBe(unsynced.id);
  });

  it('keeps sections apart, and shows a section recorded twice as a duplicate', () => {
    const m1 = original(uuid(1), weight(10950), 8);
    const m2 = original(uuid(2), weight(10900), 6);
    const feeding = original(uuid(3), { section: 'feeding', category: 'udelukkende-familiens-mad' }, 7);
    const views = currentObservations([m1, feeding, m2]);
    expect(views.feeding?.current.id).toBe(feeding.id);
    expect(views.measurements?.original.id).toBe(m2.id);
    expect(views.measurements?.duplicates.map((d) => d.id)).toEqual([m1.id]);
    expect(views.tobacco).toBeUndefined();
  });

  it('property: any corrections in any order leave every original unchanged and current in the chain', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 300, max: 40000 }), { maxLength: 12 }), fc.boolean(), (grams, shuffle) => {
        const o = original(uuid(1), weight(10950), 1);
        const snapshot = structuredClone(o);
        const fixes: Stored<Observation>[] = grams.map((g, i) => ({
          id: uuid(10 + i),
          seq: 2 + i,
          data: observationSchema.parse(amendObservation(signedVisit, o, weight(g), 'r', anna, new Date())),
        }));
        const all = shuffle ? [...fixes].reverse().concat(o) : [o, ...fixes];
        const view = currentObservations(all).measurements;
        expect(o).toEqual(snapshot);
        expect(view?.original).toEqual(snapshot);
        expect(view?.current.id).toBe(fixes.at(-1)?.id ?? o.id);
      }),
    );
  });
});

describe('write checks for the server', () => {
  const o = original(uuid(1), weight(10950)).data;
  const correction = { ...o, amendsId: uuid(1) };

  it('a draft visit takes sections freely but no corrections', () => {
    for (const op of ['create', 'update', 'delete'] as const)
      expect(observationWriteProblem(op, o, draftVisit)).toBeNull();
    expect(observationWriteProblem('create', correction, draftVisit)).toBe(visitsMsg.notApplicable);
    expect(instrumentWriteProblem(draftVisit)).toBeNull();
  });

  it('a signed visit takes corrections only, and nothing of it changes', () => {
    expect(observationWriteProblem('create', o, signedVisit)).toBe(visitsMsg.signedReadOnly);
    expect(observationWriteProblem('create', correction, signedVisit)).toBeNull();
    for (const op of ['update', 'delete'] as const) {
      expect(observationWriteProblem(op, o, signedVisit)).toBe(visitsMsg.signedReadOnly);
      expect(observationWriteProblem(op, correction, signedVisit)).toBe(visitsMsg.signedReadOnly);
    }
    expect(instrumentWriteProblem(signedVisit)).toBe(visitsMsg.signedReadOnly);
  });
});
