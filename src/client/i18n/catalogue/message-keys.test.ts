/**
 * Every message key the app can show has a text in both languages, so a form never shows a raw key
 * such as "validation.valueOrReason". The keys are collected, not listed by hand: every
 * "validation.*" string that a module in src/shared exports (the msg, visitsMsg, cospMsg, … tables)
 * or spells out in its source, and every literal key the client passes to t('…').
 */
import { describe, expect, it } from 'vitest';
import { screensDa } from './da/screens.ts';
import { da } from './da.ts';
import { screensEn } from './en/screens.ts';
import { en } from './en.ts';

const MESSAGE_KEY = /^validation\.[A-Za-z]+$/;
// Vite's glob import (also in vitest): the modules and the source text of src/shared and src/client.
const sharedModules = import.meta.glob(
  ['../../../shared/**/*.ts', '!../../../shared/**/*.test.ts', '!../../../shared/growth/data/**'],
  { eager: true },
);
const sharedSources = import.meta.glob<string>(
  ['../../../shared/**/*.ts', '!../../../shared/**/*.test.ts', '!../../../shared/growth/data/**'],
  {
    eager: true,
    query: '?raw',
    import: 'default',
  },
);
const clientSources = import.meta.glob<string>(
  ['../../**/*.{ts,tsx}', '!../../**/*.test.{ts,tsx}', '!../../**/*.d.ts'],
  { eager: true, query: '?raw', import: 'default' },
);

/** The "validation.*" strings among an exported value (a key table, a key, nested tables). */
function keysIn(value: unknown, found: Set<string>, depth = 0): void {
  if (typeof value === 'string') {
    if (MESSAGE_KEY.test(value)) found.add(value);
  } else if (value && typeof value === 'object' && depth < 3 && !Array.isArray(value)) {
    for (const inner of Object.values(value)) keysIn(inner, found, depth + 1);
  }
}

function sharedMessageKeys(): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [file, module] of Object.entries(sharedModules)) {
    const found = new Set<string>();
    keysIn(module, found);
    for (const match of (sharedSources[file] ?? '').matchAll(/['"`](validation\.[A-Za-z]+)['"`]/g)) {
      found.add(match[1] as string);
    }
    for (const key of found) keys.set(key, file);
  }
  return keys;
}

/** Literal keys passed to t() in the client (template keys are covered by label-key tests). */
function clientLiteralKeys(): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [file, source] of Object.entries(clientSources)) {
    for (const match of source.matchAll(/\bt\(\s*'([a-zA-Z][\w-]*(?:\.[\w-]+)+)'/g)) {
      keys.set(match[1] as string, file);
    }
  }
  return keys;
}

function lookup(catalogues: object[], key: string): unknown {
  for (const catalogue of catalogues) {
    let node: unknown = catalogue;
    for (const part of key.split('.')) {
      node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
    }
    if (node !== undefined) return node;
  }
  return undefined;
}

/** A key has a text of its own or plural forms (key_one / key_other, see translator.ts). */
const hasText = (catalogues: object[], key: string) =>
  [key, `${key}_other`].some((k) => {
    const text = lookup(catalogues, k);
    return typeof text === 'string' && text.trim() !== '';
  });

describe.each([
  ['da', [da, screensDa]],
  ['en', [en, screensEn]],
])('the %s catalogue', (_language, catalogues) => {
  it('has a text for every validation key the shared schemas can emit', () => {
    const keys = sharedMessageKeys();
    const missing = [...keys].filter(([key]) => !hasText(catalogues, key)).map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
    // The collection itself works: the shared tables hold dozens of keys.
    expect(keys.size).toBeGreaterThan(30);
    expect(keys.get('validation.required')).toBeDefined();
  });

  it('has a text for every literal key the client passes to t()', () => {
    const keys = clientLiteralKeys();
    const missing = [...keys].filter(([key]) => !hasText(catalogues, key)).map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
    expect(keys.size).toBeGreaterThan(200);
  });
});
