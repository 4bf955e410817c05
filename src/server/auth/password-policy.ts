/**
 * The password policy for accounts (admin CLI, admin API, change-password): long enough, not the
 * username, not on a list of common passwords, and hard to guess according to a strength
 * estimator (zxcvbn-ts with its common-password and English dictionaries plus a Danish word list
 * below): score 3 of 4 or better, i.e. about 10^8 guesses, which refuses `abababababab` and
 * `qwerty123456`. Server-side only (the dictionaries are ~7 MB): loaded at the first check, not
 * at server start. Messages are Danish and English: the CLI serves Danish administrators and
 * developers; the API returns the reason code, which the app turns into Danish text.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

export const MIN_PASSWORD_LENGTH = 10;
/** zxcvbn's score (0–4) a password must reach: 3 = "safely unguessable" against slow hashes. */
export const MIN_PASSWORD_SCORE = 3;

/** Danish words and places that people build passwords from (lower-case). */
const danishWords = [
  'adgangskode',
  'kodeord',
  'hemmelig',
  'velkommen',
  'kaerlighed',
  'kærlighed',
  'elskerdig',
  'danmark',
  'kobenhavn',
  'københavn',
  'aarhus',
  'odense',
  'aalborg',
  'esbjerg',
  'jammerbugt',
  'sommer',
  'vinter',
  'foraar',
  'forår',
  'efteraar',
  'efterår',
  'januar',
  'december',
  'mandag',
  'fredag',
  'sundhed',
  'sundhedspleje',
  'sundhedsplejerske',
  'sygeplejerske',
  'kommune',
  'region',
  'tusinddage',
  'tusind',
  'dage',
  'familie',
  'barn',
  'baby',
  'mor',
  'far',
  'hund',
  'kat',
  'fodbold',
  'hygge',
  'rødgrød',
  'rugbrød',
  'skole',
  'bruger',
  'login',
];

/** A few passwords that top every guessing list, Danish ones too (compared lower-cased). */
const commonPasswords = new Set([
  '1234567890',
  '0123456789',
  '12345678910',
  'password123',
  'password1234',
  'qwertyuiop',
  'qwerty123456',
  'adgangskode',
  'adgangskode1',
  'adgangskode123',
  'kodeord123',
  'hemmelig123',
  'velkommen1',
  'velkommen123',
  'sundhedsplejerske',
  'sundhedspleje',
  'tusinddage',
  'tusind-dage',
]);

export type PasswordReason = 'too_short' | 'repeated' | 'username' | 'common' | 'guessable';
export type PasswordProblem = { reason: PasswordReason; message: string };

const messages: Record<PasswordReason, string> = {
  too_short: `Adgangskoden skal være mindst ${MIN_PASSWORD_LENGTH} tegn / The password must be at least ${MIN_PASSWORD_LENGTH} characters.`,
  repeated: 'Adgangskoden må ikke være ét tegn gentaget / The password must not be one repeated character.',
  username: 'Adgangskoden må ikke være brugernavnet / The password must not be the username.',
  common: 'Adgangskoden er for almindelig / The password is too common.',
  guessable:
    'Adgangskoden er for let at gætte (gentagelser, tastaturrækker, årstal eller almindelige ord). Brug fx tre-fire ' +
    'tilfældige ord / The password is too easy to guess (repetition, keyboard patterns, years or common words). Use ' +
    'e.g. three or four random words.',
};

let estimator: ZxcvbnFactory | undefined;

function strength(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary, danish: danishWords },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
  return estimator;
}

/** Why a password is refused, or null when it is acceptable. */
export function checkPassword(
  password: string,
  context: { username: string; displayName?: string },
): PasswordProblem | null {
  const problem = (reason: PasswordReason): PasswordProblem => ({ reason, message: messages[reason] });
  if ([...password].length < MIN_PASSWORD_LENGTH) return problem('too_short');
  if (new Set(password).size === 1) return problem('repeated');
  if (password.trim().toLowerCase() === context.username.trim().toLowerCase()) return problem('username');
  if (commonPasswords.has(password.toLowerCase())) return problem('common');
  const inputs = [context.username, ...(context.displayName ? context.displayName.split(/\s+/) : []), 'tusind dage'];
  // zxcvbn's work grows with length; beyond 100 characters a password is not guessable anyway.
  const result = strength().check(password.slice(0, 100), inputs);
  if (result.score < MIN_PASSWORD_SCORE) return problem('guessable');
  return null;
}

/** Why a password is too weak (a Danish / English sentence), or null when it is acceptable. */
export function passwordProblem(password: string, username: string): string | null {
  return checkPassword(password, { username })?.message ?? null;
}
