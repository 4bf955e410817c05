import { describe, expect, it } from 'vitest';
import { childEntrySchema, childSchema } from './child.ts';
import { msg } from './fields.ts';

const valid = {
  familyId: '0b3c5a3e-8a4f-4c39-9d1e-3f4f5a6b7c8d',
  firstName: 'Alma',
  sex: 'pige',
  birthDate: '2025-03-14',
};

const messageFor = (input: unknown, path: string) => {
  const result = childSchema.safeParse(input);
  if (result.success) return undefined;
  return result.error.issues.find((i) => i.path.join('.') === path)?.message;
};

describe('child schema', () => {
  it('fills defaults for optional fields', () => {
    const child = childSchema.parse(valid);
    expect(child).toMatchObject({ lastName: '', cpr: '', birthWeightGrams: null, childcareType: 'ingen' });
  });

  it('normalises a CPR number and checks it against the birth date', () => {
    expect(childSchema.parse({ ...valid, cpr: '140325-4123' }).cpr).toBe('1403254123');
    expect(messageFor({ ...valid, cpr: '1503254123' }, 'cpr')).toBe(msg.cprBirthDateMismatch);
    expect(messageFor({ ...valid, cpr: '3002254123' }, 'cpr')).toBe(msg.cprDate);
    expect(messageFor({ ...valid, cpr: '12345' }, 'cpr')).toBe(msg.cprFormat);
  });

  it('gives message keys for required, range and decimals', () => {
    expect(messageFor({ ...valid, firstName: '  ' }, 'firstName')).toBe(msg.required);
    expect(messageFor({ ...valid, birthWeightGrams: 12000 }, 'birthWeightGrams')).toBe(msg.outOfRange);
    expect(messageFor({ ...valid, birthWeightGrams: 3200.5 }, 'birthWeightGrams')).toBe(msg.wholeNumber);
    expect(messageFor({ ...valid, birthHeadCircumferenceCm: 34.55 }, 'birthHeadCircumferenceCm')).toBe(msg.oneDecimal);
    expect(childSchema.parse({ ...valid, birthHeadCircumferenceCm: 34.5 }).birthHeadCircumferenceCm).toBe(34.5);
    expect(childSchema.parse({ ...valid, birthLengthCm: 51.5 }).birthLengthCm).toBe(51.5);
    expect(messageFor({ ...valid, birthLengthCm: 51.55 }, 'birthLengthCm')).toBe(msg.oneDecimal);
    expect(messageFor({ ...valid, birthDate: '2023-02-29' }, 'birthDate')).toBe(msg.invalidDate);
    expect(messageFor({ ...valid, sex: 'x' }, 'sex')).toBe(msg.invalidChoice);
  });
});

describe('child entry schema (what a nurse may type today)', () => {
  const today = '2026-05-12';
  const entryMessage = (input: unknown, original?: string) => {
    const result = childEntrySchema(today, original).safeParse(input);
    return result.success ? undefined : result.error.issues.find((i) => i.path.join('.') === 'birthDate')?.message;
  };

  it('refuses a birth date in the future, also tomorrow', () => {
    expect(entryMessage({ ...valid, birthDate: '2027-09-24' })).toBe(msg.birthDateFuture);
    expect(entryMessage({ ...valid, birthDate: '2026-05-13' })).toBe(msg.birthDateFuture);
    expect(entryMessage({ ...valid, birthDate: '2026-05-12' })).toBeUndefined();
  });

  it('refuses a birth date too long ago for a child in the 0–6 year programme', () => {
    expect(entryMessage({ ...valid, birthDate: '1990-05-12' })).toBe(msg.birthDateTooOld);
    expect(entryMessage({ ...valid, birthDate: '2019-05-11' })).toBe(msg.birthDateTooOld);
    expect(entryMessage({ ...valid, birthDate: '2019-05-12' })).toBeUndefined();
  });

  it('keeps an unchanged birth date of a child who has grown past the programme editable', () => {
    expect(entryMessage({ ...valid, birthDate: '2018-01-02' }, '2018-01-02')).toBeUndefined();
    expect(entryMessage({ ...valid, birthDate: '2018-01-03' }, '2018-01-02')).toBe(msg.birthDateTooOld);
  });

  it('leaves the stored-record schema free of the date of today (records stay readable for years)', () => {
    expect(childSchema.safeParse({ ...valid, birthDate: '2012-01-01' }).success).toBe(true);
  });
});
