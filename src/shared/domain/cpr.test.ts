import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cprBirthDate, cprCentury, cprProblem, formatCpr, normaliseCpr } from './cpr.ts';

describe('CPR', () => {
  it('accepts a valid date without the modulus-11 check', () => {
    // 0102031235 fails modulus 11 but is a valid CPR number since 2007.
    expect(cprProblem('0102031235')).toBeNull();
    expect(cprBirthDate('010203-1235')).toBe('1903-02-01');
  });

  it('rejects anything but ten digits', () => {
    expect(cprProblem('01020312')).toBe('format');
    expect(cprProblem('01020312345')).toBe('format');
    expect(cprProblem('0102o31234')).toBe('format');
    expect(cprProblem('')).toBe('format');
  });

  it('rejects impossible dates', () => {
    expect(cprProblem('3202241234')).toBe('date');
    expect(cprProblem('0013241234')).toBe('date');
    expect(cprProblem('0000241234')).toBe('date');
    expect(cprProblem('3104241234')).toBe('date');
  });

  it('handles leap days by the century in the 7th digit', () => {
    // 29 Feb 2000 (leap): digit 4, year 00 → 2000.
    expect(cprBirthDate('2902004123')).toBe('2000-02-29');
    // 29 Feb 1900 (not leap): digit 0 → 1900.
    expect(cprProblem('2902000123')).toBe('date');
    // 29 Feb 2024 with digit 5 → 2024.
    expect(cprBirthDate('2902245123')).toBe('2024-02-29');
    expect(cprProblem('2902235123')).toBe('date');
  });

  it('maps the century table', () => {
    expect(cprCentury(99, 0)).toBe(1999);
    expect(cprCentury(36, 4)).toBe(2036);
    expect(cprCentury(37, 9)).toBe(1937);
    expect(cprCentury(57, 5)).toBe(2057);
    expect(cprCentury(58, 8)).toBe(1858);
  });

  it('normalises and formats', () => {
    expect(normaliseCpr(' 010203-1234 ')).toBe('0102031234');
    expect(formatCpr('0102031234')).toBe('010203-1234');
  });

  it('round-trips every real date (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2036-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 999 }),
        (date, serial) => {
          const iso = date.toISOString().slice(0, 10);
          const [y, m, d] = iso.split('-');
          const cpr = `${d}${m}${y?.slice(2)}4${String(serial).padStart(3, '0')}`;
          expect(cprBirthDate(cpr)).toBe(iso);
        },
      ),
    );
  });
});
