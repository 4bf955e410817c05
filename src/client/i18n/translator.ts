/**
 * The app's translator: what the UI used of i18next, in ~1 KB instead of i18next and
 * react-i18next's ~16 KB gzip on the first screen (docs/decisions/0071-own-translator.md).
 * Nested catalogues per language, dotted keys, `{{name}}` interpolation, plural forms
 * `key_one` / `key_other` chosen by Intl.PluralRules for `count`, a fallback language,
 * `defaultValue`, and a report for a key no catalogue has. Texts are plain: React escapes them.
 */

export type Texts = { readonly [key: string]: string | Texts };
export type TOptions = { count?: number; defaultValue?: string } & Record<string, unknown>;
export type MissingHandler = (languages: readonly string[], key: string) => void;

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

function lookup(texts: Texts | undefined, key: string): string | undefined {
  let node: string | Texts | undefined = texts;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

function merge(into: Record<string, unknown>, from: Texts): void {
  for (const [key, value] of Object.entries(from)) {
    const current = into[key];
    if (typeof value !== 'string' && current && typeof current === 'object')
      merge(current as Record<string, unknown>, value);
    else into[key] = typeof value === 'string' ? value : structuredClone(value);
  }
}

export class Translator<Key extends string = string> {
  language: string;
  readonly fallback: string;
  /** A new function after each change of language, so memoised renders see the change. */
  t: (key: Key, options?: TOptions) => string;
  private readonly texts = new Map<string, Record<string, unknown>>();
  private readonly plurals = new Map<string, Intl.PluralRules>();
  private readonly numbers = new Map<string, Intl.NumberFormat>();
  private readonly listeners = new Set<() => void>();
  private readonly onMissing: MissingHandler | undefined;

  constructor(options: { language: string; fallback: string; onMissing?: MissingHandler }) {
    this.language = options.language;
    this.fallback = options.fallback;
    this.onMissing = options.onMissing;
    this.t = this.bind();
  }

  hasTexts(language: string): boolean {
    return this.texts.has(language);
  }

  /** Adds texts to a language (deep merge; a later text of the same key wins). */
  addTexts(language: string, texts: Texts): void {
    const bundle = this.texts.get(language) ?? {};
    this.texts.set(language, bundle);
    merge(bundle, texts);
  }

  async changeLanguage(language: string): Promise<void> {
    if (language === this.language) return;
    this.language = language;
    this.t = this.bind();
    for (const listener of this.listeners) listener();
  }

  /** For useSyncExternalStore: called after each change of language. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  translate(language: string, key: string, options?: TOptions): string {
    const languages = language === this.fallback ? [language] : [language, this.fallback];
    const count = options?.count;
    for (const lng of languages) {
      const texts = this.texts.get(lng) as Texts | undefined;
      const text =
        (typeof count === 'number' ? lookup(texts, `${key}_${this.pluralRules(lng).select(count)}`) : undefined) ??
        lookup(texts, key);
      if (text !== undefined) return this.interpolate(lng, text, options);
    }
    if (options?.defaultValue !== undefined) return this.interpolate(language, options.defaultValue, options);
    this.onMissing?.(languages, key);
    return key;
  }

  private bind(): (key: Key, options?: TOptions) => string {
    const language = this.language;
    return (key, options) => this.translate(language, key, options);
  }

  /**
   * Fills the placeholders. A `count` is a quantity and is written as the language writes numbers
   * ("1.000 poster hentet", "1,000 records"); other values (a year, an id) are written as given.
   */
  private interpolate(language: string, text: string, options: TOptions | undefined): string {
    if (!options || !text.includes('{{')) return text;
    return text.replace(PLACEHOLDER, (_match, name: string) => {
      const value = options[name];
      if (name === 'count' && typeof value === 'number') return this.numberFormat(language).format(value);
      return value === undefined || value === null ? '' : String(value);
    });
  }

  private numberFormat(language: string): Intl.NumberFormat {
    const format = this.numbers.get(language) ?? new Intl.NumberFormat(language);
    this.numbers.set(language, format);
    return format;
  }

  private pluralRules(language: string): Intl.PluralRules {
    const rules = this.plurals.get(language) ?? new Intl.PluralRules(language);
    this.plurals.set(language, rules);
    return rules;
  }
}
