/**
 * i18next set up with the bundled catalogues (no network loading: the app must start offline).
 * Danish is the default; the chosen language is remembered in localStorage (a UI preference, not data).
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { da } from './catalogue/da.ts';
import { en } from './catalogue/en.ts';

export const languages = ['da', 'en'] as const;
export type Language = (typeof languages)[number];
const STORAGE_KEY = 'tusind-dage.language';

function initialLanguage(): Language {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'da';
}

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  lng: initialLanguage(),
  fallbackLng: 'da',
  resources: { da: { translation: da }, en: { translation: en } },
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

export function setLanguage(language: Language): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, language);
  void i18n.changeLanguage(language);
  document.documentElement.lang = language;
}
