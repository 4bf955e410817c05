import { describe, expect, it } from 'vitest';
import { checkPassword, passwordProblem } from './password-policy.ts';

describe('passwordProblem', () => {
  it.each(['kaffe-og-kage-42', 'rugbroed-med-ost', 'hest batteri korrekt hæfteklamme', 'æøå-kage-42-sol'])(
    'accepts a long, unremarkable password: %s',
    (password) => {
      expect(passwordProblem(password, 'anna')).toBeNull();
    },
  );

  it.each([
    ['short', 'kort123', /mindst 10 tegn.*at least 10 characters/],
    ['repeated', 'aaaaaaaaaaaa', /gentaget.*repeated/],
    ['username', 'AnnaHolm1234', /brugernavnet.*username/],
    ['common', 'Password123', /too easy to guess|too common/],
    ['common Danish', 'adgangskode123', /too common/],
  ])('rejects a %s password in Danish and English', (_what, password, message) => {
    expect(passwordProblem(password, 'annaholm1234')).toMatch(message);
  });

  it.each([
    'abababababab',
    'qwerty123456',
    'Sommer2025',
    'vinter123456',
    'asdfghjkl123',
    '1q2w3e4r5t6y',
    'Sundhedsplejerske1',
  ])('refuses the guessable %s (strength estimator)', (password) => {
    expect(checkPassword(password, { username: 'anna' })?.reason).toMatch(/guessable|common/);
  });

  it('uses the username and display name as words an attacker would try', () => {
    expect(checkPassword('hansenmette', { username: 'mette', displayName: 'Mette Hansen' })?.reason).toBe('guessable');
  });

  it('counts characters, not UTF-16 units', () => {
    // Five emoji are ten UTF-16 code units but five characters.
    expect(passwordProblem('😀🍓😀🍓😀', 'anna')).toMatch(/at least 10/);
  });
});
