import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.ts';

describe('passwordProblem', () => {
  it('accepts a long, unremarkable password', () => {
    expect(passwordProblem('kaffe-og-kage-42', 'anna')).toBeNull();
  });

  it.each([
    ['short', 'kort123', /mindst 10 tegn.*at least 10 characters/],
    ['repeated', 'aaaaaaaaaaaa', /gentaget.*repeated/],
    ['username', 'AnnaHolm1234', /brugernavnet.*username/],
    ['common', 'Password123', /almindelig.*too common/],
    ['common Danish', 'adgangskode123', /too common/],
  ])('rejects a %s password in Danish and English', (_what, password, message) => {
    expect(passwordProblem(password, 'annaholm1234')).toMatch(message);
  });

  it('counts characters, not UTF-16 units', () => {
    // Five emoji are ten UTF-16 code units but five characters.
    expect(passwordProblem('😀🍓😀🍓😀', 'anna')).toMatch(/at least 10/);
    expect(passwordProblem('æøå-kage-42', 'anna')).toBeNull();
  });
});
