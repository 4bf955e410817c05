/**
 * The weak-password rule for accounts (admin CLI): long enough, not trivially repetitive, not the
 * username and not a well-known password. Pure; the message is in Danish and English because the
 * CLI is used by Danish administrators and by developers.
 */

export const MIN_PASSWORD_LENGTH = 10;

/** A small list of passwords that appear early in every guessing list (compared lower-cased). */
const commonPasswords = new Set([
  '1234567890',
  '0123456789',
  '12345678910',
  '1234567891',
  '0987654321',
  'password12',
  'password123',
  'password1234',
  'passw0rd123',
  'qwertyuiop',
  'qwerty1234',
  'qwerty12345',
  'asdfghjkl1',
  'iloveyou12',
  'letmein123',
  'welcome123',
  'abcdefghij',
  'abcd123456',
  'adgangskode',
  'adgangskode1',
  'adgangskode123',
  'kodeord123',
  'hemmelig123',
  'velkommen1',
  'velkommen123',
  'sommer2024',
  'sommer2025',
  'vinter2024',
  'vinter2025',
  'sundhedsplejerske',
  'sundhedspleje',
  'tusinddage',
  'tusind-dage',
]);

/** Why a password is too weak (a Danish / English sentence), or null when it is acceptable. */
export function passwordProblem(password: string, username: string): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    return `Adgangskoden skal være mindst ${MIN_PASSWORD_LENGTH} tegn / The password must be at least ${MIN_PASSWORD_LENGTH} characters.`;
  }
  if (new Set(password).size === 1) {
    return 'Adgangskoden må ikke være ét tegn gentaget / The password must not be one repeated character.';
  }
  if (password.trim().toLowerCase() === username.trim().toLowerCase()) {
    return 'Adgangskoden må ikke være brugernavnet / The password must not be the username.';
  }
  if (commonPasswords.has(password.toLowerCase())) {
    return 'Adgangskoden er for almindelig / The password is too common.';
  }
  return null;
}
