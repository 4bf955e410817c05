import { describe, expect, it } from 'vitest';
import { pinProblem } from './pin-rules.ts';

describe('pinProblem', () => {
  it('wants exactly six digits', () => {
    for (const pin of ['', '12345', '1234567', '12a456', ' 83917', '83917 ', '８３９１７４']) {
      expect(pinProblem(pin), pin).toBe('format');
    }
  });

  it('refuses the obvious ones', () => {
    for (const pin of [
      '123456',
      '654321',
      '000000',
      '111111',
      '999999',
      '121212',
      '123123',
      '890123',
      '210987',
      '123321',
      '112233',
      '147258',
      '159753',
      // Birthdays: DDMMYY and MMDDYY.
      '240586',
      '010190',
      '311299',
      '122401',
    ]) {
      expect(pinProblem(pin), pin).toBe('obvious');
    }
  });

  it('accepts a PIN that is none of those', () => {
    for (const pin of ['839174', '405938', '947361', '583920', '670394']) {
      expect(pinProblem(pin), pin).toBeNull();
    }
  });

  it('refuses only a small part of all six-digit codes', () => {
    let refused = 0;
    for (let n = 0; n < 1_000_000; n += 7) if (pinProblem(String(n).padStart(6, '0')) !== null) refused += 1;
    // Dates are most of it (~7 % of the space); a nurse rarely has to try twice.
    expect(refused / (1_000_000 / 7)).toBeLessThan(0.1);
  });
});
