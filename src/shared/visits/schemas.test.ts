import { describe, expect, it } from 'vitest';
import { scoreAdbb } from '../instruments/adbb.ts';
import { scoreEpds } from '../instruments/epds.ts';
import { msg } from '../schemas/fields.ts';
import { visitsMsg } from './common.ts';
import { draftSchema } from './draft.ts';
import { instrumentRecordSchema } from './instrument-record.ts';
import { assessmentAreas, observationSchema } from './observation.ts';
import { visitSchema } from './visit.ts';

const familyId = '0b3c5a3e-8a4f-4c39-9d1e-3f4f5a6b7c8d';
const childId = '1c4d6b4f-9b5a-4d4a-8e2f-4a5b6c7d8e9f';
const visitId = '2d5e7c5a-0c6b-4e5b-9f3a-5b6c7d8e9fa0';
const caregiverId = '3e6f8d6b-1d7c-4f6c-8a4b-6c7d8e9fa0b1';

type Issue = { path: PropertyKey[]; message: string };
const issuesOf = (schema: { safeParse: (v: unknown) => unknown }, input: unknown): Issue[] => {
  const result = schema.safeParse(input) as { success: boolean; error?: { issues: Issue[] } };
  return result.success ? [] : (result.error?.issues ?? []);
};
const messageAt = (schema: { safeParse: (v: unknown) => unknown }, input: unknown, path: string) =>
  issuesOf(schema, input).find((i) => i.path.join('.') === path)?.message;

describe('visit schema', () => {
  const valid = { childId, familyId, type: 'besoeg-1-5-aar', date: '2025-05-14' };

  it('fills defaults: an ad hoc home visit, a draft, nothing chosen', () => {
    expect(visitSchema.parse(valid)).toEqual({
      ...valid,
      contactId: '',
      contactMode: 'hjemmebesoeg',
      startTime: '',
      endTime: '',
      participants: [],
      status: 'kladde',
      materials: [],
      materialOther: '',
      topics: [],
      topicsNote: '',
      agreements: '',
      nextContact: '',
      author: '',
      authorId: '',
      referrals: [],
      notification: false,
      signedBy: '',
      signedById: '',
      signedAt: '',
      serverSignedAt: '',
      recordedAt: '',
    });
  });

  it('takes the programme types, contact modes, participants, material and topics', () => {
    for (const type of ['besoeg-3-aar', 'tvaerfagligt-hjemmebesoeg', 'moede-i-dagtilbud', 'behovsbesoeg'])
      expect(visitSchema.safeParse({ ...valid, type }).success).toBe(true);
    const visit = visitSchema.parse({
      ...valid,
      contactMode: 'video',
      startTime: '09:00',
      endTime: '10:15',
      participants: [
        { role: 'sundhedsplejerske', name: 'Anna Sørensen' },
        { role: 'paedagog', name: 'Bo' },
        { role: 'tolk' },
      ],
      materials: ['doegnhjul', 'andet'],
      materialOther: 'Pixibog',
      topics: ['soevn', 'sprog'],
      nextContact: '2025-11-14',
    });
    expect(visit.participants[2]).toEqual({ role: 'tolk', name: '' });
    expect(messageAt(visitSchema, { ...valid, type: '1-aars-besoeg' }, 'type')).toBe(msg.invalidChoice);
    expect(messageAt(visitSchema, { ...valid, contactMode: 'sms' }, 'contactMode')).toBe(msg.invalidChoice);
    expect(messageAt(visitSchema, { ...valid, participants: [{ role: 'nabo' }] }, 'participants.0.role')).toBe(
      msg.invalidChoice,
    );
  });

  it('checks times, the end after the start, and the next contact after the visit', () => {
    expect(messageAt(visitSchema, { ...valid, startTime: '9:00' }, 'startTime')).toBe(msg.invalidTime);
    expect(messageAt(visitSchema, { ...valid, startTime: '24:00' }, 'startTime')).toBe(msg.invalidTime);
    expect(messageAt(visitSchema, { ...valid, startTime: '10:00', endTime: '09:59' }, 'endTime')).toBe(
      msg.endBeforeStart,
    );
    expect(messageAt(visitSchema, { ...valid, nextContact: '2025-05-13' }, 'nextContact')).toBe(msg.endBeforeStart);
    expect(messageAt(visitSchema, { ...valid, contactId: 'abc' }, 'contactId')).toBe(msg.invalidChoice);
  });

  it('needs the other material named and refuses a choice twice', () => {
    expect(messageAt(visitSchema, { ...valid, materials: ['andet'] }, 'materialOther')).toBe(msg.required);
    expect(messageAt(visitSchema, { ...valid, materials: ['film', 'film'] }, 'materials')).toBe(
      visitsMsg.duplicateChoice,
    );
    expect(messageAt(visitSchema, { ...valid, materials: ['tablet'] }, 'materials.0')).toBe(msg.invalidChoice);
    expect(messageAt(visitSchema, { ...valid, topics: ['soevn', 'soevn'] }, 'topics')).toBe(visitsMsg.duplicateChoice);
  });

  it('requires times and a signature on a signed visit, and no signature on a draft', () => {
    const signed = { ...valid, status: 'underskrevet' };
    expect(messageAt(visitSchema, signed, 'startTime')).toBe(msg.required);
    expect(messageAt(visitSchema, signed, 'signedAt')).toBe(msg.required);
    const complete = {
      ...signed,
      startTime: '09:00',
      endTime: '10:00',
      signedBy: 'Anna Sørensen',
      signedById: 'u1',
      signedAt: '2025-05-14T08:05:00.000Z',
    };
    expect(visitSchema.safeParse(complete).success).toBe(true);
    expect(messageAt(visitSchema, { ...valid, signedBy: 'Anna' }, 'signedBy')).toBe(visitsMsg.notApplicable);
    expect(messageAt(visitSchema, { ...complete, signedAt: '14.05.2025' }, 'signedAt')).toBe(msg.invalidDate);
  });
});

const obs = (values: Record<string, unknown>) => ({ visitId, childId, familyId, values });
const measured = {
  section: 'measurements',
  weightGrams: 10950,
  lengthCm: 82,
  lengthPosition: 'liggende',
  headCircumferenceCm: 47.5,
};
const at = (path: string) => `values.${path}`;

describe('measurements section', () => {
  it('stores raw values: whole grams, whole cm with the position, head in cm with one decimal', () => {
    const { values } = observationSchema.parse(obs(measured));
    expect(values).toEqual({ ...measured, weightReason: '', lengthReason: '', headReason: '' });
    expect(values).not.toHaveProperty('weightZ');
  });

  it('wants weight in whole grams', () => {
    expect(messageAt(observationSchema, obs({ ...measured, weightGrams: 10950.5 }), at('weightGrams'))).toBe(
      msg.wholeNumber,
    );
    expect(messageAt(observationSchema, obs({ ...measured, weightGrams: 10.95 }), at('weightGrams'))).toBe(
      msg.outOfRange,
    );
    expect(messageAt(observationSchema, obs({ ...measured, weightGrams: '10950' }), at('weightGrams'))).toBe(
      msg.notANumber,
    );
  });

  it('wants length in cm with at most one decimal (measured to 0.5 cm), lying or standing', () => {
    expect(observationSchema.safeParse(obs({ ...measured, lengthCm: 82.5 })).success).toBe(true);
    expect(observationSchema.safeParse(obs({ ...measured, lengthCm: 82.3 })).success).toBe(true);
    expect(messageAt(observationSchema, obs({ ...measured, lengthCm: 82.25 }), at('lengthCm'))).toBe(msg.oneDecimal);
    expect(messageAt(observationSchema, obs({ ...measured, lengthPosition: '' }), at('lengthPosition'))).toBe(
      msg.required,
    );
    expect(messageAt(observationSchema, obs({ ...measured, lengthPosition: 'siddende' }), at('lengthPosition'))).toBe(
      msg.invalidChoice,
    );
  });

  it('wants head circumference with at most one decimal', () => {
    expect(observationSchema.safeParse(obs({ ...measured, headCircumferenceCm: 47 })).success).toBe(true);
    expect(observationSchema.safeParse(obs({ ...measured, headCircumferenceCm: 46.3 })).success).toBe(true);
    expect(
      messageAt(observationSchema, obs({ ...measured, headCircumferenceCm: 47.25 }), at('headCircumferenceCm')),
    ).toBe(msg.oneDecimal);
  });

  it('needs a value or a not-measured reason for each measure, never both', () => {
    const none = { section: 'measurements' };
    for (const field of ['weightGrams', 'lengthCm', 'headCircumferenceCm'])
      expect(messageAt(observationSchema, obs(none), at(field))).toBe(visitsMsg.valueOrReason);

    const reasons = {
      section: 'measurements',
      weightReason: 'foraeldre-oenskede-ikke',
      lengthReason: 'ikke-maalt',
      headReason: 'ukendt',
    };
    const parsed = observationSchema.parse(obs(reasons)).values;
    expect(parsed).toMatchObject({ weightGrams: null, lengthCm: null, headCircumferenceCm: null, lengthPosition: '' });

    expect(messageAt(observationSchema, obs({ ...measured, weightReason: 'ukendt' }), at('weightGrams'))).toBe(
      visitsMsg.reasonWithValue,
    );
    expect(messageAt(observationSchema, obs({ ...reasons, lengthPosition: 'staaende' }), at('lengthPosition'))).toBe(
      visitsMsg.notApplicable,
    );
    expect(messageAt(observationSchema, obs({ ...reasons, weightReason: 'glemt' }), at('weightReason'))).toBe(
      msg.invalidChoice,
    );
  });
});

describe('the other sections', () => {
  const areas = (level = 'normal') => Object.fromEntries(assessmentAreas.map((a) => [a, { level }]));

  it('assesses every area at three levels, or gives a reason', () => {
    const values = observationSchema.parse(obs({ section: 'assessments', areas: areas() })).values;
    expect(values.section === 'assessments' && values.areas.soevn).toEqual({ level: 'normal', reason: '', note: '' });
    const sleep = { ...areas('let-bekymring'), soevn: { level: '', reason: 'ikke-maalt' } };
    expect(observationSchema.safeParse(obs({ section: 'assessments', areas: sleep })).success).toBe(true);
    expect(
      messageAt(
        observationSchema,
        obs({ section: 'assessments', areas: { ...areas(), motorik: {} } }),
        at('areas.motorik.level'),
      ),
    ).toBe(visitsMsg.valueOrReason);
    expect(
      messageAt(
        observationSchema,
        obs({ section: 'assessments', areas: { ...areas(), motorik: { level: 'middel' } } }),
        at('areas.motorik.level'),
      ),
    ).toBe(msg.invalidChoice);
    const { netvaerk: _, ...missing } = areas();
    expect(messageAt(observationSchema, obs({ section: 'assessments', areas: missing }), at('areas.netvaerk'))).toBe(
      msg.required,
    );
  });

  it('records feeding as one of five categories with a period', () => {
    const feeding = {
      section: 'feeding',
      category: 'ammes-som-supplement',
      periodFrom: '2024-09-01',
      periodTo: '2025-01-31',
    };
    expect(observationSchema.safeParse(obs(feeding)).success).toBe(true);
    expect(messageAt(observationSchema, obs({ ...feeding, periodTo: '2024-08-31' }), at('periodTo'))).toBe(
      msg.endBeforeStart,
    );
    expect(messageAt(observationSchema, obs({ section: 'feeding' }), at('category'))).toBe(visitsMsg.valueOrReason);
    expect(messageAt(observationSchema, obs({ ...feeding, category: 'grød' }), at('category'))).toBe(msg.invalidChoice);
  });

  it('records tobacco smoke: exposed names who smokes, not exposed names nobody', () => {
    expect(observationSchema.safeParse(obs({ section: 'tobacco', exposed: false })).success).toBe(true);
    expect(observationSchema.safeParse(obs({ section: 'tobacco', exposed: true, who: ['far'] })).success).toBe(true);
    expect(observationSchema.safeParse(obs({ section: 'tobacco', exposed: true, whoOther: 'morfar' })).success).toBe(
      true,
    );
    expect(messageAt(observationSchema, obs({ section: 'tobacco', exposed: true }), at('who'))).toBe(msg.required);
    expect(messageAt(observationSchema, obs({ section: 'tobacco', exposed: false, who: ['mor'] }), at('who'))).toBe(
      visitsMsg.notApplicable,
    );
    expect(messageAt(observationSchema, obs({ section: 'tobacco' }), at('exposed'))).toBe(visitsMsg.valueOrReason);
  });

  it('records TOPI with the instrument schema', () => {
    const topi = observationSchema.parse(obs({ section: 'topi', instrument: 'TOPI', judgement: 'gul' })).values;
    expect(topi).toMatchObject({ section: 'topi', judgement: 'gul', version: 'TOPI-DK-1', note: '' });
    expect(
      messageAt(observationSchema, obs({ section: 'topi', instrument: 'TOPI', judgement: 'blaa' }), at('judgement')),
    ).toBe(msg.invalidChoice);
  });

  it('records the 3-year language assessment: done with a result group and source, or not done', () => {
    const done = { section: 'language', done: true, resultGroup: 'fokuseret', source: 'dagtilbud-med-samtykke' };
    expect(observationSchema.safeParse(obs(done)).success).toBe(true);
    expect(observationSchema.safeParse(obs({ section: 'language', done: false })).success).toBe(true);
    expect(observationSchema.safeParse(obs({ section: 'language', reason: 'ukendt' })).success).toBe(true);
    expect(messageAt(observationSchema, obs({ ...done, source: '' }), at('source'))).toBe(msg.required);
    expect(
      messageAt(
        observationSchema,
        obs({ section: 'language', done: false, resultGroup: 'generel' }),
        at('resultGroup'),
      ),
    ).toBe(visitsMsg.notApplicable);
    expect(messageAt(observationSchema, obs({ ...done, resultGroup: 'middel' }), at('resultGroup'))).toBe(
      msg.invalidChoice,
    );
  });

  it('refuses an unknown section', () => {
    expect(messageAt(observationSchema, obs({ section: 'vaccination' }), 'values.section')).toBe(msg.invalidChoice);
  });
});

describe('observation record', () => {
  const amendment = {
    ...obs(measured),
    amendsId: 'a0000000-0000-4000-8000-000000000001',
    amendmentReason: 'Vægten var tastet forkert',
    signedBy: 'Anna Sørensen',
    signedById: 'u1',
    signedAt: '2025-05-15T07:00:00.000Z',
  };

  it('an original has no reason or signature of its own; a correction has both', () => {
    expect(observationSchema.safeParse(amendment).success).toBe(true);
    expect(messageAt(observationSchema, { ...amendment, amendmentReason: '' }, 'amendmentReason')).toBe(msg.required);
    expect(messageAt(observationSchema, { ...amendment, signedAt: '' }, 'signedAt')).toBe(msg.required);
    expect(messageAt(observationSchema, { ...obs(measured), amendmentReason: 'x' }, 'amendmentReason')).toBe(
      visitsMsg.notApplicable,
    );
    expect(messageAt(observationSchema, { ...obs(measured), signedBy: 'x' }, 'signedBy')).toBe(visitsMsg.notApplicable);
  });
});

describe('instrument record', () => {
  const epds = scoreEpds({ role: 'far', answers: [1, 1, 2, 1, 2, 2, 2, 2, 3, 3] }).response;
  const adbb = scoreAdbb({
    answers: [1, 1, 1, 1, 1, 0, 0, 0],
    visitDate: '2025-05-14',
    birthDate: '2023-11-14',
  }).response;
  const base = { visitId, childId, familyId };

  it('keeps an EPDS per parent and an ADBB for the child, as scored', () => {
    expect(instrumentRecordSchema.parse({ ...base, caregiverId, response: epds }).response).toEqual(epds);
    expect(instrumentRecordSchema.parse({ ...base, response: adbb }).response).toEqual(adbb);
    expect(messageAt(instrumentRecordSchema, { ...base, response: epds }, 'caregiverId')).toBe(msg.required);
    expect(messageAt(instrumentRecordSchema, { ...base, caregiverId, response: adbb }, 'caregiverId')).toBe(
      visitsMsg.notApplicable,
    );
  });

  it('rejects a typed total', () => {
    const typed = { ...epds, total: (epds.total ?? 0) + 1 };
    expect(messageAt(instrumentRecordSchema, { ...base, caregiverId, response: typed }, 'response.total')).toBe(
      'validation.scoreMismatch',
    );
    expect(
      messageAt(instrumentRecordSchema, { ...base, response: { instrument: 'TOPI' } }, 'response.instrument'),
    ).toBe(msg.invalidChoice);
  });
});

describe('draft schema', () => {
  const valid = {
    formKey: `visit:${visitId}`,
    familyId,
    data: { agreements: 'Ring fredag', participants: [{ role: 'tolk' }], weightGrams: null },
    updatedAt: '2025-05-14T09:12:00+02:00',
  };

  it('keeps any JSON object under a form key', () => {
    expect(draftSchema.parse(valid)).toEqual({ ...valid, childId: '', deviceId: '' });
    expect(draftSchema.safeParse({ ...valid, formKey: `observation:${visitId}:measurements` }).success).toBe(true);
  });

  it('refuses a bad key, non-JSON data and an oversized draft', () => {
    expect(messageAt(draftSchema, { ...valid, formKey: 'visit' }, 'formKey')).toBe('validation.keyFormat');
    expect(messageAt(draftSchema, { ...valid, formKey: 'Visit:1' }, 'formKey')).toBe('validation.keyFormat');
    expect(draftSchema.safeParse({ ...valid, data: { when: new Date() } }).success).toBe(false);
    expect(draftSchema.safeParse({ ...valid, data: [] }).success).toBe(false);
    expect(messageAt(draftSchema, { ...valid, data: { text: 'x'.repeat(100_001) } }, 'data')).toBe(msg.tooLong);
    expect(draftSchema.safeParse({ ...valid, updatedAt: '' }).success).toBe(false);
  });
});
