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

/**
 * Called by i18next for a key no catalogue has (after the Danish fallback). A key asked for with
 * its own defaultValue is an intended fallback, not a gap.
 */
function reportMissingText(
  languages: readonly string[],
  _namespace: string,
  key: string,
  _fallbackValue: string,
  _updateMissing: boolean,
  options: { defaultValue?: unknown } | undefined,
): void {
  if (options?.defaultValue !== undefined) return;
  console.error(`[i18n] missing text for "${key}" (${languages.join(', ')})`);
}

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  lng: 'da',
  fallbackLng: 'da',
  resources: { da: { translation: da } },
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
  // A key without a text would show as the raw key: say so loudly (the end-to-end tests fail on it).
  saveMissing: true,
  missingKeyHandler: reportMissingText,
});

let screensWanted = false;

async function load(language: Language): Promise<void> {
  if (language === 'en' && !i18n.hasResourceBundle('en', 'translation')) {
    const { en } = await import('./catalogue/en.ts');
    i18n.addResourceBundle('en', 'translation', en, true, true);
  }
  if (screensWanted) await loadScreens(language);
}

const screensLoaded = new Set<Language>();

async function loadScreens(language: Language): Promise<void> {
  if (screensLoaded.has(language)) return;
  const texts =
    language === 'en'
      ? (await import('./catalogue/en/screens.ts')).screensEn
      : (await import('./catalogue/da/screens.ts')).screensDa;
  i18n.addResourceBundle(language, 'translation', texts, true, true);
  screensLoaded.add(language);
}

/**
 * The texts of screens beyond the first: a lazy chunk (precached for offline use) that screens
 * await together with their own code. Danish is always loaded as the fallback language.
 */
export async function loadScreenTexts(): Promise<void> {
  screensWanted = true;
  const language = i18n.language === 'en' ? 'en' : 'da';
  await Promise.all([loadScreens('da'), language === 'en' ? loadScreens('en') : Promise.resolve()]);
}

export async function setLanguage(language: Language): Promise<void> {
  globalThis.localStorage?.setItem(STORAGE_KEY, language);
  await load(language);
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

if (storedLanguage() === 'en') void setLanguage('en');
