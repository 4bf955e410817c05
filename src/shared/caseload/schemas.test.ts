import { describe, expect, it } from 'vitest';
import { msg } from '../schemas/fields.ts';
import { caregiverSchema } from './caregiver.ts';
import { caseloadMsg } from './caseload-fields.ts';
import { consentSchema } from './consent.ts';
import { contactSchema } from './contact.ts';
import { defaultSettings, settingsSchema } from './settings.ts';

const familyId = '0b3c5a3e-8a4f-4c39-9d1e-3f4f5a6b7c8d';
const childId = '1c4d6b4f-9b5a-4d4a-8e2f-4a5b6c7d8e9f';

const messageFor = (schema: { safeParse: (v: unknown) => unknown }, input: unknown, path: string) => {
  const result = schema.safeParse(input) as {
    success: boolean;
    error?: { issues: { path: PropertyKey[]; message: string }[] };
  };
  if (result.success) return undefined;
  return result.error?.issues.find((i) => i.path.join('.') === path)?.message;
};

describe('caregiver schema', () => {
  const valid = { familyId, name: 'Sara Jensen', relation: 'mor' };

  it('fills defaults and trims', () => {
    expect(caregiverSchema.parse({ ...valid, phone: ' +45 12 34 56 78 ' })).toEqual({
      ...valid,
      parentalResponsibility: false,
      language: '',
      interpreterNeeded: false,
      phone: '+45 12 34 56 78',
      email: '',
      notes: '',
    });
  });

  it('checks relation, phone and e-mail loosely', () => {
    expect(caregiverSchema.parse({ ...valid, relation: 'plejeforælder' }).relation).toBe('plejeforælder');
    expect(messageFor(caregiverSchema, { ...valid, relation: 'moster' }, 'relation')).toBe(msg.invalidChoice);
    expect(caregiverSchema.parse({ ...valid, email: 'sara+sp@post.example.dk' }).email).toBe('sara+sp@post.example.dk');
    expect(messageFor(caregiverSchema, { ...valid, email: 'sara@post' }, 'email')).toBe(caseloadMsg.emailFormat);
    expect(messageFor(caregiverSchema, { ...valid, email: 'sara @post.dk' }, 'email')).toBe(caseloadMsg.emailFormat);
    expect(messageFor(caregiverSchema, { ...valid, phone: 'ring efter kl 9' }, 'phone')).toBe(caseloadMsg.phoneFormat);
    expect(messageFor(caregiverSchema, { ...valid, name: ' ' }, 'name')).toBe(msg.required);
  });
});

describe('consent schema', () => {
  const valid = {
    familyId,
    type: 'videregivelse-til-dagtilbud',
    givenBy: 'Sara Jensen',
    form: 'mundtlig',
    date: '2025-05-01',
  };

  it('keeps a withdrawal on the same record', () => {
    const consent = consentSchema.parse({ ...valid, withdrawnAt: '2025-06-01', withdrawnNote: 'Ønsker ikke deling' });
    expect(consent).toMatchObject({ date: '2025-05-01', withdrawnAt: '2025-06-01', scope: '' });
    expect(consentSchema.parse({ ...valid, withdrawnAt: '2025-05-01' }).withdrawnAt).toBe('2025-05-01');
  });

  it('rejects a withdrawal before the consent and unknown types', () => {
    expect(messageFor(consentSchema, { ...valid, withdrawnAt: '2025-04-30' }, 'withdrawnAt')).toBe(
      caseloadMsg.withdrawnBeforeGiven,
    );
    expect(messageFor(consentSchema, { ...valid, type: 'alt' }, 'type')).toBe(msg.invalidChoice);
    expect(messageFor(consentSchema, { ...valid, form: 'sms' }, 'form')).toBe(msg.invalidChoice);
  });
});

describe('contact schema', () => {
  const valid = {
    childId,
    familyId,
    type: 'besoeg-2-md',
    source: 'plan',
    scheduleKey: 'besoeg-2-md',
    targetDate: '2025-05-14',
    windowFrom: '2025-04-28',
    windowTo: '2025-05-28',
  };

  it('fills defaults', () => {
    expect(contactSchema.parse(valid)).toMatchObject({ status: 'planlagt', plannedDate: '', doneDate: '', nurse: '' });
    expect(contactSchema.parse({ ...valid, source: 'manual', scheduleKey: '' }).scheduleKey).toBe('');
  });

  it('applies the cross-field rules', () => {
    expect(messageFor(contactSchema, { ...valid, targetDate: '2025-06-01' }, 'targetDate')).toBe(
      caseloadMsg.targetOutsideWindow,
    );
    expect(messageFor(contactSchema, { ...valid, scheduleKey: '' }, 'scheduleKey')).toBe(msg.required);
    expect(messageFor(contactSchema, { ...valid, status: 'gennemfoert' }, 'doneDate')).toBe(msg.required);
    expect(messageFor(contactSchema, { ...valid, scheduleKey: 'Besøg 2' }, 'scheduleKey')).toBe(caseloadMsg.keyFormat);
    expect(contactSchema.safeParse({ ...valid, status: 'gennemfoert', doneDate: '2025-05-15' }).success).toBe(true);
  });
});

describe('settings schema', () => {
  it('accepts the defaults as they are', () => {
    expect(settingsSchema.parse(defaultSettings)).toEqual(defaultSettings);
  });

  it('rejects duplicate keys, targets outside their window and unknown units', () => {
    const [first, second] = defaultSettings.schedule;
    const duplicate = { ...defaultSettings, schedule: [first, { ...second, key: first?.key }] };
    expect(messageFor(settingsSchema, duplicate, 'schedule.1.key')).toBe(caseloadMsg.duplicateKey);
    const month = defaultSettings.schedule.find((e) => e.unit === 'maaneder');
    const outside = { ...defaultSettings, schedule: [{ ...month, windowToMonths: 4 }] };
    expect(messageFor(settingsSchema, outside, 'schedule.0.targetAgeMonths')).toBe(caseloadMsg.targetOutsideWindow);
    expect(settingsSchema.safeParse({ ...defaultSettings, schedule: [{ ...first, unit: 'uger' }] }).success).toBe(
      false,
    );
    const negative = { ...defaultSettings, schedule: [{ ...first, windowBeforeDays: -1 }] };
    expect(messageFor(settingsSchema, negative, 'schedule.0.windowBeforeDays')).toBe(msg.outOfRange);
  });

  it('keeps thresholds in range', () => {
    const cosp = { ...defaultSettings, cospCompletion: { attendedChapters: 9, totalChapters: 8 } };
    expect(messageFor(settingsSchema, cosp, 'cospCompletion.attendedChapters')).toBe(msg.outOfRange);
    expect(messageFor(settingsSchema, { ...defaultSettings, retentionYears: 5 }, 'retentionYears')).toBe(
      msg.outOfRange,
    );
    expect(messageFor(settingsSchema, { ...defaultSettings, adbbCutoff: 4.5 }, 'adbbCutoff')).toBe(msg.wholeNumber);
  });
});
