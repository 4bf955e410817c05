/**
 * The PIN a nurse chooses after signing in (issue 13): exactly six digits and not an obvious one.
 * Six digits are a million codes, but people pick from a few hundred; a thief tries those first
 * (the PIN unlocks at most 5 times wrong before the password is needed). Refused: one digit
 * repeated (000000), runs up or down (123456, 654321, also wrapping: 890123), a pair or triple
 * repeated (121212, 123123), mirrored halves (123321), pairs doubled (112233), a date DDMMYY or
 * MMDDYY (a birthday, including one's own: the most guessed PINs after the runs) and a short list
 * of keypad patterns and well-known codes. Pure, shared by the PIN form and the code that wraps
 * the key, and tested next to this file.
 */

export type PinProblem = 'format' | 'obvious';

/** Known favourites that the patterns below do not already catch (keypad shapes, years). */
const KNOWN = new Set([
  '147258',
  '258369',
  '369258',
  '159753',
  '357159',
  '147852',
  '963852',
  '741852',
  '102030',
  '112358',
  '142536',
  '010203',
  '696969',
  '199999',
]);

const isRun = (pin: string, step: 1 | -1) => {
  for (let i = 1; i < pin.length; i++) {
    if ((Number(pin[i - 1]) + step + 10) % 10 !== Number(pin[i])) return false;
  }
  return true;
};

const repeats = (pin: string, period: number) => {
  for (let i = period; i < pin.length; i++) if (pin[i] !== pin[i - period]) return false;
  return true;
};

const isDayMonth = (day: number, month: number) => month >= 1 && month <= 12 && day >= 1 && day <= 31;

/** A date written DDMMYY (Danish) or MMDDYY: any year, since a birth year of 1950 or 2010 both fit. */
const isDate = (pin: string) => {
  const a = Number(pin.slice(0, 2));
  const b = Number(pin.slice(2, 4));
  return isDayMonth(a, b) || isDayMonth(b, a);
};

const isMirror = (pin: string) => pin === [...pin].reverse().join('');

const isDoubledPairs = (pin: string) => pin[0] === pin[1] && pin[2] === pin[3] && pin[4] === pin[5];

/** Why a PIN is refused, or null when it may be used. */
export function pinProblem(pin: string): PinProblem | null {
  if (!/^\d{6}$/.test(pin)) return 'format';
  if (
    repeats(pin, 1) ||
    repeats(pin, 2) ||
    repeats(pin, 3) ||
    isRun(pin, 1) ||
    isRun(pin, -1) ||
    isMirror(pin) ||
    isDoubledPairs(pin) ||
    isDate(pin) ||
    KNOWN.has(pin)
  )
    return 'obvious';
  return null;
}

/** How many PINs in a row may be wrong before the PIN stops working and the password is needed. */
export { MAX_PIN_ATTEMPTS } from './lock-defaults.ts';
