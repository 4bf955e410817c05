/** The translator does what the UI used of i18next: keys, interpolation, plurals, fallback, missing texts. */
import { describe, expect, it, vi } from 'vitest';
import { Translator } from './translator.ts';

const make = () => {
  const missing = vi.fn();
  const i18n = new Translator({ language: 'da', fallback: 'da', onMissing: missing });
  i18n.addTexts('da', {
    app: { name: 'Tusind Dage', hello: 'Hej {{name}}, {{ name }}!', only: 'kun dansk' },
    sync: { left_one: '{{count}} ændring', left_other: '{{count}} ændringer' },
    plain: 'uden flertal',
  });
  i18n.addTexts('en', {
    app: { name: 'Thousand Days', hello: 'Hi {{name}}' },
    sync: { left_one: 'one change', left_other: '{{count}} changes' },
  });
  return { i18n, missing };
};

describe('Translator', () => {
  it('looks up dotted keys and interpolates every placeholder', () => {
    const { i18n } = make();
    expect(i18n.t('app.name')).toBe('Tusind Dage');
    expect(i18n.t('app.hello', { name: 'Mette' })).toBe('Hej Mette, Mette!');
    expect(i18n.t('app.hello', {})).toBe('Hej , !');
    expect(i18n.t('app.hello', { name: 0 })).toBe('Hej 0, 0!');
  });

  it('writes a count as its language writes numbers, and other values as given', () => {
    const { i18n } = make();
    expect(i18n.t('sync.left', { count: 24765 })).toBe('24.765 ændringer');
    expect(i18n.t('app.hello', { name: 2026 })).toBe('Hej 2026, 2026!');
    i18n.changeLanguage('en');
    expect(i18n.t('sync.left', { count: 24765 })).toBe('24,765 changes');
  });

  it('chooses the plural form by count with the language rules, and a plain key without forms', () => {
    const { i18n } = make();
    expect(i18n.t('sync.left', { count: 1 })).toBe('1 ændring');
    expect(i18n.t('sync.left', { count: 0 })).toBe('0 ændringer');
    expect(i18n.t('sync.left', { count: 3 })).toBe('3 ændringer');
    expect(i18n.t('plain', { count: 2 })).toBe('uden flertal');
  });

  it('falls back to Danish, then to the default value, and reports a key no catalogue has', async () => {
    const { i18n, missing } = make();
    const danishT = i18n.t;
    await i18n.changeLanguage('en');
    expect(i18n.language).toBe('en');
    expect(i18n.t).not.toBe(danishT);
    expect(i18n.t('app.name')).toBe('Thousand Days');
    expect(i18n.t('sync.left', { count: 1 })).toBe('one change');
    expect(i18n.t('app.only')).toBe('kun dansk');
    expect(i18n.t('app.none', { defaultValue: 'x {{n}}', n: 1 })).toBe('x 1');
    expect(missing).not.toHaveBeenCalled();
    expect(i18n.t('app.none')).toBe('app.none');
    expect(i18n.t('app')).toBe('app');
    expect(missing).toHaveBeenCalledWith(['en', 'da'], 'app.none');
  });

  it('merges texts added later into a language and tells subscribers of a change of language', async () => {
    const { i18n } = make();
    i18n.addTexts('da', { app: { extra: 'mere' } });
    expect(i18n.t('app.extra')).toBe('mere');
    expect(i18n.t('app.name')).toBe('Tusind Dage');
    expect(i18n.hasTexts('en')).toBe(true);
    expect(i18n.hasTexts('de')).toBe(false);
    const listener = vi.fn();
    const unsubscribe = i18n.subscribe(listener);
    await i18n.changeLanguage('en');
    await i18n.changeLanguage('en');
    unsubscribe();
    await i18n.changeLanguage('da');
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
