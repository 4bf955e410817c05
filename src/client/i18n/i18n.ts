/**
 * i18next set up with bundled catalogues (no network: the app must start offline). Danish is the
 * default and ships with the first screen; English is a separate chunk (precached by the service
 * worker), loaded when chosen. The choice is remembered in localStorage (a UI preference, not data).
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { da } from './catalogue/da.ts';

export const languages = ['da', 'en'] as const;
export type Language = (typeof languages)[number];
const STORAGE_KEY = 'tusind-dage.language';

function storedLanguage(): Language {
  return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'da';
}

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  lng: 'da',
  fallbackLng: 'da',
  resources: { da: { translation: da } },
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

async function load(language: Language): Promise<void> {
  if (language === 'en' && !i18n.hasResourceBundle('en', 'translation')) {
    const { en } = await import('./catalogue/en.ts');
    i18n.addResourceBundle('en', 'translation', en);
  }
}

export async function setLanguage(language: Language): Promise<void> {
  globalThis.localStorage?.setItem(STORAGE_KEY, language);
  await load(language);
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

if (storedLanguage() === 'en') void setLanguage('en');
