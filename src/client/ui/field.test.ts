import { describe, expect, it } from 'vitest';
import { formatLocaleNumber, formatNumber, parseLocaleNumber } from './field.tsx';

describe('numbers in the UI language', () => {
  it('formats with the active locale: a decimal comma in Danish, a point in English', () => {
    expect(formatNumber(0.27, 'da', { minimumFractionDigits: 2 })).toBe('0,27');
    expect(formatNumber(0.27, 'en', { minimumFractionDigits: 2 })).toBe('0.27');
    expect(formatNumber(-1.5, 'en')).toBe('-1.5');
    expect(formatNumber(10800, 'da')).toBe('10.800');
    expect(formatNumber(10800, 'en')).toBe('10,800');
  });

  it('shows a stored number in an input in the language, and reads either notation back', () => {
    expect(formatLocaleNumber(51.5, 'da')).toBe('51,5');
    expect(formatLocaleNumber(51.5, 'en')).toBe('51.5');
    expect(formatLocaleNumber(null, 'en')).toBe('');
    expect(parseLocaleNumber('51,5')).toBe(51.5);
    expect(parseLocaleNumber(' 51.5 ')).toBe(51.5);
    expect(parseLocaleNumber('')).toBeNull();
  });
});
