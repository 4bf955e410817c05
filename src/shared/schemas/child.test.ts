import { describe, expect, it } from 'vitest';
import { childSchema } from './child.ts';
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
    expect(messageFor({ ...valid, birthDate: '2023-02-29' }, 'birthDate')).toBe(msg.invalidDate);
    expect(messageFor({ ...valid, sex: 'x' }, 'sex')).toBe(msg.invalidChoice);
  });
});
