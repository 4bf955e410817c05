/**
 * The catalogues have a text for every label key the visit domain builds (sections, fields,
 * choices, TOPI judgements): the observation forms and the print summary never show a raw key.
 */
import { describe, expect, it } from 'vitest';
import { topiLabelKeys } from '../../../shared/instruments/topi.ts';
import { visitLabelKeys } from '../../../shared/visits/labels.ts';
import { defaultVisitTopics } from '../../../shared/visits/visit.ts';
import { screensDa } from './da/screens.ts';
import { da } from './da.ts';
import { screensEn } from './en/screens.ts';
import { en } from './en.ts';

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

const keys = [...visitLabelKeys(defaultVisitTopics), ...Object.values(topiLabelKeys)];

describe.each([
  ['da', [da, screensDa]],
  ['en', [en, screensEn]],
])('the %s catalogue', (_language, catalogues) => {
  it('has a non-empty text for every visit label key', () => {
    const missing = keys.filter((key) => {
      const text = lookup(catalogues, key);
      return typeof text !== 'string' || text.trim() === '';
    });
    expect(missing).toEqual([]);
    expect(keys.length).toBeGreaterThan(100);
  });
});
