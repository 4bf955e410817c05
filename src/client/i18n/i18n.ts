/**
 * The translator (translator.ts) set up with bundled catalogues (no network: the app must start offline). Danish is the
 * default and ships with the first screen; English is a separate chunk (precached by the service
 * worker), loaded when chosen. The choice is remembered in localStorage (a UI preference, not data).
 */
import { da } from './catalogue/da.ts';
import type { TextKey } from './text-keys.ts';
import { Translator } from './translator.ts';

export const languages = ['da', 'en'] as const;
export type Language = (typeof languages)[number];
const STORAGE_KEY = 'tusind-dage.language';

function storedLanguage(): Language {
  return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'da';
}

/**
 * Called for a key no catalogue has (after the Danish fallback; a key asked for with its own
 * defaultValue is an intended fallback, not a gap). It would show as the raw key: say so loudly
 * (the end-to-end tests fail on it).
 */
function reportMissingText(languages: readonly string[], key: string): void {
  console.error(`[i18n] missing text for "${key}" (${languages.join(', ')})`);
}

export const i18n = new Translator<TextKey>({ language: 'da', fallback: 'da', onMissing: reportMissingText });
i18n.addTexts('da', da);

let screensWanted = false;

async function load(language: Language): Promise<void> {
  if (language === 'en' && !i18n.hasTexts('en')) {
    const { en } = await import('./catalogue/en.ts');
    i18n.addTexts('en', en);
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
  i18n.addTexts(language, texts);
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
