/**
 * CPR numbers (Danish personal identification numbers): 10 digits, the first six a valid date
 * DDMMYY. The modulus-11 check is deliberately not applied: numbers issued since 2007 may fail it
 * (domain.md §6). The century follows CPR's rule on the 7th digit and the year.
 */

const DIGITS = /^\d{10}$/;

/** Removes the customary dash and spaces: "010203-1234" → "0102031234". */
export function normaliseCpr(input: string): string {
  return input.replace(/[\s-]/g, '');
}

/** The four-digit birth year from YY and the 7th digit (CPR-kontoret's century table). */
export function cprCentury(yy: number, seventh: number): number {
  if (seventh <= 3) return 1900 + yy;
  if (seventh === 4 || seventh === 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  // 5–8
  return yy <= 57 ? 2000 + yy : 1800 + yy;
}

/** The birth date encoded in a CPR number as YYYY-MM-DD, or null when it is not a real date. */
export function cprBirthDate(cpr: string): string | null {
  const digits = normaliseCpr(cpr);
  if (!DIGITS.test(digits)) return null;
  const day = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  const yy = Number(digits.slice(4, 6));
  const year = cprCentury(yy, Number(digits[6]));
  if (month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export type CprProblem = 'format' | 'date';

/** Why a CPR number is invalid, or null when it is valid. */
export function cprProblem(cpr: string): CprProblem | null {
  const digits = normaliseCpr(cpr);
  if (!DIGITS.test(digits)) return 'format';
  return cprBirthDate(digits) === null ? 'date' : null;
}

/** Display form "DDMMYY-XXXX". */
export function formatCpr(cpr: string): string {
  const digits = normaliseCpr(cpr);
  return DIGITS.test(digits) ? `${digits.slice(0, 6)}-${digits.slice(6)}` : cpr;
}
