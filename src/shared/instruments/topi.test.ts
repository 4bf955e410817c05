import { describe, expect, it } from 'vitest';
import { TOPI_VERSION, topiJudgements, topiLabelKeys, topiResponseSchema } from './topi.ts';

describe('TOPI', () => {
  it('stores one judgement with an optional note', () => {
    expect(topiResponseSchema.parse({ instrument: 'TOPI', judgement: 'gul' })).toEqual({
      instrument: 'TOPI',
      version: TOPI_VERSION,
      judgement: 'gul',
      note: '',
    });
    expect(topiResponseSchema.parse({ instrument: 'TOPI', judgement: 'roed', note: '  Uro i søvn  ' }).note).toBe(
      'Uro i søvn',
    );
  });

  it('rejects anything but grøn, gul or rød', () => {
    const result = topiResponseSchema.safeParse({ instrument: 'TOPI', judgement: 'blå' });
    expect(result.error?.issues[0]?.message).toBe('validation.invalidChoice');
  });

  it('has a label key for each judgement', () => {
    expect(topiJudgements.map((j) => topiLabelKeys[j])).toEqual([
      'instruments.topi.groen',
      'instruments.topi.gul',
      'instruments.topi.roed',
    ]);
  });
});
