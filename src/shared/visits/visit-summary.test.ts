import { beforeAll, describe, expect, it } from 'vitest';
import { type GrowthReferences, loadGrowthReferences } from '../growth/reference.ts';
import { scoreAdbb } from '../instruments/adbb.ts';
import { scoreEpds } from '../instruments/epds.ts';
import { topiLabelKeys } from '../instruments/topi.ts';
import type { Stored } from '../journal/signature.ts';
import { amendNote, signNote } from '../journal/signed-note.ts';
import { type InstrumentRecord, instrumentRecordSchema } from './instrument-record.ts';
import { type JournalNote, newNote } from './journal.ts';
import { visitLabelKeys } from './labels.ts';
import {
  type AssessmentArea,
  amendObservation,
  assessmentAreas,
  type Observation,
  type ObservationValuesInput,
  observationSchema,
} from './observation.ts';
import { defaultVisitTopics, signVisit, visitSchema } from './visit.ts';
import { formatDateDa, formatInstantDa, formatNumberDa, visitSummary } from './visit-summary.ts';

const familyId = '0b3c5a3e-8a4f-4c39-9d1e-3f4f5a6b7c8d';
const childId = '1c4d6b4f-9b5a-4d4a-8e2f-4a5b6c7d8e9f';
const visitId = '2d5e7c5a-0c6b-4e5b-9f3a-5b6c7d8e9fa0';
const caregiverId = '3e6f8d6b-1d7c-4f6c-8a4b-6c7d8e9fa0b1';
const anna = { id: 'u-anna', displayName: 'Anna Sørensen' };
const uuid = (n: number) => `a0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

let refs: GrowthReferences;
beforeAll(async () => {
  refs = await loadGrowthReferences();
});

const visit = signVisit(
  visitSchema.parse({
    childId,
    familyId,
    type: 'besoeg-1-5-aar',
    date: '2025-07-02',
    startTime: '09:00',
    endTime: '10:15',
    participants: [
      { role: 'sundhedsplejerske', name: 'Anna Sørensen' },
      { role: 'tolk', name: 'Samir' },
    ],
    materials: ['doegnhjul', 'alderskort'],
    topics: ['soevn', 'sprog'],
    topicsNote: 'Putteritualer',
    agreements: 'Mor ringer til lægen om øret.',
    nextContact: '2026-12-01',
  }),
  anna,
  new Date('2025-07-02T08:20:00Z'),
);

const observation = (n: number, values: ObservationValuesInput, seq: number): Stored<Observation> => ({
  id: uuid(n),
  seq,
  data: observationSchema.parse({ visitId, childId, familyId, values }),
});
const measurements = observation(
  1,
  { section: 'measurements', weightGrams: 1095, lengthCm: 81, lengthPosition: 'liggende', headReason: 'ikke-maalt' },
  1,
);
const correction: Stored<Observation> = {
  id: uuid(9),
  seq: 9,
  data: observationSchema.parse(
    amendObservation(
      visit,
      measurements,
      {
        section: 'measurements',
        weightGrams: 10950,
        lengthCm: 81.5,
        lengthPosition: 'liggende',
        headReason: 'ikke-maalt',
      },
      'Et nul for lidt',
      anna,
      new Date('2025-07-03T06:00:00Z'),
    ),
  ),
};
const observations = [
  measurements,
  correction,
  observation(
    2,
    {
      section: 'assessments',
      areas: Object.fromEntries(
        assessmentAreas.map((a) => [
          a,
          a === 'soevn' ? { level: 'let-bekymring', note: 'Vågner 3 gange' } : { level: 'normal' },
        ]),
      ) as Record<AssessmentArea, { level: 'normal' | 'let-bekymring'; note?: string }>,
    },
    2,
  ),
  observation(3, { section: 'feeding', category: 'udelukkende-familiens-mad', periodFrom: '2024-12-01' }, 3),
  observation(4, { section: 'tobacco', exposed: true, who: ['far'] }, 4),
  observation(5, { section: 'topi', instrument: 'TOPI', judgement: 'gul' }, 5),
];

const instrument = (n: number, data: unknown): Stored<InstrumentRecord> => ({
  id: uuid(n),
  data: instrumentRecordSchema.parse(data),
});
const instruments = [
  instrument(20, {
    visitId,
    childId,
    familyId,
    caregiverId,
    response: scoreEpds({ role: 'mor', answers: [3, 3, 0, 3, 3, 3, 3, 3, 3, 3] }).response,
  }),
  instrument(21, {
    visitId,
    childId,
    familyId,
    response: scoreAdbb({ answers: [1, 1, 1, 1, 1, 0, 0, 0], visitDate: '2025-07-02', birthDate: '2024-01-01' })
      .response,
  }),
];

const original: Stored<JournalNote> = {
  id: uuid(30),
  seq: 30,
  data: signNote(newNote({ familyId, childId, visitId }, anna, 'Godt besøg.'), anna, new Date('2025-07-02T08:25:00Z')),
};
const notes: Stored<JournalNote>[] = [
  original,
  {
    id: uuid(31),
    seq: 31,
    data: amendNote(original, 'Godt besøg; far deltog.', 'Manglede far', anna, new Date('2025-07-02T12:00:00Z')),
  },
  { id: uuid(32), data: newNote({ familyId, childId, visitId }, anna, 'Kladde, ikke printet') },
];

const child = { sex: 'dreng' as const, birthDate: '2024-01-01', gestationalAgeWeeks: 40, gestationalAgeDays: 0 };

describe('formatting', () => {
  it('formats numbers, dates and instants the Danish way', () => {
    expect(formatNumberDa(10950)).toBe('10.950');
    expect(formatNumberDa(1234567.25, 1)).toBe('1.234.567,3');
    expect(formatNumberDa(47.5, 1)).toBe('47,5');
    expect(formatNumberDa(-0.04, 1)).toBe('0,0');
    expect(formatNumberDa(-1.25, 1)).toBe('-1,3');
    expect(formatDateDa('2025-07-02')).toBe('02.07.2025');
    expect(formatInstantDa('2025-07-02T08:20:00.000Z')).toBe('02.07.2025 10:20');
    expect(formatInstantDa('2025-01-02T08:20:00.000Z', 'UTC')).toBe('02.01.2025 08:20');
  });
});

describe('visitSummary', () => {
  const summary = () =>
    visitSummary(visit, observations, instruments, notes, {
      growth: { child, references: refs },
      parentNames: { [caregiverId]: 'Sofie Sørensen' },
    });

  it('has the header, the sections in form order, the content and the journal', () => {
    expect(summary().sections.map((s) => s.key)).toEqual([
      'visit',
      'measurements',
      'measurements-original',
      'assessments',
      'feeding',
      'tobacco',
      'topi',
      'epds-1',
      'adbb-1',
      'content',
      'journal',
    ]);
    expect(summary().status).toBe('underskrevet');
    expect(summary().problems).toEqual([]);
  });

  it('formats the header', () => {
    const header = summary().sections[0];
    expect(header?.labelKey).toBe('visits.section.visit');
    expect(header?.rows).toEqual([
      { labelKey: 'visits.field.type', text: '', keys: ['caseload.plan.types.besoeg-1-5-aar'], emphasis: false },
      { labelKey: 'visits.field.contactMode', text: '', keys: ['visits.contactMode.hjemmebesoeg'], emphasis: false },
      { labelKey: 'visits.field.date', text: '02.07.2025', keys: [], emphasis: false },
      { labelKey: 'visits.field.time', text: '09:00–10:15', keys: [], emphasis: false },
      {
        labelKey: 'visits.field.participants',
        text: 'Anna Sørensen',
        keys: ['visits.participantRole.sundhedsplejerske'],
        emphasis: false,
      },
      { labelKey: 'visits.field.participants', text: 'Samir', keys: ['visits.participantRole.tolk'], emphasis: false },
      { labelKey: 'visits.field.status', text: '', keys: ['visits.status.underskrevet'], emphasis: false },
      { labelKey: 'visits.field.signed', text: 'Anna Sørensen, 02.07.2025 10:20', keys: [], emphasis: false },
    ]);
  });

  it('prints corrected measurements with z and percentile, who corrected them and why, then the original', () => {
    const [current, first] = summary().sections.filter((s) => s.labelKey === 'visits.section.measurements');
    expect(current?.state).toBe('current');
    const weight = current?.rows.find((r) => r.labelKey === 'visits.field.weight');
    expect(weight?.text).toMatch(/^10\.950 g · z -?\d+,\d · P\d+$/);
    expect(current?.rows.find((r) => r.labelKey === 'visits.field.length')).toMatchObject({
      keys: ['visits.lengthPosition.liggende'],
      text: expect.stringMatching(/^81,5 cm/),
    });
    expect(current?.rows.find((r) => r.labelKey === 'visits.field.head')).toMatchObject({
      text: '',
      keys: ['visits.notCollected.ikke-maalt'],
    });
    expect(current?.rows.slice(-2)).toEqual([
      { labelKey: 'visits.field.amended', text: 'Anna Sørensen, 03.07.2025 08:00', keys: [], emphasis: true },
      { labelKey: 'visits.field.amendmentReason', text: 'Et nul for lidt', keys: [], emphasis: false },
    ]);
    expect(first?.state).toBe('original');
    const slip = first?.rows.find((r) => r.labelKey === 'visits.field.weight');
    expect(slip?.text.startsWith('1.095 g')).toBe(true);
    expect(slip).toMatchObject({ emphasis: true, keys: ['visits.plausibility.implausible'] });
  });

  it('emphasises concerns and flags', () => {
    const section = (key: string) => summary().sections.find((s) => s.key === key);
    const sleep = section('assessments')?.rows.find((r) => r.labelKey === 'visits.area.soevn');
    expect(sleep).toEqual({
      labelKey: 'visits.area.soevn',
      text: 'Vågner 3 gange',
      keys: ['visits.level.let-bekymring'],
      emphasis: true,
    });
    expect(section('tobacco')?.rows).toEqual([
      { labelKey: 'visits.field.exposed', text: '', keys: ['visits.answer.ja'], emphasis: true },
      { labelKey: 'visits.field.who', text: '', keys: ['visits.smoker.far'], emphasis: false },
    ]);
    expect(section('topi')?.rows[0]?.keys).toEqual([topiLabelKeys.gul]);
    expect(section('epds-1')?.rows).toEqual([
      { labelKey: 'visits.field.parent', text: 'Sofie Sørensen', keys: ['visits.epdsRole.mor'], emphasis: false },
      { labelKey: 'visits.field.total', text: '12', keys: [], emphasis: false },
      { labelKey: 'visits.field.flags', text: '', keys: ['visits.epdsFlag.above-cutoff'], emphasis: true },
    ]);
    expect(section('adbb-1')?.rows).toContainEqual({
      labelKey: 'visits.field.followUp',
      text: '09.07.2025–16.07.2025',
      keys: [],
      emphasis: false,
    });
  });

  it('prints the content and only signed journal notes, each correction after its original', () => {
    const content = summary().sections.find((s) => s.key === 'content');
    expect(content?.rows.map((r) => [r.labelKey, r.text, r.keys])).toEqual([
      ['visits.field.materials', '', ['visits.material.doegnhjul', 'visits.material.alderskort']],
      ['visits.field.topics', 'Putteritualer', ['visits.topic.soevn', 'visits.topic.sprog']],
      ['visits.field.agreements', 'Mor ringer til lægen om øret.', []],
      ['visits.field.nextContact', '01.12.2026', []],
    ]);
    const journal = summary().sections.find((s) => s.key === 'journal');
    expect(journal?.rows.map((r) => r.text)).toEqual([
      'Anna Sørensen, 02.07.2025 10:25',
      'Godt besøg.',
      'Anna Sørensen, 02.07.2025 14:00',
      'Manglede far',
      'Godt besøg; far deltog.',
    ]);
  });

  it('lists what is missing on a bare draft and prints without growth references', () => {
    const draft = visitSchema.parse({ childId, familyId, type: 'besoeg-3-aar', date: '2027-01-05' });
    const bare = visitSummary(draft, [measurements], [], []);
    expect(bare.sections.map((s) => s.key)).toEqual(['visit', 'measurements']);
    expect(bare.sections[1]?.rows[0]?.text).toBe('1.095 g');
    expect(bare.problems.map((p) => p.section)).toEqual(['assessments', 'feeding', 'tobacco', 'language']);
  });

  it('uses only label keys the catalogue list knows', () => {
    const known = new Set([...visitLabelKeys(defaultVisitTopics), ...Object.values(topiLabelKeys)]);
    const used = summary().sections.flatMap((s) => [s.labelKey, ...s.rows.flatMap((r) => [r.labelKey, ...r.keys])]);
    expect(used.filter((key) => !known.has(key))).toEqual([]);
  });
});

describe('the visit outcome in the summary', () => {
  const content = (v: typeof visit) =>
    visitSummary(v, [], [], [], {})
      .sections.find((s) => s.key === 'content')
      ?.rows.map((r) => [r.labelKey, r.keys]);

  it('lists referrals and a notification (emphasised), and nothing when there is none', () => {
    const withOutcome = { ...visit, referrals: ['egen-laege', 'ppr'] as typeof visit.referrals, notification: true };
    expect(content(withOutcome)).toEqual(
      expect.arrayContaining([
        ['visits.field.referrals', ['visits.referral.egen-laege', 'visits.referral.ppr']],
        ['visits.field.notification', ['visits.answer.ja']],
      ]),
    );
    const rows = visitSummary(withOutcome, [], [], [], {}).sections.find((s) => s.key === 'content')?.rows ?? [];
    expect(rows.find((r) => r.labelKey === 'visits.field.notification')?.emphasis).toBe(true);
    expect(content(visit)?.map(([key]) => key)).not.toContain('visits.field.referrals');
    expect(content(visit)?.map(([key]) => key)).not.toContain('visits.field.notification');
  });
});
